// The command as a process (bundled to dist/cli/<build>/tourney.mjs, started by cli/bin/tourney.js):
// exit quietly when the reader of stdout goes away, stop at once on Ctrl+C / kill, run main.
import { installSignalHandlers } from './signals';
import { main } from './main';

// `tourney predict … | head`: the reader closing the pipe ends the command quietly, like other
// Unix tools, instead of an EPIPE stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
// Ctrl+C / kill stop at once with 130 / 143 and nothing written, also through `npx` (cli/signals.ts).
installSignalHandlers();
process.exitCode = await main(process.argv.slice(2));
