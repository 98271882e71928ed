// `tourney fleet k8s <fleet-dir> [--schedule '<cron>']`: writes the Kubernetes manifests that run
// this fleet's shards as an Indexed Job (and the retrain CronJob) into <fleet-dir>/k8s/ or --out.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { checkFlags, integerFlag, numberFlag, parseArgs, stringFlag, UsageError } from '../args';
import { readFleetManifest, readFleetTemplate, requireFleetDir } from '../fleet/fleet-folder';
import { checkCronSchedule, DATA_MOUNT, fleetDockerfile, fleetManifests } from '../fleet/k8s-manifests';
import { reason } from '../output-location';
import { TOURNEY_VERSION } from './model-dir';

const FLAGS = ['out', 'shards', 'parallelism', 'image', 'name', 'cpu', 'memory', 'storage', 'schedule', 'margin', 'max-candidates'];
const DNS_NAME = /^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$/;

export async function fleetK8sCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  checkFlags(args, FLAGS);
  if (args.positionals.length !== 1) throw new UsageError('fleet k8s needs the fleet folder: tourney fleet k8s <fleet-dir>');
  const schedule = stringFlag(args, 'schedule');
  const cronProblem = schedule === undefined ? null : checkCronSchedule(schedule);
  if (cronProblem) throw new UsageError(`--schedule: ${cronProblem}`);
  const name = stringFlag(args, 'name') ?? 'tourney-fleet';
  if (!DNS_NAME.test(name)) throw new UsageError(`--name "${name}" must be a DNS label: lower-case letters, digits and '-', at most 42`);
  const margin = numberFlag(args, 'margin');
  if (margin !== undefined && margin < 0) throw new UsageError(`--margin must be ≥ 0, got ${margin}`);
  const root = await requireFleetDir(args.positionals[0]);
  const template = await readFleetTemplate(root);
  const manifest = await readFleetManifest(root);
  const tenants = manifest?.expected.length ?? 0;
  const shards = integerFlag(args, 'shards', 1) ?? Math.max(1, Math.min(50, Math.ceil(tenants / 20)));
  const files = fleetManifests({
    name,
    image: stringFlag(args, 'image') ?? `tourney:${TOURNEY_VERSION}`,
    shards,
    parallelism: integerFlag(args, 'parallelism', 1) ?? shards,
    cpu: stringFlag(args, 'cpu') ?? '2',
    memory: stringFlag(args, 'memory') ?? '2Gi',
    storage: stringFlag(args, 'storage') ?? '10Gi',
    tenants: manifest?.source.tenants || 'tenants',
    tenantColumn: manifest?.source.tenantColumn ?? null,
    timeBudget: template.timeBudgetSeconds,
    maxCandidates: integerFlag(args, 'max-candidates', 1),
    schedule,
    margin,
  });
  const outDir = resolve(stringFlag(args, 'out') ?? join(root, 'k8s'));
  try {
    await mkdir(outDir, { recursive: true });
    for (const [file, doc] of Object.entries(files)) await writeFile(join(outDir, file), stringify(doc, { aliasDuplicateObjects: false }));
    await writeFile(join(outDir, 'Dockerfile'), fleetDockerfile());
  } catch (err) {
    throw new Error(`cannot write the manifests to ${outDir}: ${reason(err)}`, { cause: err });
  }
  process.stdout.write(
    `wrote ${Object.keys(files).join(', ')} and Dockerfile to ${outDir}: ${shards} shards of ${tenants} tenants${schedule ? `, retrain on "${schedule}"` : ''}\n` +
      `before applying: copy the fleet folder to ${DATA_MOUNT}/fleet and the tenants to ${DATA_MOUNT}/tenants/ on the volume ${name}-data` +
      (schedule ? `, fresh data to ${DATA_MOUNT}/fresh/` : '') + '\n',
  );
  return 0;
}
