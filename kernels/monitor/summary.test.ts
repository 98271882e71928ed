import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataTable } from '../table/types';
import type { MonitorRecord } from './monitor-record';
import { buildReferenceProfile } from './reference-profile';
import { mergeSummaries, summarize, SummaryBuilder } from './summary';

const table: DataTable = {
  name: 'ref',
  rowCount: 8,
  columns: [
    { name: 'age', type: 'integer', storage: 'numeric', values: Float64Array.from([20, 30, 30, 40, 50, 60, NaN, 70]) },
    { name: 'plan', type: 'categorical', storage: 'string', values: ['a', 'b', 'a', 'c', null, 'a', 'b', 'a'] },
    { name: 'signup', type: 'date', storage: 'numeric', values: Float64Array.from([1, 2, 3, 4, 5, 6, 7, NaN]) },
  ],
};
const reference = buildReferenceProfile({
  table, task: 'binary', classes: ['no', 'yes'],
  features: [{ name: 'age', kind: 'numeric' }, { name: 'plan', kind: 'categorical' }, { name: 'signup', kind: 'datetime' }],
  scores: Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.95]),
  importance: { age: 3, plan: 1 },
});

describe('reference profile', () => {
  it('profiles numbers over quantile edges, categories with the known set, dates by missing rate', () => {
    const [age, plan, signup] = reference.features;
    expect(age.importance).toBe(0.75);
    expect(signup.importance).toBe(0);
    expect(age.profile).toMatchObject({ kind: 'numeric', rows: 8, missing: 1, min: 20, max: 70 });
    if (age.profile.kind !== 'numeric') throw new Error('numeric');
    expect(age.profile.edges[0]).toBe(20);
    expect(age.profile.counts.reduce((a, b) => a + b)).toBe(7);
    expect(age.profile.counts[0]).toBe(0); // nothing below the reference minimum
    expect(plan.profile).toEqual({ kind: 'categorical', rows: 8, missing: 1, categories: ['a', 'b', 'c'], counts: [4, 2, 1, 0], known: ['a', 'b', 'c'] });
    expect(signup.profile).toEqual({ kind: 'datetime', rows: 8, missing: 1 });
    expect(reference.positiveClass).toBe('yes');
    expect(reference.scores).toMatchObject({ kind: 'numeric', edges: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
  });
});

describe('summary', () => {
  it('counts bins, missing values, type errors, out-of-range numbers and unseen categories', () => {
    const s = summarize(reference, [
      { time: Date.UTC(2026, 0, 1, 10, 5), id: '1', input: { age: 25, plan: 'a', signup: '2020-01-01' }, output: { prediction: 'no', probabilities: { no: 0.7, yes: 0.3 } }, latencyMs: 3 },
      { time: Date.UTC(2026, 0, 1, 10, 50), id: '2', input: { age: 'old', plan: 'zz' }, output: { prediction: 'yes', probabilities: { no: 0.1, yes: 0.9 } }, latencyMs: 30 },
      { time: Date.UTC(2026, 0, 1, 11, 1), id: '3', input: { age: 90, plan: { x: 1 }, signup: null } },
      { time: Date.UTC(2026, 0, 1, 11, 2), id: '4', input: { age: '15', plan: 'NA' } },
    ]);
    expect(s.rows).toBe(4);
    expect(s.scored).toBe(2);
    expect(s.perHour).toEqual({ [String(Date.UTC(2026, 0, 1, 10))]: 2, [String(Date.UTC(2026, 0, 1, 11))]: 2 });
    const age = s.features.age;
    if (age.kind !== 'numeric') throw new Error('numeric');
    expect(age.typeErrors).toBe(1);
    expect(age.counts[0]).toBe(1); // 15 < 20
    expect(age.counts[age.counts.length - 1]).toBe(1); // 90 > 70
    expect(age.belowDistance).toBe(5);
    expect(age.aboveDistance).toBe(20);
    const plan = s.features.plan;
    if (plan.kind !== 'categorical') throw new Error('categorical');
    expect(plan).toMatchObject({ missing: 1, typeErrors: 1, unseen: 1, unseenExamples: ['zz'], counts: [1, 0, 0, 1] });
    expect(s.features.signup).toEqual({ kind: 'datetime', present: 1, missing: 3 });
    expect(s.latency.n).toBe(2);
  });

  const value = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom('a', 'b', 'c', 'new', 'other', null, 'x1', 'NA'), fc.constant(undefined));
  const record: fc.Arbitrary<MonitorRecord> = fc.record({
    time: fc.option(fc.integer({ min: 0, max: 10 * 3_600_000 }), { nil: null }),
    id: fc.constant(null),
    input: fc.record({ age: value, plan: value, signup: value }),
    output: fc.option(fc.record({ prediction: fc.constant('x'), probabilities: fc.record({ yes: fc.integer({ min: 0, max: 100 }).map((p) => p / 100) }) }), { nil: null }),
    latencyMs: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: null }),
  });

  it('merges associatively and commutatively, and merging parts equals summarising the whole', () => {
    fc.assert(fc.property(fc.array(record), fc.array(record), fc.array(record), (x, y, z) => {
      const [a, b, c] = [x, y, z].map((rs) => summarize(reference, rs));
      expect(mergeSummaries(mergeSummaries(a, b), c)).toEqual(mergeSummaries(a, mergeSummaries(b, c)));
      expect(mergeSummaries(a, b)).toEqual(mergeSummaries(b, a));
      expect(mergeSummaries(mergeSummaries(a, b), c)).toEqual(summarize(reference, [...x, ...y, ...z]));
    }), { numRuns: 200 });
  });

  it('reads scores as predicted values (regression) and predicted classes (multiclass)', () => {
    const features = [{ name: 'age', kind: 'numeric' as const }];
    const regression = buildReferenceProfile({ table, task: 'regression', features, scores: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]) });
    const r = summarize(regression, [{ time: 0, id: null, input: { age: 30 }, output: { prediction: 4.5 } }, { time: 0, id: null, input: {}, output: { prediction: 99 } }]);
    expect(r.scored).toBe(2);
    expect(r.scores).toMatchObject({ kind: 'numeric', aboveDistance: 91 });
    const multiclass = buildReferenceProfile({ table, task: 'multiclass', classes: ['a', 'b', 'c'], features, scores: Float64Array.from([0.8, 0.1, 0.1, 0.2, 0.7, 0.1]) });
    expect(multiclass.scores).toMatchObject({ kind: 'categorical', categories: ['a', 'b', 'c'], counts: [1, 1, 0, 0] });
    const m = summarize(multiclass, [{ time: 0, id: null, input: {}, output: { prediction: 'c', probabilities: { a: 0.1, b: 0.1, c: 0.8 } } }]);
    expect(m.scores).toMatchObject({ kind: 'categorical', counts: [0, 0, 1, 0], unseen: 0 });
  });

  it('profiles free text by its length', () => {
    const text = buildReferenceProfile({ table, task: 'binary', features: [{ name: 'plan', kind: 'text' }] });
    expect(text.features[0].profile).toMatchObject({ kind: 'numeric', measure: 'length', min: 1, max: 1, missing: 1 });
    const s = summarize(text, [{ time: null, id: null, input: { plan: 'abc' } }, { time: null, id: null, input: { plan: 'b' } }]);
    expect(s.features.plan).toMatchObject({ kind: 'numeric', aboveDistance: 2, missing: 0 });
  });

  it('refuses to merge summaries of different references', () => {
    const other = buildReferenceProfile({ table, task: 'binary', features: [{ name: 'age', kind: 'numeric' }] });
    expect(() => mergeSummaries(new SummaryBuilder(reference).summary, new SummaryBuilder(other).summary)).toThrow(/different references/);
  });
});
