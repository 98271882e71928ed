// Every reference data set loads with the types a data scientist would give its columns.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table';
import type { ColumnType, DataTable } from '../table/types';

const DIR = '../shared/data';

const expected: Record<string, { rows: number; columns: number; types: Record<string, ColumnType>; missing?: Record<string, number> }> = {
  'telco_churn.csv': {
    rows: 7043, columns: 20,
    types: { churn: 'categorical', tenure: 'integer', total_charges: 'number', monthly_charges: 'number', female: 'integer', contract: 'categorical', payment_method: 'categorical' },
    missing: { total_charges: 11, churn: 0 },
  },
  'fine_food_reviews.csv': { rows: 5000, columns: 3, types: { product: 'id', review: 'text', score: 'categorical' } },
  'penguins.csv': {
    rows: 344, columns: 8,
    types: { species: 'categorical', island: 'categorical', bill_length_mm: 'number', bill_depth_mm: 'number', flipper_length_mm: 'integer', body_mass_g: 'integer', sex: 'categorical', year: 'integer' },
    missing: { bill_length_mm: 2, sex: 11 },
  },
  'letters.csv': { rows: 20000, columns: 17, types: { lettr: 'categorical', 'x.box': 'integer', yegvx: 'integer' } },
  'ames_housing.csv': {
    rows: 2930, columns: 74,
    types: { Sale_Price: 'integer', Neighborhood: 'categorical', Central_Air: 'categorical', Mas_Vnr_Type: 'categorical', Lot_Area: 'integer', Longitude: 'number', Year_Sold: 'integer' },
    missing: { Mas_Vnr_Type: 0 },
  },
  'credit_status.csv': {
    rows: 4454, columns: 14,
    types: { Status: 'categorical', Seniority: 'integer', Home: 'categorical', Income: 'integer', Assets: 'integer', Debt: 'integer', Records: 'categorical' },
    missing: { Home: 6, Marital: 1, Job: 2, Income: 381, Assets: 47, Debt: 18 },
  },
  'hr_attrition.csv': { rows: 1470, columns: 31, types: { Attrition: 'categorical', Age: 'integer', MonthlyIncome: 'integer', OverTime: 'categorical', BusinessTravel: 'categorical' } },
  'lending_club.csv': { rows: 9857, columns: 23, types: { Class: 'categorical', funded_amnt: 'integer', int_rate: 'number', sub_grade: 'categorical', addr_state: 'categorical', revol_util: 'number' } },
  'spam.csv': { rows: 4601, columns: 58, types: { type: 'categorical', make: 'number', capitalLong: 'integer', capitalAve: 'number' } },
};

describe('reference data sets', () => {
  const files = readdirSync(DIR).filter((f) => /\.(csv|tsv|json|ndjson|parquet)$/.test(f)).sort();

  it('has an expectation for every data file', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  for (const file of files) {
    it(`loads ${file} with sensible types`, async () => {
      const table: DataTable = await readTable(readFileSync(`${DIR}/${file}`), { fileName: file });
      const spec = expected[file];
      expect(table.rowCount).toBe(spec.rows);
      expect(table.columns.length).toBe(spec.columns);
      const byName = new Map(table.columns.map((c) => [c.name, c]));
      const types = Object.fromEntries(Object.keys(spec.types).map((n) => [n, byName.get(n)?.type]));
      expect(types).toEqual(spec.types);
      for (const [name, count] of Object.entries(spec.missing ?? {})) {
        const values = byName.get(name)!.values as ArrayLike<number | string | null>;
        let missing = 0;
        for (let i = 0; i < values.length; i++) if (values[i] === null || (typeof values[i] === 'number' && Number.isNaN(values[i]))) missing++;
        expect([name, missing]).toEqual([name, count]);
      }
      for (const column of table.columns) {
        expect(column.values.length).toBe(table.rowCount);
        expect(['categorical', 'integer', 'number', 'id', 'text']).toContain(column.type);
      }
      expect(table.notes).toBeUndefined();
    });
  }
});
