// Line search satisfying the strong Wolfe conditions (Nocedal & Wright, Alg. 3.5 and 3.6) with
// safeguarded cubic interpolation. Near the optimum, differences of f drown in rounding long
// before the gradient is small, so sufficient decrease is also accepted in Hager & Zhang's
// "approximate Wolfe" form (f no worse than f0 up to rounding, slope test on φ'), which relies
// only on gradients — they stay accurate at tight tolerances.

/** φ(step) = f(x + step·d): returns value and slope d·∇f at that step. */
export type LineFunction = (step: number) => { value: number; slope: number };

export interface LineSearchOptions {
  c1?: number;
  c2?: number;
  maxEvaluations?: number;
}

export interface LineSearchResult {
  /** Accepted step; when ok is false, the best step found with a decrease (0 if none). */
  step: number;
  value: number;
  slope: number;
  evaluations: number;
  /** True when the last evaluation of φ was at the accepted step and it meets the conditions. */
  ok: boolean;
}

export function strongWolfeLineSearch(
  phi: LineFunction,
  f0: number,
  g0: number,
  initialStep: number,
  options: LineSearchOptions = {},
): LineSearchResult {
  const c1 = options.c1 ?? 1e-4;
  const c2 = options.c2 ?? 0.9;
  const maxEvals = options.maxEvaluations ?? 40;
  const noise = 1e-11 * Math.abs(f0);
  let evaluations = 0;

  const decreases = (step: number, f: number, d: number): boolean =>
    f <= f0 + c1 * step * g0 || (f <= f0 + noise && d <= -0.8 * g0);
  const curvatureOk = (d: number): boolean => Math.abs(d) <= -c2 * g0;

  let best = { step: 0, value: f0, slope: g0 };
  const evaluate = (step: number) => {
    const r = phi(step);
    evaluations++;
    if (Number.isFinite(r.value) && decreases(step, r.value, r.slope) && r.value < best.value) {
      best = { step, value: r.value, slope: r.slope };
    }
    return r;
  };

  const zoom = (
    lo: number, fLo: number, dLo: number,
    hi: number, fHi: number, dHi: number,
  ): LineSearchResult => {
    while (evaluations < maxEvals) {
      const width = hi - lo;
      if (Math.abs(width) <= 1e-16 * Math.max(Math.abs(lo), Math.abs(hi))) break;
      let step = cubicMinimizer(lo, fLo, dLo, hi, fHi, dHi);
      const left = Math.min(lo, hi);
      const right = Math.max(lo, hi);
      const margin = 0.1 * (right - left);
      if (!Number.isFinite(step) || step < left + margin || step > right - margin) step = lo + width / 2;
      const { value, slope } = evaluate(step);
      let worse: boolean;
      if (!Number.isFinite(value) || !Number.isFinite(slope) || !decreases(step, value, slope)) worse = true;
      else if (Math.abs(value - fLo) <= noise) worse = slope * (step - lo) > 0; // decide by the slope
      else worse = value > fLo;
      if (worse) {
        hi = step;
        fHi = Number.isFinite(value) ? value : Infinity;
        dHi = Number.isFinite(slope) ? slope : 0;
        continue;
      }
      if (curvatureOk(slope)) return { step, value, slope, evaluations, ok: true };
      if (slope * (hi - lo) >= 0) {
        hi = lo; fHi = fLo; dHi = dLo;
      }
      lo = step; fLo = value; dLo = slope;
    }
    return { ...best, evaluations, ok: false };
  };

  let prevStep = 0;
  let fPrev = f0;
  let dPrev = g0;
  let step = initialStep;
  for (let i = 0; evaluations < maxEvals; i++) {
    const { value, slope } = evaluate(step);
    if (!Number.isFinite(value) || !Number.isFinite(slope)) {
      // Overflow: shrink back towards the last good point.
      return zoom(prevStep, fPrev, dPrev, step, Infinity, 0);
    }
    if (!decreases(step, value, slope) || (i > 0 && value > fPrev + noise)) {
      return zoom(prevStep, fPrev, dPrev, step, value, slope);
    }
    if (curvatureOk(slope)) return { step, value, slope, evaluations, ok: true };
    if (slope >= 0) return zoom(step, value, slope, prevStep, fPrev, dPrev);
    prevStep = step; fPrev = value; dPrev = slope;
    step *= 2;
  }
  return { ...best, evaluations, ok: false };
}

/** Minimiser of the cubic matching f and f' at a and b (NaN when it has none). */
function cubicMinimizer(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  if (!Number.isFinite(fb)) return NaN;
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (disc < 0) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}
