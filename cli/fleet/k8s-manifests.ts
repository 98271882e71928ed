// Kubernetes manifests for a fleet: an Indexed Job whose pod i trains shard i of n
// (completionMode Indexed sets JOB_COMPLETION_INDEX; `fleet train --shards n` reads it), with a
// retry budget per index (backoffLimitPerIndex) so one bad shard never spends the others' retries;
// a PersistentVolumeClaim holding the inputs and the fleet folder; and, with a schedule, a CronJob
// running `tourney retrain --fleet`. Checked against the Kubernetes schemas in the tests; no
// cluster ran them here.
import { basename } from 'node:path';

export interface FleetK8sOptions {
  /** DNS-safe name prefix, e.g. `churn-fleet`. */
  name: string;
  image: string;
  shards: number;
  parallelism: number;
  cpu: string;
  memory: string;
  storage: string;
  /** The tenants as given to fleet train (their base name is looked for under /data/tenants). */
  tenants: string;
  tenantColumn: string | null;
  /** Per-tenant budget and candidate cap, as the fleet was trained. */
  timeBudget: number;
  maxCandidates?: number;
  schedule?: string;
  margin?: number;
}

export const DATA_MOUNT = '/data';
const FLEET = `${DATA_MOUNT}/fleet`;
const RUN_AS_USER = 1000;
/** Where fleetDockerfile() puts the project in the image. */
export const APP_DIR = '/app';

export function fleetManifests(o: FleetK8sOptions): Record<string, Record<string, unknown>> {
  const labels = { 'app.kubernetes.io/name': o.name, 'app.kubernetes.io/component': 'fleet' };
  const claim = `${o.name}-data`;
  const tenantsArgs = o.tenantColumn ? ['--tenant-column', o.tenantColumn] : [];
  const pod = (args: string[]) => ({
    restartPolicy: 'Never',
    automountServiceAccountToken: false,
    securityContext: { runAsNonRoot: true, runAsUser: RUN_AS_USER, runAsGroup: RUN_AS_USER, fsGroup: RUN_AS_USER, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [{
      name: 'tourney',
      image: o.image,
      imagePullPolicy: 'IfNotPresent',
      command: ['node', `${APP_DIR}/cli/bin/tourney.js`],
      args,
      resources: { requests: { cpu: o.cpu, memory: o.memory }, limits: { cpu: o.cpu, memory: o.memory } },
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
      volumeMounts: [{ name: 'data', mountPath: DATA_MOUNT }, { name: 'tmp', mountPath: '/tmp' }],
    }],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }, { name: 'tmp', emptyDir: { sizeLimit: '1Gi' } }],
  });
  const trainArgs = [
    'fleet', 'train', `${FLEET}/template.json`, `${DATA_MOUNT}/tenants/${basename(o.tenants)}`, '--out', FLEET, '--shards', String(o.shards),
    ...tenantsArgs, '--time-budget', String(o.timeBudget), ...(o.maxCandidates !== undefined ? ['--max-candidates', String(o.maxCandidates)] : []),
  ];
  const out: Record<string, Record<string, unknown>> = {
    'pvc.yaml': {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: claim, labels },
      // Shards run in parallel pods, maybe on different nodes: the volume must be shared.
      spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: o.storage } } },
    },
    'train-job.yaml': {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: `${o.name}-train`, labels },
      spec: {
        completionMode: 'Indexed',
        completions: o.shards,
        parallelism: o.parallelism,
        // Each shard retries on its own; a shard that keeps failing does not stop the others.
        backoffLimitPerIndex: 2,
        maxFailedIndexes: o.shards,
        // A usage error (exit 2) will not get better by retrying.
        podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { containerName: 'tourney', operator: 'In', values: [2] } }] },
        ttlSecondsAfterFinished: 7 * 24 * 3600,
        template: { metadata: { labels }, spec: pod(trainArgs) },
      },
    },
  };
  if (o.schedule !== undefined) {
    const retrainArgs = ['retrain', '--fleet', FLEET, `${DATA_MOUNT}/fresh/${basename(o.tenants)}`, ...tenantsArgs,
      ...(o.margin !== undefined ? ['--margin', String(o.margin)] : []), '--time-budget', String(o.timeBudget),
      ...(o.maxCandidates !== undefined ? ['--max-candidates', String(o.maxCandidates)] : [])];
    out['retrain-cronjob.yaml'] = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: `${o.name}-retrain`, labels },
      spec: {
        schedule: o.schedule,
        timeZone: 'Etc/UTC',
        // Two retrains at once would race for the champion alias.
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        jobTemplate: { spec: { backoffLimit: 1, template: { metadata: { labels }, spec: pod(retrainArgs) } } },
      },
    };
  }
  return out;
}

/** Five cron fields (minute hour day-of-month month day-of-week) or a @macro; what Kubernetes accepts. */
export function checkCronSchedule(text: string): string | null {
  const t = text.trim();
  if (/^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/.test(t)) return null;
  const fields = t.split(/\s+/);
  if (fields.length !== 5) return `a schedule has 5 cron fields (minute hour day month weekday), "${text}" has ${fields.length}`;
  const bad = fields.find((f) => !/^[0-9*?/,A-Za-z-]+$/.test(f));
  return bad === undefined ? null : `"${bad}" is not a cron field`;
}

/** An image holding the tourney CLI (the project as it is, its dependencies installed). Untested here: no container engine ran where this was written. */
export function fleetDockerfile(): string {
  return `# Image for \`tourney fleet train\` / \`tourney retrain\` pods; build it from the Tourney repository root:
#   docker build -f <fleet-dir>/k8s/Dockerfile -t tourney:<version> .
FROM node:20-slim
WORKDIR ${APP_DIR}
COPY package.json package-lock.json ./
RUN npm ci --omit=optional && npm cache clean --force
COPY kernels kernels
COPY workers workers
COPY cli cli
COPY scorer scorer
# tsx compiles to the temporary folder (an emptyDir in the pods: the root file system is read-only).
ENV TMPDIR=/tmp
USER node
ENTRYPOINT ["node", "${APP_DIR}/cli/bin/tourney.js"]
`;
}
