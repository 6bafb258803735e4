// Runs before the npm scripts (`prebuild`, `pretest`, …), on whatever Node npm found first on PATH. After
// `npm install` that is the Node 24 of the `node` development dependency, whatever the system Node is;
// this check only fires when that install did not happen (`--omit=dev`, `--ignore-scripts`, a platform
// without a Node package) and the system Node is too old. Plain CommonJS, so that old Nodes can run it.
'use strict';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    [
      `Insigne needs Node.js 22.18 or newer; this is Node.js ${process.versions.node} (${process.execPath}).`,
      'Fix: run `npm install` in the project folder (without --omit=dev or --ignore-scripts): it installs',
      "Node.js 24 from the npm registry as a development dependency, and npm's scripts then run on it.",
      'Or install Node.js 22.18+ yourself (https://nodejs.org) and run the command again.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
