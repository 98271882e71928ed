import { describe, expect, it } from 'vitest';
import { requestTables, serveTables } from './data-port';
import type { DataTable } from '../kernels/table/types';
import { peopleTable } from '../test/fixtures/tables';

function channel() {
  const { port1, port2 } = new MessageChannel();
  return { kernel: port1 as unknown as MessagePort, data: port2 as unknown as MessagePort };
}

describe('data port', () => {
  it('serves copies of every table to the kernel side', async () => {
    const { kernel, data } = channel();
    const store = new Map<string, DataTable>([['people', peopleTable()]]);
    serveTables(data, () => store);
    const tables = await requestTables(kernel);
    expect(Object.keys(tables)).toEqual(['people']);
    expect(tables.people.rowCount).toBe(6);
    expect(tables.people.columns.map((c) => c.type)).toEqual(['categorical', 'integer', 'number', 'boolean', 'date']);
    const age = tables.people.columns[1].values as Float64Array;
    age[0] = 99;
    expect((store.get('people')!.columns[1].values as Float64Array)[0]).toBe(30);
    kernel.close();
  });

  it('answers concurrent requests separately and names unknown tables', async () => {
    const { kernel, data } = channel();
    serveTables(data, () => new Map([['people', peopleTable()]]));
    const [all, bad] = await Promise.allSettled([requestTables(kernel, ['people']), requestTables(kernel, ['nope'])]);
    expect(all.status).toBe('fulfilled');
    expect(bad.status === 'rejected' && String(bad.reason)).toMatch(/unknown table "nope" \(tables: people\)/);
    kernel.close();
  });
});
