// Expected values come from scikit-learn 1.2.1 (/usr/bin/python3) on the same inputs:
// sklearn.metrics roc_auc_score, average_precision_score, log_loss, brier_score_loss,
// accuracy_score, balanced_accuracy_score, f1/precision/recall_score, confusion_matrix,
// roc_curve, precision_recall_curve, mean_squared_error, mean_absolute_error, r2_score and
// sklearn.calibration.calibration_curve; the multiclass Brier score is
// np.mean(np.sum((P - np.eye(3)[y])**2, 1)).
import { describe, expect, it } from 'vitest';
import {
  accuracy, auroc, averagePrecision, balancedAccuracy, binaryLogloss, brierScore, calibrationCurve,
  confusionMatrix, gainsCurve, getMetric, labelsAtThreshold, liftTable, mae, metricsFor,
  multiclassLogloss, prCurve, precisionRecallAt, r2, rmse, rocCurve,
} from './index';

const y = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0];
const s = [0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.2, 0.55, 0.4, 0.05, 0.7, 0.65, 0.3, 0.45, 0.2, 0.95, 0.6, 0.15, 0.5, 0.5];
const ym = [0, 1, 2, 2, 1, 0, 1, 2];
const P = [0.7, 0.2, 0.1, 0.1, 0.6, 0.3, 0.2, 0.2, 0.6, 0.3, 0.4, 0.3, 0.25, 0.5, 0.25, 0.5, 0.3, 0.2, 0.6, 0.3, 0.1, 0, 0, 1];
const yr = [3, -0.5, 2, 7, 4.2];
const pr = [2.5, 0, 2, 8, 3.9];

const close = (a: ArrayLike<number>, b: number[], digits = 12) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) expect(a[i]).toBeCloseTo(b[i], digits);
};

describe('binary metrics match sklearn', () => {
  it('ranking metrics', () => {
    expect(auroc(y, s)).toBeCloseTo(0.7575757575757576, 14);
    expect(averagePrecision(y, s)).toBeCloseTo(0.7578060283942636, 14);
  });
  it('probability metrics', () => {
    expect(binaryLogloss(y, s)).toBeCloseTo(0.5504502713709136, 14);
    expect(brierScore(y, s)).toBeCloseTo(0.191875, 14);
  });
  it('threshold metrics at 0.5 (score ≥ 0.5 is positive)', () => {
    const pred = labelsAtThreshold(s, 0.5);
    expect(accuracy(y, pred)).toBeCloseTo(0.7, 14);
    expect(balancedAccuracy(y, pred)).toBeCloseTo(0.696969696969697, 14);
    const c = precisionRecallAt(y, s, 0.5);
    expect([c.precision, c.recall, c.f1]).toEqual([2 / 3, 2 / 3, 2 / 3]);
    expect(confusionMatrix(y, pred)).toEqual([[8, 3], [3, 6]]);
  });
  it('ROC curve points (drop_intermediate)', () => {
    const r = rocCurve(y, s);
    close(r.fpr, [0, 0, 0, 0.09090909090909091, 0.09090909090909091, 0.18181818181818182, 0.18181818181818182, 0.2727272727272727, 0.36363636363636365, 0.5454545454545454, 0.5454545454545454, 0.6363636363636364, 0.7272727272727273, 1]);
    close(r.tpr, [0, 0.1111111111111111, 0.3333333333333333, 0.3333333333333333, 0.4444444444444444, 0.4444444444444444, 0.5555555555555556, 0.6666666666666666, 0.6666666666666666, 0.7777777777777778, 0.8888888888888888, 0.8888888888888888, 1, 1]);
    // sklearn 1.2 puts max+1 first; we put +Infinity (as sklearn ≥ 1.3 does).
    expect(r.thresholds[0]).toBe(Infinity);
    close(r.thresholds.subarray(1), [0.95, 0.8, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3, 0.2, 0.05]);
  });
  it('precision–recall curve points', () => {
    const c = prCurve(y, s);
    close(c.precision, [0.45, 0.47368421052631576, 0.5, 0.5294117647058824, 0.5333333333333333, 0.5714285714285714, 0.5384615384615384, 0.6, 0.6666666666666666, 0.7142857142857143, 0.6666666666666666, 0.8, 0.75, 1, 1, 1, 1]);
    close(c.recall, [1, 1, 1, 1, 0.8888888888888888, 0.8888888888888888, 0.7777777777777778, 0.6666666666666666, 0.6666666666666666, 0.5555555555555556, 0.4444444444444444, 0.4444444444444444, 0.3333333333333333, 0.3333333333333333, 0.2222222222222222, 0.1111111111111111, 0]);
    close(c.thresholds, [0.05, 0.1, 0.15, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 0.95]);
  });
  it('calibration curve, uniform and quantile bins', () => {
    const u = calibrationCurve(y, s, 5);
    close(u.map((b) => b.fractionPositive), [0.2, 0.4, 0.4, 0.6666666666666666, 1]);
    close(u.map((b) => b.meanPredicted), [0.14, 0.37, 0.52, 0.7166666666666667, 0.925]);
    expect(u.reduce((a, b) => a + b.count, 0)).toBe(20);
    const q = calibrationCurve(y, s, 4, 'quantile');
    close(q.map((b) => b.fractionPositive), [0.2, 0.4, 0.4, 0.8]);
    close(q.map((b) => b.meanPredicted), [0.14, 0.37, 0.52, 0.8]);
  });
});

describe('gains and lift', () => {
  it('gains curve ends at (1, 1) and lift of the top point is its precision over the base rate', () => {
    const g = gainsCurve(y, s);
    expect(g.population[0]).toBe(0);
    expect(g.population[g.population.length - 1]).toBe(1);
    expect(g.gain[g.gain.length - 1]).toBe(1);
    // Top distinct score 0.95 holds one positive out of 9: gain 1/9, population 1/20.
    expect(g.gain[1]).toBeCloseTo(1 / 9, 14);
    expect(g.lift[1]).toBeCloseTo((1 / 9) / (1 / 20), 12);
  });
  it('deciles partition the rows and cumulative gain reaches 1', () => {
    const t = liftTable(y, s);
    expect(t.length).toBe(10);
    expect(t.reduce((a, b) => a + b.count, 0)).toBe(20);
    expect(t[9].cumulativeGain).toBe(1);
    expect(t[9].cumulativeLift).toBeCloseTo(1, 14);
    // Top decile: scores 0.95 and 0.9, both positive → lift 1 / 0.45.
    expect(t[0].positives).toBe(2);
    expect(t[0].lift).toBeCloseTo(1 / 0.45, 12);
  });
});

describe('multiclass and regression metrics match sklearn', () => {
  it('multiclass', () => {
    expect(multiclassLogloss(ym, P)).toBeCloseTo(0.6465707701553096, 14);
    expect(getMetric('auroc').compute(ym, P, 'multiclass')).toBeCloseTo(0.9277777777777777, 14);
    expect(getMetric('accuracy').compute(ym, P, 'multiclass')).toBeCloseTo(0.75, 14);
    expect(getMetric('balanced_accuracy').compute(ym, P, 'multiclass')).toBeCloseTo(0.7777777777777777, 14);
    expect(getMetric('f1').compute(ym, P, 'multiclass')).toBeCloseTo(0.7555555555555555, 14);
    expect(getMetric('brier').compute(ym, P, 'multiclass')).toBeCloseTo(0.37437499999999996, 14);
  });
  it('regression', () => {
    expect(rmse(yr, pr)).toBeCloseTo(0.5639148871948674, 14);
    expect(mae(yr, pr)).toBeCloseTo(0.46, 14);
    expect(r2(yr, pr)).toBeCloseTo(0.9480256276150627, 14);
    expect(r2([2, 2], [2, 2])).toBe(1);
    expect(r2([2, 2], [1, 2])).toBe(0);
  });
});

describe('registry', () => {
  it('knows direction and tasks', () => {
    expect(getMetric('logloss').higherIsBetter).toBe(false);
    expect(getMetric('auroc').higherIsBetter).toBe(true);
    expect(metricsFor('regression')).toEqual(['rmse', 'mae', 'r2']);
    expect(getMetric('aupr').compute(y, s, 'binary')).toBeCloseTo(0.7578060283942636, 14);
    expect(getMetric('f1').compute(y, s, 'binary')).toBeCloseTo(2 / 3, 14);
  });
  it('names the problem on misuse', () => {
    expect(() => getMetric('gini')).toThrow(/unknown metric "gini"/);
    expect(() => getMetric('rmse').compute(y, s, 'binary')).toThrow(/does not apply to binary/);
    expect(() => getMetric('logloss').compute(ym, [0.1, 0.2, 0.3], 'multiclass')).toThrow(/row-major/);
    expect(() => accuracy([1, 0], [1])).toThrow(/2 labels but 1 predictions/);
  });
});
