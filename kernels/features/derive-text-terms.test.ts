import { describe, expect, it } from 'vitest';
import { tableReader } from './context';
import { applyTextTerms, fitTextTerms, textTerms } from './derive-text-terms';
import type { DataTable } from '../table/types';
import type { TextTermsSpec } from './types';

const OPTIONS = { topK: 20, minSupport: 10, maxTerms: 50, maxBuckets: 6 };

function reviews(): { values: (string | null)[]; y: Float64Array } {
  const good = ['great taste, will buy again', 'love it, great value', 'my dog loves these', 'great great product'];
  const bad = ['not good at all', 'did not like it, too salty', 'stale and not fresh', 'would not buy again'];
  const values: (string | null)[] = [];
  const y: number[] = [];
  for (let i = 0; i < 200; i++) {
    const positive = i % 2 === 0;
    values.push((positive ? good : bad)[(i >> 1) % 4] + (i % 7 === 0 ? ' arrived on tuesday with other boxes in the same order' : ''));
    y.push(positive ? 1 : 0);
  }
  values.push(null, '');
  y.push(0, 1);
  return { values, y: Float64Array.from(y) };
}

function fitOn(values: (string | null)[], y: Float64Array, maxTerms = OPTIONS.maxTerms) {
  const table: DataTable = { name: 't', rowCount: values.length, columns: [{ name: 'r', type: 'text', storage: 'string', values }] };
  const reader = tableReader(table, [{ name: 'r', type: 'text', role: 'text', storage: 'string' }]);
  const spec = fitTextTerms({ name: 'r', type: 'text', role: 'text', storage: 'string', reader, labels: { task: 'binary', y }, options: { ...OPTIONS, maxTerms } });
  return { spec, reader };
}

describe('text terms', () => {
  it('keeps stop words as candidate terms: negations carry sentiment', () => {
    expect(textTerms('Not good, 5 stars')).toEqual(new Set(['not', 'good', 'stars', 'not good', 'good 5', '5 stars']));
    const { values, y } = reviews();
    const { spec } = fitOn(values, y);
    expect(spec?.terms).toContain('not');
  });

  it('L2-normalises each row over all of its words and bigrams', () => {
    const { values, y } = reviews();
    const { spec, reader } = fitOn(values, y);
    expect(spec?.norm).toBe('l2');
    const out = applyTextTerms(spec!, reader);
    for (let i = 0; i < values.length; i++) {
      let ss = 0;
      for (const col of out) ss += col[i] ** 2;
      if (!values[i]) expect(ss, `row ${i}`).toBe(0);
      else expect(ss, `row ${i}`).toBeLessThanOrEqual(1 + 1e-6);
    }
    // "great great product": kept terms only if every word and bigram is kept; here the norm is
    // their weights plus 1 for each occurrence that is not a kept term.
    const row = 6;
    expect(values[row]).toBe('great great product');
    const index = new Map(spec!.terms.map((t, j) => [t, j]));
    const weights = new Map<number, number>();
    const counts = new Map<string, number>();
    for (const t of ['great', 'great', 'product', 'great great', 'great product']) counts.set(t, (counts.get(t) ?? 0) + 1);
    let others = 0;
    for (const [t, c] of counts) {
      const j = index.get(t);
      if (j === undefined) others += c;
      else weights.set(j, (1 + Math.log(c)) * spec!.idf[j]);
    }
    const norm = Math.sqrt([...weights.values()].reduce((a, w) => a + w * w, others));
    for (const [j, w] of weights) expect(out[j][row]).toBeCloseTo(w / norm, 6);
  });

  it('replays a spec without `norm` (written before normalisation) unnormalised', () => {
    const { values, y } = reviews();
    const { spec, reader } = fitOn(values, y);
    const legacy: TextTermsSpec = { ...spec!, norm: undefined };
    const raw = applyTextTerms(legacy, reader);
    const j = spec!.terms.indexOf('great');
    expect(raw[j][0]).toBeCloseTo(spec!.idf[j], 6); // "great taste, will buy again": tf 1
  });

  it('gives text without a clear association no terms', () => {
    const { values } = reviews();
    const y = Float64Array.from(values, (_, i) => (Math.floor(i / 8) % 2)); // unrelated to the text
    expect(fitOn(values, y).spec).toBeNull();
  });
});
