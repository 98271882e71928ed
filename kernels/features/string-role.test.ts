// The categorical-or-text decision, one data kind a test, on real columns where a package ships
// them (vega-datasets: film titles and directors, airport names and cities, airport codes; the
// bundled leads: person names; ../shared/data: reviews) and generated ones otherwise (product
// names, drawn with a seed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../io/from-csv';
import { mulberry32 } from '../random/random';
import { decideStringRole } from './string-role';

// The package exports only its loader; its data files sit in node_modules/vega-datasets/data.
const vegaData = (file: string): URL => new URL(`../../node_modules/vega-datasets/data/${file}`, import.meta.url);
const movies = JSON.parse(readFileSync(vegaData('movies.json'), 'utf8')) as Record<string, string | number | null>[];
const airports = readCsv(readFileSync(vegaData('airports.csv')), { fileName: 'airports.csv' });
const leads = readCsv(readFileSync(new URL('../../sample-data/public/leads.csv', import.meta.url)), { fileName: 'leads.csv' });
const reviews = readCsv(readFileSync(new URL('../../../shared/data/fine_food_reviews.csv', import.meta.url)), { fileName: 'fine_food_reviews.csv' });

const movieColumn = (name: string): (string | null)[] => movies.map((m) => (m[name] == null ? null : String(m[name])));
const tableColumn = (t: ReturnType<typeof readCsv>, name: string): (string | null)[] => {
  const col = t.columns.find((c) => c.name === name);
  if (!col) throw new Error(`no column ${name}`);
  return Array.from(col.values as ArrayLike<unknown>, (v) => (v == null ? null : String(v)));
};

describe('decideStringRole', () => {
  it('keeps the words of titles of works (films)', () => {
    const d = decideStringRole(movieColumn('Title'));
    expect(d.role).toBe('text');
    expect(d.reason).toMatch(/share a word with another value/);
  });

  it('keeps the words of product names', () => {
    const rand = mulberry32(7);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const brands = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay'];
    const lines = ['Turbo', 'Pro', 'Mini', 'Ultra', 'Air', 'Max', 'Lite', 'Classic', 'Eco', 'Smart'];
    const kinds = ['Blender', 'Kettle', 'Toaster', 'Vacuum', 'Drill', 'Speaker', 'Headphones', 'Router'];
    const names = Array.from({ length: 3000 }, () => `${pick(brands)} ${pick(lines)} ${pick(kinds)} ${100 + Math.floor(rand() * 900)}`);
    expect(decideStringRole(names).role).toBe('text');
  });

  it('keeps the words of facility names (airports)', () => {
    expect(decideStringRole(tableColumn(airports, 'name')).role).toBe('text');
  });

  it('keeps repeated person names as a category, not words', () => {
    const d = decideStringRole(tableColumn(leads, 'name'));
    expect(d).toEqual({ role: 'categorical', reason: expect.stringMatching(/person names/) });
    expect(decideStringRole(movieColumn('Director')).role).toBe('categorical');
  });

  it('takes unique person names for identifiers', () => {
    const directors = [...new Set(movieColumn('Director').filter((d): d is string => d != null))];
    expect(decideStringRole(directors)).toEqual({ role: 'id', reason: expect.stringMatching(/person names/) });
  });

  it('keeps city names a category', () => {
    const d = decideStringRole(tableColumn(airports, 'city'));
    expect(d.role).toBe('categorical');
    expect(d.reason).toMatch(/words on average/);
  });

  it('keeps a column whose top values cover most rows a category (film distributors)', () => {
    expect(decideStringRole(movieColumn('Distributor'))).toEqual({ role: 'categorical', reason: expect.stringMatching(/most frequent of \d+ values cover/) });
  });

  it('takes codes for identifiers (airport codes)', () => {
    expect(decideStringRole(tableColumn(airports, 'iata')).role).toBe('id');
  });

  it('keeps free comments text', () => {
    expect(decideStringRole(tableColumn(reviews, 'review')).role).toBe('text');
  });

  it('keeps few values a category whatever their words', () => {
    const cells = Array.from({ length: 500 }, (_, i) => `Plan ${['Basic', 'Standard', 'Premium'][i % 3]} Monthly`);
    expect(decideStringRole(cells)).toEqual({ role: 'categorical', reason: 'categorical: 3 distinct values (at most 30)' });
  });
});
