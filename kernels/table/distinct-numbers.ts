// Exact distinct counting of a Float64Array with an open-addressing hash table: linear time,
// unlike sorting (TypedArray sort costs ~240 ms per million values on the 2-core machines).
// NaN (missing) is skipped and -0 counts as 0.

export interface DistinctNumbers {
  /** Number of distinct non-missing values. */
  size: number;
  /** Distinct values (first `size` entries) and their counts. */
  keys: Float64Array;
  counts: Int32Array;
}

/**
 * Counts distinct values. With `limit`, stops early and returns size = limit + 1 as soon as
 * more than `limit` distinct values are seen (enough to answer "is it unique / low-cardinality").
 */
export function distinctNumbers(values: Float64Array, limit = Infinity): DistinctNumbers {
  const n = values.length;
  const expected = Math.min(n, limit + 1);
  let capacity = 16;
  let shift = 28;
  while (capacity < expected * 2) { capacity *= 2; shift--; }
  const mask = capacity - 1;
  const table = new Float64Array(capacity).fill(NaN);
  const slotCount = new Int32Array(capacity);
  const bits = new Float64Array(1);
  const words = new Int32Array(bits.buffer);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] + 0; // -0 → 0
    if (v !== v) continue;
    bits[0] = v;
    let slot = Math.imul(words[0] ^ Math.imul(words[1], 0x27d4eb2d), 0x9e3779b1) >>> shift;
    for (;;) {
      const k = table[slot];
      if (k === v) { slotCount[slot]++; break; }
      if (k !== k) {
        table[slot] = v;
        slotCount[slot] = 1;
        if (++size > limit) return { size, keys: new Float64Array(0), counts: new Int32Array(0) };
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const keys = new Float64Array(size);
  const counts = new Int32Array(size);
  let j = 0;
  for (let s = 0; s < capacity; s++) {
    if (table[s] === table[s]) {
      keys[j] = table[s];
      counts[j++] = slotCount[s];
    }
  }
  return { size, keys, counts };
}
