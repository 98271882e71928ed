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
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
