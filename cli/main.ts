// `tourney` command dispatch. Usage errors exit 2, data/model errors exit 1, each with one
// `error: …` line on stderr; stack traces only with TOURNEY_DEBUG=1.
import { UsageError } from './args';

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  profile: async () => (await import('./commands/profile')).profileCommand,
  train: async () => (await import('./commands/train')).trainCommand,
  predict: async () => (await import('./commands/predict')).predictCommand,
  evaluate: async () => (await import('./commands/evaluate')).evaluateCommand,
  registry: async () => (await import('./commands/registry')).registryCommand,
};

const USAGE = `usage: tourney <command> [options]

commands:
  profile  <data> [--json]
  train    <data> --target <col> [--task auto|binary|multiclass|regression] [--metric <name>]
           [--time-budget <seconds>] [--models gbdt,forest,linear,bayes] [--seed <n>]
           [--out <model-dir>] [--fixed '<json>'] [--json]
           [--template <template.json>] [--workers <n>] [--max-candidates <n>]   (tournament only)
  predict  <model-dir> <data> [--out <file.csv>]
  evaluate <model-dir> <labeled data> [--json]`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`error: unknown command "${name}"\n${USAGE}\n`);
    return 2;
  }
  if (rest.some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  try {
    return await (await load())(rest);
  } catch (err) {
    if (process.env.TOURNEY_DEBUG === '1') console.error(err);
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: ${message.split('\n')[0]}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
