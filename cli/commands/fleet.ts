// `tourney fleet train | status | k8s`: one tournament template, many tenants, each its own
// model (cli/commands/fleet-train.ts, fleet-status.ts, fleet-k8s.ts).
import { UsageError } from '../args';

const SUBCOMMANDS: Record<string, () => Promise<(argv: string[]) => Promise<number>>> = {
  train: async () => (await import('./fleet-train')).fleetTrainCommand,
  status: async () => (await import('./fleet-status')).fleetStatusCommand,
  k8s: async () => (await import('./fleet-k8s')).fleetK8sCommand,
};

export async function fleetCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined) throw new UsageError(`fleet needs a subcommand: ${Object.keys(SUBCOMMANDS).join(', ')}`);
  const load = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!load) throw new UsageError(`unknown fleet subcommand "${sub}" (known: ${Object.keys(SUBCOMMANDS).join(', ')})`);
  return (await load())(rest);
}
