// Generated tenants for the fleet's tests and benchmark: binary "churn" tables whose signal differs
// — linear, interaction-heavy (no single column predicts it), pure noise — and tables that are bad
// in the ways a fleet meets (no target column, one class, too few rows). Seeded: same arguments,
// same CSV text.
import { createRandom as createStream, normal, TOURNAMENT_STREAM } from '../random/random';

const createRandom = (seed: number) => createStream(seed, TOURNAMENT_STREAM);

export const TENANT_KINDS = ['linear', 'interaction', 'noise', 'flipped', 'missing-target', 'one-class', 'few-rows'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];
export const TENANT_TARGET = 'churn';

const SEGMENTS = ['retail', 'smb', 'enterprise'];

/** CSV text of a generated tenant (x1…x4 numbers, a segment, the churn target unless bad). */
export function generateTenantCsv(kind: TenantKind, rows: number, seed: number): string {
  const random = createRandom(seed);
  const n = kind === 'few-rows' ? Math.min(rows, 12) : rows;
  const header = ['x1', 'x2', 'x3', 'x4', 'segment', ...(kind === 'missing-target' ? [] : [TENANT_TARGET])];
  const lines = [header.join(',')];
  for (let i = 0; i < n; i++) {
    const x = [normal(random), normal(random), normal(random), normal(random)];
    const segment = SEGMENTS[Math.floor(random() * SEGMENTS.length)];
    const logit = signal(kind, x, segment);
    const y = kind === 'one-class' ? 'no' : random() < 1 / (1 + Math.exp(-logit)) ? 'yes' : 'no';
    const cells = [...x.map((v) => v.toFixed(4)), segment, ...(kind === 'missing-target' ? [] : [y])];
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

function signal(kind: TenantKind, [x1, x2, x3]: number[], segment: string): number {
  switch (kind) {
    case 'linear':
    case 'few-rows':
      return 1.6 * x1 - 1.2 * x2 + 0.8 * x3 + (segment === 'smb' ? 0.6 : 0);
    // The same columns, the opposite direction: a model of `linear` data is worse than chance here.
    case 'flipped':
      return -1.6 * x1 + 1.2 * x2 - 0.8 * x3 + (segment === 'smb' ? 0.6 : 0);
    case 'interaction':
      return 3 * Math.sign(x1 * x2) + (segment === 'enterprise' ? 1.5 * x3 : -1.5 * x3);
    default:
      return 0;
  }
}
