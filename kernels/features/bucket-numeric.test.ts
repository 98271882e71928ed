import { describe, expect, it } from 'vitest';
import { applyBuckets, bucketSpec, fitBuckets, roundestBetween } from './bucket-numeric';
import { tableReader } from './context';
import { makeTable } from './testing/make-table';

// The seed slides' "number of employees → employee bucket" table.
const EMPLOYEES = [90, 16, 224, 192, 335, 12, 621, 72, 560, 80, 24, 0, 208];
const BUCKETS = ['10-99', '10-99', '100-499', '100-499', '100-499', '10-99', '500-1000', '10-99', '500-1000', '10-99', '10-99', '0-9', '100-499'];

function bucketNames(spec: ReturnType<typeof bucketSpec>, values: number[]): string[] {
  const table = makeTable({ employees: { type: 'integer', values } });
  const out = applyBuckets(spec, tableReader(table, [{ name: 'employees', type: 'integer', role: 'integer', storage: 'numeric' }]));
  return values.map((_, i) => spec.labels[out[0][i]]);
}

describe('numeric buckets', () => {
  it('reproduces the seed employee buckets', () => {
    const spec = bucketSpec('employees', [10, 100, 500], 0, 621, true);
    expect(spec.labels).toEqual(['0-9', '10-99', '100-499', '500-1000']);
    expect(bucketNames(spec, EMPLOYEES)).toEqual(BUCKETS);
  });

  it('finds the seed edges from the target with the tree learner, rounded', () => {
    // Conversion rate changes at 10, 100 and 500 employees.
    const employees: number[] = [];
    const converted: number[] = [];
    const rate = (e: number) => (e < 10 ? 0.05 : e < 100 ? 0.3 : e < 500 ? 0.6 : 0.9);
    let seed = 1;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 4000; i++) {
      const e = Math.floor(Math.exp(rand() * Math.log(1001))) - 1;
      employees.push(e);
      converted.push(rand() < rate(e) ? 1 : 0);
    }
    const table = makeTable({ employees: { type: 'integer', values: employees } });
    const reader = tableReader(table, [{ name: 'employees', type: 'integer', role: 'integer', storage: 'numeric' }]);
    const spec = fitBuckets({
      name: 'employees', type: 'integer', role: 'integer', storage: 'numeric', reader,
      labels: { task: 'binary', y: Float64Array.from(converted), classes: ['No', 'Yes'] },
      options: { topK: 20, minSupport: 10, maxTerms: 0, maxBuckets: 4 },
    })!;
    expect(spec.edges).toEqual([10, 100, 500]);
    expect(spec.labels.slice(0, 3)).toEqual(['0-9', '10-99', '100-499']);
  });

  it('rounds a cut to the roundest number that splits the same way', () => {
    expect(roundestBetween(9, 10)).toBe(10);
    expect(roundestBetween(480, 510)).toBe(500);
    expect(roundestBetween(480, 495)).toBe(490);
    expect(roundestBetween(0.12, 0.19)).toBe(0.13);
  });
});
