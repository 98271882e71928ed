import { describe, expect, it } from 'vitest';
import { auroc, binaryLogloss, multiclassLogloss } from '../learn/metric';
import { applyCalibration, chooseCalibration, fitIsotonic, fitPlatt, fitTemperature } from './calibrate';
import { createRandom, normal, TOURNAMENT_STREAM } from '../random/random';

/** True probabilities, and an overconfident model's version of them (logits × 3). */
function overconfident(n: number, seed: number) {
  const random = createRandom(seed, TOURNAMENT_STREAM);
  const y = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = normal(random);
    y[i] = random() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    p[i] = 1 / (1 + Math.exp(-3 * z));
  }
  return { y, p };
}

describe('calibration', () => {
  it('Platt scaling undoes an overconfident model and lowers log loss', () => {
    const { y, p } = overconfident(4000, 1);
    const platt = fitPlatt(p, y);
    expect(platt.method).toBe('platt');
    if (platt.method === 'platt') expect(platt.a).toBeCloseTo(1 / 3, 1);
    const calibrated = applyCalibration(platt, p);
    expect(binaryLogloss(y, calibrated)).toBeLessThan(binaryLogloss(y, p) - 0.05);
    expect(auroc(y, calibrated)).toBeCloseTo(auroc(y, p), 10);
  });

  it('isotonic regression is monotone and lowers log loss', () => {
    const { y, p } = overconfident(4000, 2);
    const iso = fitIsotonic(p, y);
    const grid = Float64Array.from({ length: 101 }, (_, i) => i / 100);
    const out = applyCalibration(iso, grid);
    for (let i = 1; i < out.length; i++) expect(out[i]).toBeGreaterThanOrEqual(out[i - 1]);
    expect(binaryLogloss(y, applyCalibration(iso, p))).toBeLessThan(binaryLogloss(y, p) - 0.05);
  });

  it('chooses a method by cross-fitted log loss, and none for calibrated predictions', () => {
    const { y, p } = overconfident(3000, 3);
    const choice = chooseCalibration(p, y, 'binary', 2, { seed: 1 });
    expect(choice.calibration).toBeDefined();
    expect(Math.min(choice.logloss.platt, choice.logloss.isotonic)).toBeLessThan(choice.logloss.none);
    const random = createRandom(4, TOURNAMENT_STREAM);
    const truth = Float64Array.from({ length: 3000 }, () => random());
    const yy = Float64Array.from(truth, (t) => (random() < t ? 1 : 0));
    expect(chooseCalibration(truth, yy, 'binary', 2, { seed: 1 }).calibration).toBeUndefined();
  });

  it('temperature scaling fixes overconfident multiclass probabilities', () => {
    const random = createRandom(5, TOURNAMENT_STREAM);
    const n = 2000;
    const k = 3;
    const y = new Float64Array(n);
    const p = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      const logits = [normal(random), normal(random), normal(random)];
      const e = logits.map(Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      let u = random();
      y[i] = 2;
      for (let c = 0; c < k; c++) if ((u -= e[c] / s) < 0) { y[i] = c; break; }
      const sharp = logits.map((l) => Math.exp(4 * l));
      const ss = sharp.reduce((a, b) => a + b, 0);
      for (let c = 0; c < k; c++) p[i * k + c] = sharp[c] / ss;
    }
    const choice = chooseCalibration(p, y, 'multiclass', k, { seed: 2 });
    expect(choice.calibration?.method).toBe('temperature');
    expect(multiclassLogloss(y, applyCalibration(choice.calibration!, p))).toBeLessThan(multiclassLogloss(y, p) - 0.1);
  });

  /** n rows of k classes, the true class given probability `top` (the rest shared), wrong on `wrong` rows. */
  function underconfident(n: number, k: number, top: number, wrong: number) {
    const y = Float64Array.from({ length: n }, (_, i) => i % k);
    const p = new Float64Array(n * k).fill((1 - top) / (k - 1));
    for (let i = 0; i < n; i++) p[i * k + (i < wrong ? (y[i] + 1) % k : y[i])] = top;
    return { y, p };
  }
  const meanTop = (p: Float64Array, k: number) => {
    let s = 0;
    for (let i = 0; i < p.length / k; i++) s += Math.max(...p.subarray(i * k, (i + 1) * k));
    return s / (p.length / k);
  };

  it('does not sharpen probabilities that never err: nothing says how sharp to be (penguins)', () => {
    const { y, p } = underconfident(275, 3, 0.8, 0);
    const t = fitTemperature(p, y, 3);
    expect(t.method === 'temperature' && t.temperature).toBeGreaterThanOrEqual(1);
    expect(chooseCalibration(p, y, 'multiclass', 3, { seed: 1 }).calibration).toBeUndefined();
  });

  it('sharpens no further than the rows\' accuracy supports (the rule of succession)', () => {
    const { y, p } = underconfident(300, 3, 0.6, 3);
    const calibrated = applyCalibration(fitTemperature(p, y, 3), p);
    expect(meanTop(calibrated, 3)).toBeGreaterThan(0.9);
    expect(meanTop(calibrated, 3)).toBeLessThanOrEqual((297 + 1) / (300 + 2) + 1e-6);
  });

  it('keeps every class at least 1 / (k(n + 2)) however sharp the scaling (a class the model all but ruled out)', () => {
    // Out of fold: soft but right on 298 rows of 300, so strong sharpening is supported.
    const { y, p } = underconfident(300, 3, 0.6, 2);
    const cal = fitTemperature(p, y, 3);
    expect(cal.method === 'temperature' && cal.temperature).toBeLessThan(0.5);
    expect(cal.method === 'temperature' && cal.smoothing).toBeCloseTo(1 / 302, 12);
    // A new row the model gets wrong, its true class at 0.15 (penguins seed 3's forest): sharpened
    // alone it would be ~1e-5 or less, 11+ nats of log loss for one row.
    const row = applyCalibration(cal, Float64Array.of(0.15, 0.84, 0.01));
    expect(row[0]).toBeGreaterThanOrEqual(1 / 302 / 3);
    expect(row[2]).toBeGreaterThanOrEqual(1 / 302 / 3);
    expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 12);
    expect(row[1]).toBeGreaterThan(0.99);
  });

  it('applies a calibration written before the smoothing as plain temperature scaling', () => {
    const p = Float64Array.of(0.2, 0.3, 0.5, 0.7, 0.2, 0.1);
    const out = applyCalibration({ method: 'temperature', temperature: 0.5, nClasses: 3 }, p);
    for (let r = 0; r < 2; r++) {
      const sq = [0, 1, 2].map((c) => p[r * 3 + c] ** 2);
      const s = sq.reduce((a, b) => a + b, 0);
      for (let c = 0; c < 3; c++) expect(out[r * 3 + c]).toBeCloseTo(sq[c] / s, 12);
    }
  });
});
