// The fleet manifest (`<fleet-dir>/fleet.json`) and a shard's results (`<fleet-dir>/shards/*.json`):
// one status per tenant — done, skipped (its data cannot train this template, with why) or failed
// (the run broke, with why) — plus the winner, scores, above-chance verdict, rows, seconds, the
// data fingerprint and the registered version. Checked with zod on every read, like the model
// directory's documents, so a hand-edited or truncated file is named, never half-trusted.
import { z } from 'zod';

export const FLEET_FORMAT = 1;
export const FLEET_KIND = 'tourney-fleet';
export const SHARD_KIND = 'tourney-fleet-shard';
export const TENANT_STATES = ['done', 'skipped', 'failed'] as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a 64-digit hex sha256');
const isoTime = z.iso.datetime({ offset: true });

export const aboveChanceVerdictSchema = z.object({
  above: z.boolean(),
  /** The chance score (shuffled labels' mean) the CV and test scores are compared with. */
  chance: z.number(),
  /** CV score minus its one-sided t bound (higher-is-better metrics; plus it for the others). */
  cvBound: z.number().nullable(),
  /** Permutation p-value on the held-out rows (the tournament's above-chance test). */
  pValue: z.number().nullable(),
  reason: z.string(),
});

export const tenantStatusSchema = z.object({
  tenant: z.string().min(1),
  state: z.enum(TENANT_STATES),
  /** Why a tenant was skipped or failed; null when done. */
  reason: z.string().nullable(),
  templateSha256: sha256,
  dataSha256: sha256.nullable(),
  rows: z.number().int().nonnegative().nullable(),
  seconds: z.number().nonnegative(),
  finishedAt: isoTime,
  /** Which shard ran it ("0/1" unsharded). */
  shard: z.string(),
  winner: z.object({ family: z.string(), members: z.array(z.string()) }).nullable(),
  metric: z.string().nullable(),
  higherIsBetter: z.boolean().nullable(),
  cvScore: z.number().nullable(),
  testScore: z.number().nullable(),
  aboveChance: aboveChanceVerdictSchema.nullable(),
  /** Version registered in `<fleet-dir>/registry` under the tenant's name (alias champion). */
  registeredVersion: z.number().int().positive().nullable(),
});

export const shardResultSchema = z.object({
  kind: z.literal(SHARD_KIND),
  format: z.literal(FLEET_FORMAT),
  shard: z.object({ index: z.number().int().nonnegative(), count: z.number().int().positive() }),
  templateSha256: sha256,
  updatedAt: isoTime,
  /** Tenant ids this shard owns (all of them, done or not yet). */
  assigned: z.array(z.string()),
  tenants: z.array(tenantStatusSchema),
});

export const fleetManifestSchema = z.object({
  kind: z.literal(FLEET_KIND),
  format: z.literal(FLEET_FORMAT),
  template: z.object({ name: z.string(), sha256 }),
  /** Where the tenants were read from when the fleet was last trained (as given). */
  source: z.object({ tenants: z.string(), tenantColumn: z.string().nullable() }),
  updatedAt: isoTime,
  /** Every tenant some shard was assigned, by id. */
  expected: z.array(z.string()),
  tenants: z.array(tenantStatusSchema),
  counts: z.object({ done: z.number().int(), skipped: z.number().int(), failed: z.number().int(), missing: z.number().int(), aboveChance: z.number().int() }),
});

export type AboveChanceVerdict = z.infer<typeof aboveChanceVerdictSchema>;
export type TenantStatus = z.infer<typeof tenantStatusSchema>;
export type TenantState = (typeof TENANT_STATES)[number];
export type ShardResult = z.infer<typeof shardResultSchema>;
export type FleetManifest = z.infer<typeof fleetManifestSchema>;

/** Parses one fleet document, naming the file and the first field that is wrong. */
export function parseFleetDocument<S extends z.ZodType>(schema: S, text: string, file: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new FleetError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? `field ${issue.path.join('.')}: ` : '';
    throw new FleetError(`${file}: ${field}${issue.message}`);
  }
  return parsed.data;
}

/** A fleet file or input that cannot be used (a data/model error: exit 1). */
export class FleetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FleetError';
  }
}
