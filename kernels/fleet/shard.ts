// Deterministic sharding: a tenant belongs to shard (first 32 bits of sha256(tenant id)) mod n,
// so every process — a laptop's `--shard 1/4`, a Kubernetes Indexed Job's pod with
// JOB_COMPLETION_INDEX=1 — agrees on who trains whom without talking to the others, and adding
// a tenant never moves another one.
import { sha256 } from '@noble/hashes/sha2.js';

export interface Shard {
  index: number;
  count: number;
}

export const UNSHARDED: Shard = { index: 0, count: 1 };

export function shardOf(tenant: string, count: number): number {
  const h = sha256(new TextEncoder().encode(tenant));
  const word = ((h[0] << 24) | (h[1] << 16) | (h[2] << 8) | h[3]) >>> 0;
  return word % count;
}

export function tenantsOfShard(tenants: readonly string[], shard: Shard): string[] {
  return tenants.filter((t) => shardOf(t, shard.count) === shard.index);
}

/** `"i/n"` with 0 ≤ i < n; throws a message naming the text otherwise. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`a shard is written i/n (e.g. 0/4), got "${text}"`);
  return checkShard(Number(m[1]), Number(m[2]), `"${text}"`);
}

/** The shard of a Kubernetes Indexed Job pod: JOB_COMPLETION_INDEX and the job's shard count. */
export function shardFromIndex(indexText: string, count: number): Shard {
  if (!/^\d+$/.test(indexText.trim())) throw new Error(`JOB_COMPLETION_INDEX must be a whole number, got "${indexText}"`);
  return checkShard(Number(indexText), count, `JOB_COMPLETION_INDEX=${indexText} of ${count} shards`);
}

function checkShard(index: number, count: number, what: string): Shard {
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`the shard count must be ≥ 1 (${what})`);
  if (!Number.isSafeInteger(index) || index >= count) throw new Error(`the shard index must be below the shard count (${what})`);
  return { index, count };
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** File name of a shard's results under `<fleet-dir>/shards/`. */
export function shardFileName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}
