// package.json "main": Electron starts here. The real main process is bundled from
// main/electron-main.ts to dist/main/main.cjs by scripts/build-main.js (`npm start` runs it).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'main', 'main.cjs');
if (!existsSync(bundle)) {
  console.error(`error: ${bundle} is missing; build it with \`node scripts/build-main.js\` (npm start does this)`);
  process.exit(1);
}
require(bundle);
