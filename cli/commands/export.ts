// `tourney export <model-dir> --out <bundle-dir> [--name <name>] [--alert-rules <rules.json>] [--alert-for <duration>]`:
// writes
// the scoring microservice bundle (scorer/bundle/write-bundle.ts); --alert-rules sets the thresholds
// of its prometheus-rules.yml (the JSON `tourney monitor --rules` reads), --alert-for how long a drift
// or quality condition must hold before it fires (Prometheus `for`, default 5m). `name@alias` registry references belong to the registry issue.
import { existsSync } from 'node:fs';
import { writeBundle } from '../../scorer/bundle/write-bundle';
import { checkFlags, parseArgs, stringFlag, UsageError } from '../args';
import { readRules } from './monitor';

/** `name@alias` / `name@3` when no such directory exists: a registry reference. */
export function checkNotRegistryRef(ref: string): void {
  if (/^[^/\\]+@[^/\\]+$/.test(ref) && !existsSync(ref)) throw new Error(`${ref}: registry not available yet; give a model directory`);
}

export async function exportCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  checkFlags(args, ['out', 'name', 'alert-rules', 'alert-for']);
  if (args.positionals.length !== 1) throw new UsageError('export needs one model directory: tourney export <model-dir> --out <bundle-dir>');
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('export needs --out <bundle-dir>');
  const [modelDir] = args.positionals;
  checkNotRegistryRef(modelDir);
  const name = stringFlag(args, 'name');
  const rulesPath = stringFlag(args, 'alert-rules');
  const alertRules = rulesPath === undefined ? undefined : await readRules(rulesPath);
  const alertFor = stringFlag(args, 'alert-for');
  if (alertFor !== undefined && !/^(\d+(ms|s|m|h|d|w|y))+$/.test(alertFor)) throw new UsageError(`--alert-for must be a Prometheus duration such as 30s, 5m or 1h, got "${alertFor}"`);
  const result = await writeBundle(modelDir, out, { ...(name ? { name } : {}), ...(alertRules ? { alertRules } : {}), ...(alertFor ? { prometheus: { for: alertFor } } : {}) });
  process.stderr.write(`wrote ${result.files.length} files to ${out} (${result.name} ${result.version}); run: cd ${out} && npm install && npm start\n`);
  return 0;
}
