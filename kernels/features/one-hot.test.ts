import { describe, expect, it } from 'vitest';
import { fitFeaturePipeline } from './fit-pipeline';
import { makeTable } from './testing/make-table';

// The seed slides' TITLE pivot: Senior VP, CEO and Vice President get a column each; the single
// Chairperson has no column of its own (below the minimum support) and lands in OTHER.
const TITLES = ['Senior VP', 'Senior VP', 'Vice President', 'Vice President', 'CEO', 'Vice President', 'Chairperson', 'CEO'];
const PIVOT: Record<string, number[]> = {
  'Senior VP': [1, 1, 0, 0, 0, 0, 0, 0],
  CEO: [0, 0, 0, 0, 1, 0, 0, 1],
  'Vice President': [0, 0, 1, 1, 0, 1, 0, 0],
};

describe('one-hot (pivot)', () => {
  it('reproduces the seed TITLE pivot', () => {
    const table = makeTable({
      NAME: { type: 'categorical', values: ['Jim Steele', 'John Gardner', 'Andy Smith', 'Test User', 'Test User', 'Test User', 'Test User', 'Test User'] },
      TITLE: { type: 'categorical', values: TITLES },
      won: { type: 'categorical', values: ['Yes', 'No', 'Yes', 'No', 'Yes', 'No', 'Yes', 'No'] },
    });
    const fit = fitFeaturePipeline(table, 'won', { minSupport: 2, types: { TITLE: 'categorical' }, sanityCheck: false });
    for (const [value, column] of Object.entries(PIVOT)) {
      const j = fit.matrix.featureNames.indexOf(`TITLE=${value}`);
      expect(j, value).toBeGreaterThanOrEqual(0);
      expect(Array.from(fit.matrix.columns[j])).toEqual(column);
    }
    expect(fit.matrix.featureNames).not.toContain('TITLE=Chairperson');
    const other = fit.matrix.columns[fit.matrix.featureNames.indexOf('TITLE=OTHER')];
    expect(Array.from(other)).toEqual([0, 0, 0, 0, 0, 0, 1, 0]);
  });

  it('keeps at most topK values', () => {
    const values = Array.from({ length: 100 }, (_, i) => `v${i % 10}`);
    const table = makeTable({ c: { type: 'categorical', values }, y: { type: 'integer', values: values.map((_, i) => i % 2) } });
    const fit = fitFeaturePipeline(table, 'y', { topK: 3, minSupport: 1, sanityCheck: false });
    expect(fit.matrix.featureNames.filter((n) => n.startsWith('c='))).toEqual(['c=v0', 'c=v1', 'c=v2', 'c=OTHER']);
  });
});
