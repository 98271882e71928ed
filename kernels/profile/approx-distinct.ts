// HyperLogLog distinct-count estimate for very high-cardinality numeric columns, where an exact
// hash table stops fitting in cache (a million distinct values cost ~0.5 s exactly, ~10 ms here).
// 2^14 registers: standard error 1.04/√16384 ≈ 0.8%.

const P = 14;
const M = 1 << P;

/** Estimated number of distinct non-NaN values. */
export function approxDistinctNumbers(values: Float64Array): number {
  const registers = new Uint8Array(M);
  const bits = new Float64Array(1);
  const words = new Int32Array(bits.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] + 0;
    if (v !== v) continue;
    bits[0] = v;
    // murmur3 fmix32 over both halves of the double.
    let h = words[0] ^ Math.imul(words[1], 0x9e3779b1);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const index = h >>> (32 - P);
    const rank = Math.clz32((h << P) | (1 << (P - 1))) + 1;
    if (rank > registers[index]) registers[index] = rank;
  }
  let sum = 0;
  let zeros = 0;
  for (let j = 0; j < M; j++) {
    sum += 2 ** -registers[j];
    if (registers[j] === 0) zeros++;
  }
  const alpha = 0.7213 / (1 + 1.079 / M);
  let estimate = (alpha * M * M) / sum;
  if (estimate <= 2.5 * M && zeros > 0) estimate = M * Math.log(M / zeros);
  else if (estimate > 2 ** 32 / 30) estimate = -(2 ** 32) * Math.log(1 - estimate / 2 ** 32);
  return Math.round(estimate);
}
