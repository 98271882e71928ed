// Probability calibration fitted on out-of-fold predictions: Platt scaling (a logistic curve on
// the log-odds), isotonic regression (a monotone step function, pool-adjacent-violators) for
// binary tasks, and temperature scaling for multiclass. The method is chosen by cross-fitted
// log loss on the out-of-fold rows — a method is only used when it beats leaving the
// probabilities alone — and all are monotone, so rankings (AUROC) and arg-max labels do not move.
import { binaryLogloss, multiclassLogloss } from '../learn/metric';
import type { Task } from '../learn/matrix';
import { createRandom, shuffleInPlace, TOURNAMENT_STREAM } from '../random/random';

export type CalibrationMethod = 'platt' | 'isotonic' | 'temperature';

export type Calibration =
  | { method: 'platt'; a: number; b: number }
  | { method: 'isotonic'; x: number[]; y: number[] }
  /**
   * `smoothing` (absent in model directories written before it: 0) is the share of the uniform
   * distribution mixed into the scaled probabilities, so every class keeps at least smoothing / k.
   */
  | { method: 'temperature'; temperature: number; nClasses: number; smoothing?: number };

const EPS = 1e-7;
const clip = (p: number) => Math.min(1 - EPS, Math.max(EPS, p));
const logit = (p: number) => Math.log(clip(p) / (1 - clip(p)));

/** Platt scaling: P = σ(a·logit(p) + b), fitted by damped Newton steps on the log loss. */
export function fitPlatt(p: ArrayLike<number>, y: ArrayLike<number>): Calibration {
  const n = p.length;
  const z = Float64Array.from({ length: n }, (_, i) => logit(p[i]));
  const loss = (a: number, b: number) => {
    let l = 0;
    for (let i = 0; i < n; i++) {
      const t = a * z[i] + b;
      // log(1 + e^t) − y·t, computed without overflow.
      l += (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t))) - y[i] * t;
    }
    return l;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (let i = 0; i < n; i++) {
      const q = 1 / (1 + Math.exp(-(a * z[i] + b)));
      const r = q - y[i];
      const w = Math.max(q * (1 - q), 1e-12);
      ga += r * z[i];
      gb += r;
      haa += w * z[i] * z[i];
      hab += w * z[i];
      hbb += w;
    }
    haa += 1e-9;
    hbb += 1e-9;
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-18)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Halve the Newton step until the loss goes down (far from the optimum it overshoots).
    let step = 1;
    let next = loss(a - da, b - db);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (!(next <= current)) break;
    a -= step * da;
    b -= step * db;
    const gain = current - next;
    current = next;
    if (gain < 1e-10 * Math.max(1, current)) break;
  }
  return { method: 'platt', a, b };
}

/** Isotonic regression of y on p (pool adjacent violators), kept as breakpoints. */
export function fitIsotonic(p: ArrayLike<number>, y: ArrayLike<number>): Calibration {
  const n = p.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => p[i] - p[j] || i - j);
  const value: number[] = [];
  const weight: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  for (const i of order) {
    value.push(y[i]);
    weight.push(1);
    lo.push(p[i]);
    hi.push(p[i]);
    while (value.length > 1 && value[value.length - 2] >= value[value.length - 1]) {
      const w = weight[weight.length - 2] + weight[weight.length - 1];
      const v = (value[value.length - 2] * weight[weight.length - 2] + value[value.length - 1] * weight[weight.length - 1]) / w;
      value.pop(); weight.pop(); hi.splice(hi.length - 2, 1); lo.pop();
      value[value.length - 1] = v;
      weight[weight.length - 1] = w;
    }
  }
  // Each block contributes its two ends, so prediction interpolates between blocks.
  const x: number[] = [];
  const out: number[] = [];
  for (let b = 0; b < value.length; b++) {
    x.push(lo[b]);
    out.push(value[b]);
    if (hi[b] > lo[b]) {
      x.push(hi[b]);
      out.push(value[b]);
    }
  }
  return { method: 'isotonic', x, y: out };
}

function isotonicAt(x: number[], y: number[], p: number): number {
  if (p <= x[0]) return y[0];
  if (p >= x[x.length - 1]) return y[y.length - 1];
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= p) lo = mid;
    else hi = mid;
  }
  const t = x[hi] > x[lo] ? (p - x[lo]) / (x[hi] - x[lo]) : 0;
  return y[lo] + t * (y[hi] - y[lo]);
}

/**
 * Temperature scaling for multiclass probabilities: (1 − s)·softmax(log p / T) + s / k, T by
 * golden-section search, then held to what the rows can show. s = 1 / (n + 2), the rule of
 * succession's chance of a first surprise after n rows: a class the model all but rules out keeps
 * at least s / k. Without it, a forest's 0.15 for the true class, sharpened at T = 0.16, became
 * 2e-5 (11 nats for one row; penguins seed 3, whose two test mistakes cost 0.35 of log loss
 * where the reference scored 0.03). Rows the model classifies without a mistake (small,
 * separable data: penguins) say nothing about how sharp to be — the log loss falls towards zero as
 * T does, on the rows and on their cross-fitted folds alike, and one mistake on new rows then costs
 * ~20 nats — so they get no sharpening (T ≥ 1). Otherwise sharpening is only as strong as the rows'
 * accuracy supports: the mean probability of the predicted class may not exceed
 * (right + 1) / (n + 2), the rule of succession.
 */
export function fitTemperature(probabilities: ArrayLike<number>, y: ArrayLike<number>, nClasses: number): Calibration {
  const smoothing = 1 / (y.length + 2);
  const t = Math.max(mleTemperature(probabilities, y, nClasses, smoothing), sharpestSupported(probabilities, y, nClasses, smoothing));
  return { method: 'temperature', temperature: t, nClasses, smoothing };
}

function mleTemperature(probabilities: ArrayLike<number>, y: ArrayLike<number>, nClasses: number, smoothing: number): number {
  const loss = (t: number) => multiclassLogloss(y, applyCalibration({ method: 'temperature', temperature: t, nClasses, smoothing }, probabilities));
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = hi - g * (hi - lo);
  let d = lo + g * (hi - lo);
  let fc = loss(Math.exp(c));
  let fd = loss(Math.exp(d));
  for (let iter = 0; iter < 40; iter++) {
    if (fc < fd) { hi = d; d = c; fd = fc; c = hi - g * (hi - lo); fc = loss(Math.exp(c)); }
    else { lo = c; c = d; fc = fd; d = lo + g * (hi - lo); fd = loss(Math.exp(d)); }
  }
  return Math.exp((lo + hi) / 2);
}

/** The lowest temperature (≤ 1) whose mean top-class probability stays within (right + 1) / (n + 2). */
function sharpestSupported(probabilities: ArrayLike<number>, y: ArrayLike<number>, nClasses: number, smoothing: number): number {
  const n = y.length;
  let right = 0;
  for (let r = 0; r < n; r++) {
    let best = 0;
    for (let c = 1; c < nClasses; c++) if (probabilities[r * nClasses + c] > probabilities[r * nClasses + best]) best = c;
    if (best === y[r]) right++;
  }
  // No mistake to learn from: nothing says how sharp to be, so no sharpening at all.
  if (right === n) return 1;
  const supported = (right + 1) / (n + 2);
  const confidence = (t: number) => {
    const p = applyCalibration({ method: 'temperature', temperature: t, nClasses, smoothing }, probabilities);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      let top = 0;
      for (let c = 0; c < nClasses; c++) top = Math.max(top, p[r * nClasses + c]);
      sum += top;
    }
    return sum / n;
  };
  if (confidence(1) >= supported) return 1;
  // Confidence falls as T grows: bisect on log T in [log 0.05, 0].
  let lo = Math.log(0.05);
  let hi = 0;
  if (confidence(Math.exp(lo)) <= supported) return Math.exp(lo);
  for (let iter = 0; iter < 40; iter++) {
    const mid = (lo + hi) / 2;
    if (confidence(Math.exp(mid)) > supported) lo = mid;
    else hi = mid;
  }
  return Math.exp(hi);
}

export function applyCalibration(calibration: Calibration, predictions: ArrayLike<number>): Float64Array {
  const n = predictions.length;
  const out = new Float64Array(n);
  switch (calibration.method) {
    case 'platt':
      for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-(calibration.a * logit(predictions[i]) + calibration.b)));
      return out;
    case 'isotonic':
      for (let i = 0; i < n; i++) out[i] = clip(isotonicAt(calibration.x, calibration.y, predictions[i]));
      return out;
    case 'temperature': {
      const k = calibration.nClasses;
      const inv = 1 / calibration.temperature;
      const keep = 1 - (calibration.smoothing ?? 0);
      const share = (calibration.smoothing ?? 0) / k;
      for (let r = 0; r < n / k; r++) {
        let max = -Infinity;
        for (let c = 0; c < k; c++) max = Math.max(max, Math.log(Math.max(predictions[r * k + c], 1e-15)) * inv);
        let sum = 0;
        for (let c = 0; c < k; c++) {
          const e = Math.exp(Math.log(Math.max(predictions[r * k + c], 1e-15)) * inv - max);
          out[r * k + c] = e;
          sum += e;
        }
        for (let c = 0; c < k; c++) out[r * k + c] = keep * (out[r * k + c] / sum) + share;
      }
      return out;
    }
  }
}

function fitMethod(method: CalibrationMethod, p: ArrayLike<number>, y: ArrayLike<number>, nClasses: number): Calibration {
  return method === 'platt' ? fitPlatt(p, y) : method === 'isotonic' ? fitIsotonic(p, y) : fitTemperature(p, y, nClasses);
}

export interface CalibrationChoice {
  calibration?: Calibration;
  /** Cross-fitted log loss of each option tried, 'none' included. */
  logloss: Record<string, number>;
  /**
   * The chosen calibration's cross-fitted predictions (each row calibrated by a fit that did not
   * see it): what to score or chart out of fold — the final calibrator was fitted on these very
   * rows, and isotonic steps fitted to a row's own label lift its AUROC even on noise.
   */
  crossFitted?: Float64Array;
}

/**
 * Chooses how to calibrate out-of-fold predictions: each method is fitted on 4/5 of the rows and
 * scored on the rest (5 ways), and the best is kept if it lowers log loss by at least 0.2%;
 * the winner is then fitted on all rows. `method` forces one (still fitted on all rows).
 */
export function chooseCalibration(
  predictions: Float64Array,
  y: Float64Array,
  task: Task,
  nClasses: number,
  options: { seed: number; method?: 'auto' | 'none' | CalibrationMethod },
): CalibrationChoice {
  if (task === 'regression' || options.method === 'none') return { logloss: {} };
  const methods: CalibrationMethod[] = options.method && options.method !== 'auto'
    ? [options.method]
    : task === 'binary' ? ['platt', 'isotonic'] : ['temperature'];
  const width = task === 'binary' ? 1 : nClasses;
  const n = y.length;
  const lossOf = (yy: ArrayLike<number>, p: ArrayLike<number>) => (task === 'binary' ? binaryLogloss(yy, p) : multiclassLogloss(yy, p));
  const logloss: Record<string, number> = { none: lossOf(y, predictions) };
  const order = shuffleInPlace(Uint32Array.from({ length: n }, (_, i) => i), createRandom(options.seed, TOURNAMENT_STREAM));
  const k = Math.min(5, n);
  const crossFit = (method: CalibrationMethod): Float64Array => {
    const calibrated = new Float64Array(predictions.length);
    for (let f = 0; f < k; f++) {
      const fitRows: number[] = [];
      const holdRows: number[] = [];
      for (let r = 0; r < n; r++) (r % k === f ? holdRows : fitRows).push(order[r]);
      const pick = (rows: number[], src: ArrayLike<number>) => {
        const out = new Float64Array(rows.length * width);
        rows.forEach((row, i) => { for (let c = 0; c < width; c++) out[i * width + c] = src[row * width + c]; });
        return out;
      };
      const cal = fitMethod(method, pick(fitRows, predictions), fitRows.map((r) => y[r]), nClasses);
      const held = applyCalibration(cal, pick(holdRows, predictions));
      holdRows.forEach((row, i) => { for (let c = 0; c < width; c++) calibrated[row * width + c] = held[i * width + c]; });
    }
    return calibrated;
  };
  if (options.method && options.method !== 'auto') {
    const crossFitted = crossFit(options.method);
    logloss[options.method] = lossOf(y, crossFitted);
    return { calibration: fitMethod(options.method, predictions, y, nClasses), logloss, crossFitted };
  }
  const crossFitted: Partial<Record<CalibrationMethod, Float64Array>> = {};
  for (const method of methods) {
    crossFitted[method] = crossFit(method);
    logloss[method] = lossOf(y, crossFitted[method]);
  }
  let best: CalibrationMethod | undefined;
  for (const method of methods) if (logloss[method] < logloss.none * 0.998 && (!best || logloss[method] < logloss[best])) best = method;
  return best ? { calibration: fitMethod(best, predictions, y, nClasses), logloss, crossFitted: crossFitted[best] } : { logloss };
}
