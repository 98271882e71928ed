import { describe, expect, it } from 'vitest';
import { receiveTable, sendTable, sendTableFailure, transferablesOf } from './table-transfer';
import { peopleTable } from '../../test/fixtures/tables';

describe('table transfer', () => {
  it('moves numeric buffers to the receiver instead of copying them', async () => {
    const { port1, port2 } = new MessageChannel();
    const table = peopleTable();
    const age = table.columns[1].values as Float64Array;
    const received = receiveTable(port2 as unknown as MessagePort);
    sendTable(port1 as unknown as MessagePort, { table, source: 'people.csv', parseMs: 3 });
    const envelope = await received;
    expect(age.byteLength).toBe(0); // detached: ownership moved
    expect(envelope.source).toBe('people.csv');
    expect([...(envelope.table.columns[1].values as Float64Array)].slice(0, 2)).toEqual([30, 25]);
    expect(envelope.table.columns[0].values).toEqual(['bob', 'Alice', null, 'carol', 'alice', 'Bob']);
    port1.close();
  });

  it('lists a shared buffer once', () => {
    const buffer = new ArrayBuffer(32);
    const table = peopleTable();
    table.columns = [
      { name: 'a', type: 'number', storage: 'numeric', values: new Float64Array(buffer, 0, 2) },
      { name: 'b', type: 'number', storage: 'numeric', values: new Float64Array(buffer, 16, 2) },
    ];
    expect(transferablesOf(table)).toEqual([buffer]);
  });

  it('rejects with the sender failure, file and line included, on failure', async () => {
    const { port1, port2 } = new MessageChannel();
    const received = receiveTable(port2 as unknown as MessagePort);
    const failure = { message: 'bad.csv: duplicate column name', file: 'bad.csv', line: 1, column: 'id' };
    sendTableFailure(port1 as unknown as MessagePort, failure);
    await expect(received).rejects.toThrow(/duplicate column name/);
    await expect(received).rejects.toMatchObject({ failure });
    port1.close();
  });
});
