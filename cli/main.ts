// `tourney` command dispatch. Usage errors exit 2, data/model errors exit 1, each with one
// `error: …` line on stderr (a usage error adds one line pointing at the command's --help);
// stack traces only with TOURNEY_DEBUG=1.
import { UsageError } from './args';
import { commandHelp, formatCommandHelp, formatOverview, usageHint } from './help';

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  profile: async () => (await import('./commands/profile')).profileCommand,
  train: async () => (await import('./commands/train')).trainCommand,
  predict: async () => (await import('./commands/predict')).predictCommand,
  evaluate: async () => (await import('./commands/evaluate')).evaluateCommand,
  monitor: async () => (await import('./commands/monitor')).monitorCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  serve: async () => (await import('./commands/serve')).serveCommand,
  registry: async () => (await import('./commands/registry')).registryCommand,
  retrain: async () => (await import('./commands/retrain')).retrainCommand,
  fleet: async () => (await import('./commands/fleet')).fleetCommand,
};

/** The command table's names (every one has a help page: cli/help.test.ts). */
export const COMMAND_NAMES: readonly string[] = Object.keys(commands);

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) return usageError(`no command given (commands: ${Object.keys(commands).join(', ')})`);
  if (isHelp(name) || name === 'help') {
    // `tourney help train` is `tourney train --help`.
    const topic = name === 'help' ? rest[0] : undefined;
    const page = topic === undefined ? formatOverview() : commandHelp(topic) && formatCommandHelp(commandHelp(topic)!);
    if (!page) return usageError(`unknown command "${topic}"`);
    process.stdout.write(page);
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) return usageError(`unknown command "${name}" (commands: ${Object.keys(commands).join(', ')})`);
  // --help anywhere before a lone `--` asks for help, whatever else the line holds.
  const beforeDashes = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (beforeDashes.some(isHelp)) {
    const help = commandHelp(name);
    process.stdout.write(help ? formatCommandHelp(help) : formatOverview());
    return 0;
  }
  try {
    return await (await load())(rest);
  } catch (err) {
    if (process.env.TOURNEY_DEBUG === '1') console.error(err);
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof UsageError) return usageError(message, name);
    process.stderr.write(`error: ${errorLine(message)}\n`);
    return 1;
  }
}

/**
 * The one `error:` line: a usage text a command appended is left off, and line breaks inside
 * the message (a quoted cell or column name holding a newline) are escaped, not cut at.
 */
export function errorLine(message: string): string {
  return message.replace(/\n+usage: [\s\S]*$/, '').replace(/\r\n|\r|\n/g, (b) => (b === '\r\n' ? '\\r\\n' : b === '\r' ? '\\r' : '\\n'));
}

function usageError(message: string, command?: string): number {
  process.stderr.write(`error: ${errorLine(message)}\n${usageHint(command)}\n`);
  return 2;
}
