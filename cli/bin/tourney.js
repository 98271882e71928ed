#!/usr/bin/env node
// Entry for `npx tourney`: runs the CLI built ahead of time as plain JavaScript (scripts/build-cli.js,
// dist/cli/). With no build yet (a fresh clone) or a source newer than the build, it builds first,
// once: about a second; `npm start` and `npm test` build before they run anything.
import { buildCli, freshCliBuild } from '../../scripts/build-cli.js';

let entry = freshCliBuild();
if (entry === null) {
  try {
    entry = await buildCli();
  } catch (error) {
    process.stderr.write(`error: building the CLI (scripts/build-cli.js) failed: ${String(error.message).split('\n')[0]}\n`);
    process.exit(1);
  }
}
await import(entry);
