#!/usr/bin/env node
// Entry for `npx tourney`: the CLI is TypeScript, run through tsx's loader so no build step is needed.
import { register } from 'tsx/esm/api';

register();
// `tourney predict … | head`: the reader closing the pipe ends the command quietly, like other
// Unix tools, instead of an EPIPE stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
// Ctrl+C / kill stop at once with 130 / 143 and nothing written, also through `npx` (cli/signals.ts).
const { installSignalHandlers } = await import('../signals.ts');
installSignalHandlers();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
