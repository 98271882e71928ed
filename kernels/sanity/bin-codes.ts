// A feature as a small number of codes, so one association measure serves numbers, indicators and
// categories alike: few distinct values keep their own code, more are cut at quantiles, missing
// gets a code of its own.
export interface Binned {
  codes: Uint16Array;
  nCodes: number;
  /** Code of missing values, -1 when there are none. */
  missingCode: number;
  /** Code b holds values in [cuts[b-1], cuts[b]). */
  cuts: number[];
}

export function binCodes(values: ArrayLike<number>, rows: ArrayLike<number>, maxBins = 32): Binned {
  const n = rows.length;
  const finite: number[] = [];
  let hasMissing = false;
  for (let k = 0; k < n; k++) {
    const v = values[rows[k]];
    if (Number.isNaN(v)) hasMissing = true; else finite.push(v);
  }
  finite.sort((a, b) => a - b);
  const cuts: number[] = [];
  let distinct = 0;
  for (let k = 0; k < finite.length; k++) if (k === 0 || finite[k] !== finite[k - 1]) distinct++;
  if (distinct <= maxBins) {
    for (let k = 0; k < finite.length; k++) if (k > 0 && finite[k] !== finite[k - 1]) cuts.push(finite[k]);
  } else {
    for (let b = 1; b < maxBins; b++) {
      const c = finite[Math.floor((b * finite.length) / maxBins)];
      if (c > finite[0] && (cuts.length === 0 || c > cuts[cuts.length - 1])) cuts.push(c);
    }
  }
  const missingCode = hasMissing ? cuts.length + 1 : -1;
  const codes = new Uint16Array(n);
  for (let k = 0; k < n; k++) {
    const v = values[rows[k]];
    if (Number.isNaN(v)) { codes[k] = missingCode; continue; }
    let lo = 0, hi = cuts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (v >= cuts[mid]) lo = mid + 1; else hi = mid; }
    codes[k] = lo;
  }
  return { codes, nCodes: cuts.length + 1 + (hasMissing ? 1 : 0), missingCode, cuts };
}
