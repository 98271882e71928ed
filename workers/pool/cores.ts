// How many cores this process can really use: the cores it sees (affinity), capped by a cgroup
// CPU quota when it runs in a container held to fewer (Docker `--cpus`, a Kubernetes CPU limit):
// there a process still sees every core of the node, so one worker per visible core would only
// share the quota (and a GBDT's helper thread would spin on a CPU it shares with its learner).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const CGROUP_V2 = '/sys/fs/cgroup/cpu.max';
const CGROUP_V1 = ['/sys/fs/cgroup/cpu/cpu.cfs_quota_us', '/sys/fs/cgroup/cpu/cpu.cfs_period_us'];

/**
 * Whole cores a CPU quota allows (rounded up, at least 1), from cgroup v2's `cpu.max`
 * ("<quota> <period>" or "max <period>") or cgroup v1's quota and period files (quota -1: none);
 * undefined without a quota.
 */
export function quotaCores(cpuMax: string | undefined, v1Quota?: string, v1Period?: string): number | undefined {
  const [quotaText, periodText] = cpuMax !== undefined ? cpuMax.trim().split(/\s+/) : [v1Quota?.trim(), v1Period?.trim()];
  const quota = Number(quotaText);
  const period = Number(periodText);
  if (!(quota > 0) || !(period > 0)) return undefined;
  return Math.max(1, Math.ceil(quota / period));
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

let cached: number | undefined;

/** The cores this process sees, capped by its cgroup CPU quota if it has one (read once). */
export function usableCores(): number {
  if (cached === undefined) {
    const v2 = readOptional(CGROUP_V2);
    const quota = v2 !== undefined ? quotaCores(v2) : quotaCores(undefined, readOptional(CGROUP_V1[0]), readOptional(CGROUP_V1[1]));
    cached = Math.max(1, Math.min(availableParallelism(), quota ?? Infinity));
  }
  return cached;
}
