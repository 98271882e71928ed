import { describe, expect, it } from 'vitest';
import { applyFeaturePipeline, parseFeaturePipelineSpec } from './apply-pipeline';
import { fitFeaturePipeline } from './fit-pipeline';
import { makeTable } from './testing/make-table';
import type { DataTable } from '../table/types';

function leads(n: number) {
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const rows = Array.from({ length: n }, (_, i) => {
    const senior = rand() < 0.4;
    const base = senior ? pick(['VP Sales', 'Chief Executive Officer', 'Director of IT', 'Geschäftsführer']) : pick(['Sales Rep', 'Intern', 'Analyst', 'Ingeniero de software']);
    // CRM titles are typed by hand: a long tail of one-off variants next to the common spellings.
    const title = rand() < 0.2 ? `${base}, ${pick(['EMEA', 'APAC', 'North', 'South', 'East', 'West', 'Central', 'Iberia', 'DACH', 'Nordics'])} ${Math.floor(rand() * 9)}` : base;
    const company = pick(['Acme Corp', 'Globex GmbH', 'Initech SA', 'Umbrella Inc.']);
    const r = rand();
    const domain = r < 0.3 ? 'gmail.com' : r < 0.5 ? 'reseller-partners.com' : `${company.split(' ')[0].toLowerCase()}.com`;
    const employees = Math.floor(rand() * 1000);
    const converted = rand() < (senior ? 0.6 : 0.2) + (employees > 500 ? 0.2 : 0) ? 'Yes' : 'No';
    return {
      id: `L${i}`,
      title: rand() < 0.05 ? null : title,
      email: rand() < 0.05 ? null : `p${i}@${domain}`,
      company,
      employees: rand() < 0.1 ? null : employees,
      country: pick(['US', 'DE', 'FR', 'ES', 'XX'.slice(0, rand() < 0.02 ? 2 : 0) || 'US']),
      description: rand() < 0.1 ? null : pick(['Very interested in a demo', 'No budget this year', 'Sehr interessiert an einer Demo', 'Muy interesados en el producto']),
      created: Date.UTC(2024, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)),
      spend: Math.round(Math.exp(rand() * 8) * 100) / 100,
      converted,
    };
  });
  const col = <K extends keyof (typeof rows)[0]>(k: K) => rows.map((r) => r[k] as string | number | null);
  return makeTable({
    lead_id: { type: 'id', values: col('id') },
    title: { type: 'categorical', values: col('title') },
    email: { type: 'email', values: col('email') },
    company: { type: 'categorical', values: col('company') },
    employees: { type: 'integer', values: col('employees') },
    country: { type: 'categorical', values: col('country') },
    description: { type: 'text', values: col('description') },
    created_date: { type: 'date', values: col('created') },
    historical_spend: { type: 'number', values: col('spend') },
    converted: { type: 'categorical', values: col('converted') },
  });
}

describe('fitFeaturePipeline', () => {
  const table = leads(600);
  const fit = fitFeaturePipeline(table, 'converted');

  it('derives per type and names the target classes', () => {
    expect(fit.spec.task).toBe('binary');
    expect(fit.spec.positiveClass).toBe('Yes');
    const names = fit.matrix.featureNames;
    for (const f of ['title:seniority_rank', 'email:personal_domain', 'email~company:similarity', 'description:word_count', 'created_date:days_since', 'log(historical_spend)', 'employees is null']) {
      expect(names, f).toContain(f);
    }
    const roles = Object.fromEntries(fit.derived.map((d) => [d.column, d.role]));
    expect(roles).toMatchObject({ title: 'title', company: 'company', lead_id: 'id' });
    expect(fit.dropped.find((d) => d.column === 'lead_id')?.reason).toMatch(/identifier/);
  });

  it('replaying the saved spec gives exactly the in-memory matrix', () => {
    const spec = parseFeaturePipelineSpec(JSON.parse(JSON.stringify(fit.spec)));
    const again = applyFeaturePipeline(spec, table);
    expect(again.featureNames).toEqual(fit.matrix.featureNames);
    for (let j = 0; j < again.columns.length; j++) expect(again.columns[j], fit.matrix.featureNames[j]).toEqual(fit.matrix.columns[j]);
    expect(again.normalized).toEqual(fit.matrix.normalized);
  });

  it('flags TF-IDF term features as normalized, in the fit and in the replay', () => {
    const notes = Array.from({ length: 300 }, (_, i) => (i % 2 ? 'not worth it, too slow' : 'great demo, will buy') + (i % 3 ? ' today' : ''));
    const t: DataTable = {
      name: 'n', rowCount: 300, columns: [
        { name: 'notes', type: 'text', storage: 'string', values: notes },
        { name: 'size', type: 'number', storage: 'numeric', values: Float64Array.from(notes, (_, i) => (i * 37) % 101) },
        // Follows the notes on 4 rows of 5: associated, not a leak.
        { name: 'won', type: 'categorical', storage: 'string', values: notes.map((_, i) => ((i % 2 === 0) !== (i % 5 === 0) ? 'yes' : 'no')) },
      ],
    };
    const f = fitFeaturePipeline(t, 'won', { types: { notes: 'text' } });
    const terms = f.spec.derivations.find((d) => d.kind === 'text-terms');
    expect(terms?.outputs.length).toBeGreaterThan(0);
    expect(f.matrix.normalized).toEqual(f.matrix.featureNames.map((name) => terms!.outputs.includes(name)));
    expect(applyFeaturePipeline(JSON.parse(JSON.stringify(f.spec)), t).normalized).toEqual(f.matrix.normalized);
  });

  it('scores tables with missing, extra, retyped columns and unseen values', () => {
    const other = makeTable({
      extra: { type: 'integer', values: [1, 2] },
      title: { type: 'categorical', values: ['Chief Revenue Officer', null] },
      company: { type: 'categorical', values: ['Never Seen Ltd', 'Acme Corp'] },
      employees: { type: 'categorical', values: ['1,200', 'n/a'] },
      created_date: { type: 'categorical', values: ['2024-05-01', ''] },
      historical_spend: { type: 'categorical', values: ['$1,000.50', null] },
    });
    const m = applyFeaturePipeline(fit.spec, other);
    expect(m.nRows).toBe(2);
    const at = (name: string) => m.columns[m.featureNames.indexOf(name)];
    expect(at('log(historical_spend)')[0]).toBeCloseTo(Math.log1p(1000.5), 4);
    expect(at('employees is null')[1]).toBe(1);
    expect(at('title:seniority_rank')[0]).toBe(6);
    // An unseen company sets none of the known-company indicators.
    expect(m.featureNames.filter((f) => f.startsWith('company=')).map((f) => at(f)[0])).toEqual([0, 0, 0, 0]);
    expect(at('company=Acme Corp')[1]).toBe(1);
    expect(Number.isFinite(at('created_date:days_since')[0])).toBe(true);
    // description and email are absent: read as missing.
    expect(at('description:word_count')[0]).toBeNaN();
  });

  it('shows a clean title column\'s seniority and function but keeps them out of the matrix when every title has a one-hot column', () => {
    const roles = ['Sales Executive', 'Research Director', 'Laboratory Technician', 'Manager'];
    const clean = makeTable({
      JobRole: { type: 'categorical', values: Array.from({ length: 200 }, (_, i) => roles[i % 4]) },
      left: { type: 'categorical', values: Array.from({ length: 200 }, (_, i) => ((i * 7) % 3 === 0 ? 'Yes' : 'No')) },
    });
    const f = fitFeaturePipeline(clean, 'left');
    expect(f.matrix.featureNames).toEqual(roles.map((r) => `JobRole=${r}`));
    const title = f.derived[0].derivations.find((d) => d.kind === 'title')!;
    expect(title.features.length).toBeGreaterThan(0);
    for (const feature of title.features) {
      expect(feature).toMatchObject({ kept: false, shownOnly: true, dropReason: expect.stringMatching(/every JobRole value has its own one-hot column/) });
    }
    expect(f.derived[0].sample.features['JobRole:seniority_rank']).toHaveLength(8);
  });

  it('switches derivations off and honours type overrides', () => {
    const refit = fitFeaturePipeline(table, 'converted', { disabled: ['description:text', 'country'], types: { company: 'categorical' } });
    expect(refit.matrix.featureNames.some((n) => n.startsWith('description:'))).toBe(false);
    expect(refit.matrix.featureNames.some((n) => n.startsWith('country'))).toBe(false);
    expect(refit.dropped).toContainEqual(expect.objectContaining({ column: 'country', kind: 'user' }));
    expect(refit.derived.find((d) => d.column === 'company')).toMatchObject({ role: 'categorical', roleOverridden: true });
    expect(refit.derived.find((d) => d.column === 'description')!.derivations.find((d) => d.kind === 'text')!.enabled).toBe(false);
  });

  it('fits numeric buckets for display, and puts them in the matrix as category codes on request', () => {
    const info = fit.derived.find((d) => d.column === 'employees')!.derivations.find((d) => d.kind === 'buckets');
    expect(info?.features[0]).toMatchObject({ name: 'employees:bucket', kept: false, shownOnly: true });
    // The reason names no setting a person cannot reach (no control sets bucketsInMatrix).
    expect(info?.features[0].dropReason).toMatch(/^shown, not in the matrix/);
    expect(info?.features[0].dropReason).not.toMatch(/bucketsInMatrix|set /);
    const withBuckets = fitFeaturePipeline(table, 'converted', { bucketsInMatrix: true });
    const j = withBuckets.matrix.featureNames.indexOf('employees:bucket');
    expect(j).toBeGreaterThanOrEqual(0);
    expect(withBuckets.matrix.categorical![j]).toBe(true);
    expect(applyFeaturePipeline(withBuckets.spec, table).categorical![j]).toBe(true);
  });

  it('reports samples for the Features view', () => {
    const info = fit.derived.find((d) => d.column === 'employees')!;
    expect(info.sample.raw).toHaveLength(8);
    expect(info.sample.features['employees']).toHaveLength(8);
  });

  it('leaves out rows without a target and says which were used', () => {
    const t = makeTable({ x: { type: 'integer', values: [1, 2, 3, 4, 5, 6] }, y: { type: 'categorical', values: ['a', 'b', null, 'a', 'b', 'a'] } });
    const f = fitFeaturePipeline(t, 'y', { sanityCheck: false });
    expect(Array.from(f.rows)).toEqual([0, 1, 3, 4, 5]);
    expect(f.matrix.nRows).toBe(5);
  });

  it('names a missing target clearly', () => {
    expect(() => fitFeaturePipeline(table, 'nope')).toThrow(/target column 'nope' not found/);
  });
});
