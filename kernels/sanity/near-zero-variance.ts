// Features that (almost) never change carry no usable signal and only cost time: a null indicator
// for 3 missing cells in 7,000 rows, a word that occurs twice.

export interface VarianceFinding { index: number; reason: string }

/** Flags features where fewer than max(minRows, share × n) rows differ from the most common value. */
export function findNearZeroVariance(
  features: readonly { values: ArrayLike<number> }[], n: number, minRows = 5, share = 0.001,
): VarianceFinding[] {
  const limit = Math.max(minRows, Math.ceil(share * n));
  const out: VarianceFinding[] = [];
  features.forEach((f, index) => {
    const counts = new Map<number, number>();
    let nan = 0;
    for (let i = 0; i < n; i++) {
      const v = f.values[i];
      if (Number.isNaN(v)) nan++;
      else counts.set(v, (counts.get(v) ?? 0) + 1);
      if (counts.size > 64) return; // clearly varies
    }
    let mode = NaN;
    let modeCount = nan;
    for (const [v, c] of counts) if (c > modeCount) { mode = v; modeCount = c; }
    const differ = n - modeCount;
    if (differ === 0) out.push({ index, reason: `constant: every row is ${Number.isNaN(mode) ? 'missing' : fmt(mode)}` });
    else if (differ < limit) out.push({ index, reason: `near-zero variance: only ${differ} of ${n} rows differ from ${Number.isNaN(mode) ? 'missing' : fmt(mode)}` });
  });
  return out;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}
