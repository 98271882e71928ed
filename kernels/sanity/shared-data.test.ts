// Acceptance: no column of the reference data sets is flagged as a label leak.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitFeaturePipeline } from '../features/fit-pipeline';
import { readTable } from '../io/read-table';

const SETS: [string, string][] = [
  ['telco_churn', 'churn'], ['credit_status', 'Status'], ['hr_attrition', 'Attrition'], ['lending_club', 'Class'],
  ['spam', 'type'], ['fine_food_reviews', 'score'], ['ames_housing', 'Sale_Price'], ['letters', 'lettr'], ['penguins', 'species'],
];
const DIR = '../shared/data';

describe('sanity checker on the reference data sets', () => {
  it('covers every data set in ../shared/data', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.csv')).map((f) => f.replace(/\.csv$/, '')).sort()).toEqual(SETS.map(([name]) => name).sort());
  });

  it.each(SETS)('%s: no column flagged as a leak', async (name, target) => {
    const file = `${DIR}/${name}.csv`;
    const table = await readTable(new Uint8Array(readFileSync(file)), { fileName: file });
    const fit = fitFeaturePipeline(table, target, { maxTerms: name === 'fine_food_reviews' ? 100 : 0 });
    expect(fit.dropped.filter((d) => d.kind === 'leak')).toEqual([]);
    expect(fit.matrix.columns.length).toBeGreaterThan(0);
  });
});
