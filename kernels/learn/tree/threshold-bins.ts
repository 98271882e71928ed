// Input quantization for batch prediction: each feature's split thresholds (sorted, distinct) cut
// the real line into bins, bin(v) = number of thresholds below v, so `v > threshold_j` holds
// exactly when `bin(v) > j`. Trees can then compare small integers instead of doubles, and a
// row's 28 features are binned once per row instead of compared ~600 times.
//
// Binning a value is a table lookup plus a short forward scan: the top bits of the value's
// float32 order key index a per-feature table holding how many thresholds are certainly below
// every value of that key prefix; the scan then compares the exact value with the next
// thresholds. Rounding to float32 is monotone, so the table is a lower bound for float64 input
// too, and the scan makes the result exact. Missing values (NaN) get the reserved bin MISSING_BIN.

/** Bin of missing values; also the threshold bin of splits no value goes right of (+∞). */
export const MISSING_BIN = 255;
/** At most this many distinct thresholds per feature, so bins and MISSING_BIN fit a byte. */
export const MAX_CUTS = 254;
/**
 * Table bytes per model before prefixes get shorter than 16 bits (more scanning): 16-bit
 * prefixes for up to 64 features, 4 MB at most however many features (models stay in memory).
 */
const MAX_TABLE_ENTRIES = 1 << 22;

export interface ThresholdBins {
  /** Per binned feature: its column in the input matrix. */
  column: Int32Array;
  /** Per binned feature: sorted distinct thresholds followed by +∞ (the scan's sentinel). */
  cuts: Float64Array[];
  /** Per binned feature: order-key prefix → number of thresholds below every value with that prefix. */
  prefix: Uint8Array[];
  prefixBits: number;
}

/** Scratch buffers of one block, reused across blocks. */
export interface BinScratch {
  f32: Float32Array;
  u32: Uint32Array;
  f64: Float64Array;
}

export function binScratch(rows: number): BinScratch {
  const f32 = new Float32Array(rows);
  return { f32, u32: new Uint32Array(f32.buffer), f64: new Float64Array(rows) };
}

/**
 * Bins for the given features from their thresholds (any order, repeats allowed; +∞ and NaN are
 * ignored: no value is above them). Returns null when a feature has more than MAX_CUTS distinct thresholds.
 */
export function buildThresholdBins(columns: number[], thresholds: number[][]): ThresholdBins | null {
  const cuts: Float64Array[] = [];
  for (const list of thresholds) {
    const distinct = Float64Array.from(new Set(list.filter((t) => t < Infinity))).sort();
    if (distinct.length > MAX_CUTS) return null;
    const withSentinel = new Float64Array(distinct.length + 1);
    withSentinel.set(distinct);
    withSentinel[distinct.length] = Infinity;
    cuts.push(withSentinel);
  }
  const nBinned = Math.max(1, columns.length);
  const prefixBits = Math.max(8, Math.min(16, Math.floor(Math.log2(MAX_TABLE_ENTRIES / nBinned))));
  return { column: Int32Array.from(columns), cuts, prefix: cuts.map((c) => prefixTable(c, prefixBits)), prefixBits };
}

/**
 * Threshold of a split as a bin index: `v > threshold` ⇔ `bin(v) > thresholdBin` for every
 * non-missing v. A threshold no value is above (+∞, NaN) gets the top real bin, so only
 * MISSING_BIN is above it.
 */
export function thresholdBin(bins: ThresholdBins, binned: number, threshold: number): number {
  const c = bins.cuts[binned];
  if (!(threshold < Infinity)) return c.length - 1;
  let j = 0;
  while (c[j] < threshold) j++;
  return j;
}

const key32 = new Float32Array(1);
const keyU32 = new Uint32Array(key32.buffer);

/** Monotone order key of a threshold rounded to float32; ±0 both take +0's key (see prefixTable). */
function orderKey(t: number): number {
  key32[0] = t;
  if (key32[0] === 0) key32[0] = 0;
  const u = keyU32[0];
  return (u ^ ((u >> 31) | 0x80000000)) >>> 0;
}

/**
 * table[k] = thresholds whose key prefix is below k. For a value v with prefix k every such
 * threshold t has fround(t) < fround(v) as numbers (keys order float32 values; a threshold
 * rounding to ±0 is keyed as +0, so it is counted only below positive values), hence t < v.
 */
function prefixTable(cuts: Float64Array, bits: number): Uint8Array {
  const shift = 32 - bits;
  const table = new Uint8Array(1 << bits);
  const n = cuts.length - 1;
  const prefixes = Array.from(cuts.subarray(0, n), (c) => orderKey(c) >>> shift);
  let j = 0;
  for (let k = 0; k < table.length; k++) {
    while (j < n && prefixes[j] < k) j++;
    table[k] = j;
  }
  return table;
}

/**
 * Bins rows start..start+m-1 of every binned feature into `out`, row-major with `stride` bytes
 * per row (binned feature b at offset b). Returns whether any value was missing.
 */
export function binRows(bins: ThresholdBins, columns: ArrayLike<number>[], start: number, m: number, out: Uint8Array, stride: number, scratch: BinScratch): boolean {
  const shift = 32 - bins.prefixBits;
  let missing = 0;
  for (let b = 0; b < bins.column.length; b++) {
    const col = columns[bins.column[b]];
    let values: Float32Array | Float64Array = scratch.f64;
    let keys = scratch.u32;
    if (col instanceof Float32Array) {
      // float32 input already is its own key: read its bits in place, no copy.
      values = col.subarray(start, start + m);
      keys = new Uint32Array(col.buffer, col.byteOffset + start * 4, m);
    } else if (col instanceof Float64Array) {
      const part = col.subarray(start, start + m);
      scratch.f32.set(part); // rounds to float32, like Math.fround
      scratch.f64.set(part);
    } else {
      for (let i = 0; i < m; i++) scratch.f32[i] = scratch.f64[i] = col[start + i];
    }
    missing |= binValues(keys, values, bins.prefix[b], bins.cuts[b], shift, m, out, b, stride);
  }
  return missing === 1;
}

function binValues(keys: Uint32Array, values: Float32Array | Float64Array, table: Uint8Array, cuts: Float64Array, shift: number, m: number, out: Uint8Array, o: number, stride: number): number {
  let missing = 0;
  for (let i = 0; i < m; i++, o += stride) {
    const u = keys[i];
    let bin = table[(u ^ ((u >> 31) | 0x80000000)) >>> shift];
    const v = values[i];
    // One step without a branch covers most values (at most one threshold shares their prefix);
    // the loop finishes the rare rest.
    bin += +(v > cuts[bin]);
    while (v > cuts[bin]) bin++;
    if (v !== v) {
      bin = MISSING_BIN;
      missing = 1;
    }
    out[o] = bin;
  }
  return missing;
}
