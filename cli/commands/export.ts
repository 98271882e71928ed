// `tourney export <model-dir | name[@version|alias]> --out <bundle-dir> [--registry <dir>] [--name <name>]
//   [--alert-rules <rules.json>] [--alert-for <duration>]`:
// writes the scoring microservice bundle (scorer/bundle/write-bundle.ts) for a model directory
// or a registered version (a bare name means its champion; cli/registry/resolve-model.ts).
// --alert-rules sets the thresholds of its prometheus-rules.yml (the JSON `tourney monitor --rules`
// reads), --alert-for how long a drift or quality condition must hold before it fires (Prometheus
// `for`, default 5m).
// `tourney export <registry | fleet-dir> --out <bundle-dir> [--name <name>]` writes the multi-model
// bundle instead (scorer/bundle/write-fleet-bundle.ts): every tenant's champion behind one server.
import { existsSync } from 'node:fs';
import { writeFleetBundle } from '../../scorer/bundle/write-fleet-bundle';
import { writeBundleFiles } from '../../scorer/bundle/write-bundle';
import { multiModelKind } from '../../scorer/fleet/tenant-catalog';
import { checkFlags, parseArgs, stringFlag, UsageError } from '../args';
import { resolveModel } from '../registry/resolve-model';
import { readRules } from './monitor';

export async function exportCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  checkFlags(args, ['out', 'name', 'registry', 'alert-rules', 'alert-for']);
  if (args.positionals.length !== 1) throw new UsageError('export needs one model: tourney export <model-dir | name[@version|alias]> --out <bundle-dir>');
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('export needs --out <bundle-dir>');
  const source = args.positionals[0];
  const kind = existsSync(source) ? multiModelKind(source) : null;
  if (kind === 'registry' || kind === 'fleet') {
    const given = ['registry', 'alert-rules', 'alert-for'].find((f) => args.flags.has(f));
    if (given) throw new UsageError(`--${given} applies to one model; ${source} is a ${kind === 'fleet' ? 'fleet directory' : 'registry'} (a multi-model bundle)`);
    const result = await writeFleetBundle(source, out, { name: stringFlag(args, 'name') });
    const skipped = result.skipped.length ? `; left out ${result.skipped.length} without a champion: ${result.skipped.slice(0, 5).join(', ')}${result.skipped.length > 5 ? ', …' : ''}` : '';
    process.stderr.write(`wrote a multi-model bundle of ${result.tenants} tenants to ${out} (${result.name})${skipped}; run: cd ${out} && npm install && npm start\n`);
    return 0;
  }
  const alertFor = stringFlag(args, 'alert-for');
  if (alertFor !== undefined && !/^(\d+(ms|s|m|h|d|w|y))+$/.test(alertFor)) throw new UsageError(`--alert-for must be a Prometheus duration such as 30s, 5m or 1h, got "${alertFor}"`);
  const rulesPath = stringFlag(args, 'alert-rules');
  const alertRules = rulesPath === undefined ? undefined : await readRules(rulesPath);
  const resolved = await resolveModel(args.positionals[0], stringFlag(args, 'registry'));
  const name = stringFlag(args, 'name') ?? resolved.name;
  const result = await writeBundleFiles(resolved.files, out, {
    name: name ?? basenameOf(resolved.source),
    ...(resolved.registry ? { registry: resolved.registry } : {}),
    ...(alertRules ? { alertRules } : {}),
    ...(alertFor ? { prometheus: { for: alertFor } } : {}),
  }, resolved.source);
  const from = resolved.registry ? ` from ${resolved.registry.model} v${resolved.registry.version}${resolved.registry.alias ? ` (@${resolved.registry.alias})` : ''}` : '';
  process.stderr.write(`wrote ${result.files.length} files to ${out} (${result.name} ${result.version}${from}); run: cd ${out} && npm install && npm start\n`);
  return 0;
}

function basenameOf(path: string): string {
  return path.replace(/[/\\]+$/, '').split(/[/\\]/).pop() || 'model';
}
