// How much one feature alone tells about the target. For classes: Goodman–Kruskal λ (the share of
// prediction errors removed by knowing the feature's bin), Cramér's V, and the best single rule
// "bin → class". For numbers: the correlation ratio η (the share of target spread the bins explain).

export interface ClassAssociation {
  lambda: number;
  cramersV: number;
  /** Best rule "bin b ⇒ class c" by coverage of c among rules at least 99% pure. */
  rule: { code: number; cls: number; support: number; purity: number; coverage: number } | null;
  classTotals: Float64Array;
  /** counts[code * k + cls] */
  counts: Float64Array;
}

export function classAssociation(codes: Uint16Array, nCodes: number, y: ArrayLike<number>, k: number, minRuleSupport: number): ClassAssociation {
  const n = codes.length;
  const counts = new Float64Array(nCodes * k);
  const classTotals = new Float64Array(k);
  const codeTotals = new Float64Array(nCodes);
  for (let i = 0; i < n; i++) {
    counts[codes[i] * k + y[i]]++;
    classTotals[y[i]]++;
    codeTotals[codes[i]]++;
  }
  let best = 0;
  for (const t of classTotals) if (t > best) best = t;
  let sumMax = 0;
  let chi = 0;
  let rule: ClassAssociation['rule'] = null;
  for (let b = 0; b < nCodes; b++) {
    if (codeTotals[b] === 0) continue;
    let m = 0;
    for (let c = 0; c < k; c++) {
      const o = counts[b * k + c];
      if (o > m) m = o;
      const e = (codeTotals[b] * classTotals[c]) / n;
      if (e > 0) chi += ((o - e) * (o - e)) / e;
      const purity = o / codeTotals[b];
      const coverage = classTotals[c] ? o / classTotals[c] : 0;
      if (codeTotals[b] >= minRuleSupport && purity >= 0.99 && (!rule || coverage > rule.coverage)) {
        rule = { code: b, cls: c, support: codeTotals[b], purity, coverage };
      }
    }
    sumMax += m;
  }
  const lambda = n > best ? (sumMax - best) / (n - best) : 0;
  let usedCodes = 0;
  for (const t of codeTotals) if (t > 0) usedCodes++;
  let usedClasses = 0;
  for (const t of classTotals) if (t > 0) usedClasses++;
  const dof = Math.min(usedCodes - 1, usedClasses - 1);
  const cramersV = dof > 0 ? Math.sqrt(chi / (n * dof)) : 0;
  return { lambda, cramersV, rule, classTotals, counts };
}

/** Correlation ratio η of y by code, 0..1. */
export function correlationRatio(codes: Uint16Array, nCodes: number, y: ArrayLike<number>): number {
  const n = codes.length;
  const sum = new Float64Array(nCodes);
  const cnt = new Float64Array(nCodes);
  let total = 0;
  for (let i = 0; i < n; i++) { sum[codes[i]] += y[i]; cnt[codes[i]]++; total += y[i]; }
  const mean = total / n;
  let sst = 0;
  for (let i = 0; i < n; i++) sst += (y[i] - mean) ** 2;
  let ssb = 0;
  for (let b = 0; b < nCodes; b++) if (cnt[b]) ssb += cnt[b] * (sum[b] / cnt[b] - mean) ** 2;
  return sst > 0 ? Math.sqrt(ssb / sst) : 0;
}
