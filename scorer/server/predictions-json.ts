// Scores → the response's prediction objects as JSON text, built by hand with the class names
// escaped once: the hot path's serialization is string concatenation, not JSON.stringify of
// fresh objects. Binary predictions follow `tourney predict` (the positive class when p ≥ 0.5).
import type { ScorerModel } from '../load-model';

export interface PredictionsOut {
  /** One JSON object per row: {"prediction":…,"probabilities":{…}}. */
  items: string[];
  /** Predicted class index per row (classification). */
  predictedClass: Uint32Array | null;
  /** What the score histogram observes: P(positive), P(predicted class), or the value. */
  histogramScores: Float64Array;
}

const num = (v: number) => (Number.isFinite(v) ? String(v) : 'null');

export function predictionWriter(model: ScorerModel): (scores: Float64Array, n: number) => PredictionsOut {
  if (model.task === 'regression') {
    return (scores, n) => {
      const items = new Array<string>(n);
      for (let i = 0; i < n; i++) items[i] = `{"prediction":${num(scores[i])}}`;
      return { items, predictedClass: null, histogramScores: scores };
    };
  }
  const classes = model.task === 'binary' ? model.classes ?? ['0', '1'] : model.classes ?? [];
  const prediction = classes.map((c) => `{"prediction":${JSON.stringify(c)},"probabilities":{`);
  const key = classes.map((c) => `${JSON.stringify(c)}:`);
  if (model.task === 'binary') {
    const [negative, positive] = [0, 1];
    return (scores, n) => {
      const items = new Array<string>(n);
      const predictedClass = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const p = scores[i];
        const c = p >= 0.5 ? positive : negative;
        predictedClass[i] = c;
        items[i] = `${prediction[c]}${key[0]}${num(1 - p)},${key[1]}${num(p)}}}`;
      }
      return { items, predictedClass, histogramScores: scores };
    };
  }
  const k = classes.length;
  return (scores, n) => {
    if (scores.length !== n * k) throw new Error(`meta.json lists ${k} classes, the model predicts ${scores.length / Math.max(n, 1)}`);
    const items = new Array<string>(n);
    const predictedClass = new Uint32Array(n);
    const top = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (scores[i * k + c] > scores[i * k + best]) best = c;
      predictedClass[i] = best;
      top[i] = scores[i * k + best];
      let s = prediction[best];
      for (let c = 0; c < k; c++) s += `${c ? ',' : ''}${key[c]}${num(scores[i * k + c])}`;
      items[i] = `${s}}}`;
    }
    return { items, predictedClass, histogramScores: top };
  };
}
