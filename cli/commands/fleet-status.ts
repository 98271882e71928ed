// `tourney fleet status <fleet-dir> [--json]`: merges the shards' results into fleet.json and
// reports every tenant — done (winner, scores, above chance), skipped or failed with the reason —
// and the tenants no shard has finished. Exit 0 when every tenant has a result and none failed,
// 3 when some are missing or failed (so a pipeline can gate on it, like `monitor`'s alerts),
// 1 when the folder cannot be read, 2 for usage errors.
import { documentSha256, missingTenants } from '../../kernels/fleet';
import { checkFlags, parseArgs, UsageError } from '../args';
import { readFleetManifest, readFleetTemplate, requireFleetDir, writeMergedManifest } from '../fleet/fleet-folder';
import { formatTenantLine } from '../fleet/format';

export const INCOMPLETE_EXIT = 3;

export async function fleetStatusCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  checkFlags(args, ['json']);
  if (args.positionals.length !== 1) throw new UsageError('fleet status needs the fleet folder: tourney fleet status <fleet-dir>');
  const root = await requireFleetDir(args.positionals[0]);
  const template = await readFleetTemplate(root);
  const previous = await readFleetManifest(root);
  const manifest = await writeMergedManifest(root, { name: template.name, sha256: documentSha256(template) }, previous?.source ?? { tenants: '', tenantColumn: null });
  const missing = missingTenants(manifest);
  const failed = manifest.tenants.filter((t) => t.state === 'failed');
  const complete = missing.length === 0 && failed.length === 0 && manifest.expected.length > 0;
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ fleetDir: root, complete, missing, ...manifest }) + '\n');
  } else {
    const c = manifest.counts;
    const done = manifest.tenants.filter((t) => t.state === 'done');
    const lines = [
      `fleet ${root} (template "${template.name}"): ${manifest.expected.length} tenants — ${c.done} done, ${c.skipped} skipped, ${c.failed} failed, ${c.missing} missing`,
      `above chance: ${c.aboveChance} of ${c.done} trained${done.length ? ` (${((100 * c.aboveChance) / done.length).toFixed(0)}%)` : ''}`,
      ...manifest.tenants.map(formatTenantLine),
      ...(missing.length ? [`missing (no shard has finished them): ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? `, … ${missing.length - 20} more` : ''}`] : []),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  return complete ? 0 : INCOMPLETE_EXIT;
}
