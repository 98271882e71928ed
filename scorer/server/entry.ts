// The command line both server.js entries share (scorer/server/main.ts, scorer/fleet/main.ts):
// `--port`, `--host` and one folder flag, each as `--flag value` or `--flag=value`; startup
// problems end in one `error: …` line, exit 2 for configuration, 1 for model files.
import { StartupError } from './app';
import { ConfigError } from './run';

/** The flags given, by name (without the dashes); anything else is a ConfigError naming the usage. */
export function serverFlags(argv: string[], dirFlag: string): Record<string, string> {
  const usage = `usage: node server.js [--port 8080] [--host 127.0.0.1] [--${dirFlag} <dir>]`;
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !['port', 'host', dirFlag].includes(m[1])) throw new ConfigError(`unknown argument "${argv[i]}" (${usage})`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new ConfigError(`--${m[1]} needs a value`);
    out[m[1]] = value;
  }
  return out;
}

/** --port if given, else the environment's, else 8080; refused unless 0…65535. */
export function serverPort(flag: string | undefined, envPort: number | undefined): number {
  const port = flag !== undefined ? Number(flag) : envPort ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port must be 0…65535, got "${flag}"`);
  return port;
}

/** Runs the server until it stops; a startup problem prints one line and sets the exit code. */
export function runEntry(start: () => Promise<void>): void {
  void start().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`error: ${(err as Error).message.split('\n')[0]}\n`);
      process.exit(err instanceof StartupError || err instanceof ConfigError ? 2 : 1);
    },
  );
}
