import { describe, expect, it } from 'vitest';
import { PendingTableLoads, waitingText } from './table-loads';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('PendingTableLoads', () => {
  it('lists loads in progress and tells subscribers when one settles', async () => {
    const loads = new PendingTableLoads();
    const leads = deferred();
    let changes = 0;
    loads.subscribe(() => changes++);
    loads.track('leads', leads.promise);
    expect(loads.pending()).toEqual(['leads']);
    leads.resolve();
    await loads.settled();
    expect(loads.pending()).toEqual([]);
    expect(changes).toBe(2);
  });

  it('settles once every load has, failed ones and ones started meanwhile included', async () => {
    const loads = new PendingTableLoads();
    const leads = deferred();
    const accounts = deferred();
    loads.track('leads', leads.promise);
    let done = false;
    const waiting = loads.settled().then(() => (done = true));
    loads.track('accounts', accounts.promise);
    leads.reject(new Error('leads.csv, line 3: bad quote'));
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    expect(loads.pending()).toEqual(['accounts']);
    accounts.resolve();
    await waiting;
    expect(done).toBe(true);
    expect(loads.pending()).toEqual([]);
  });

  it('settles at once when nothing is loading', async () => {
    await expect(new PendingTableLoads().settled()).resolves.toBeUndefined();
  });

  it('keeps a newer load of the same table pending when an older one settles', async () => {
    const loads = new PendingTableLoads();
    const first = deferred();
    const second = deferred();
    loads.track('leads', first.promise);
    loads.track('leads', second.promise);
    first.resolve();
    await first.promise;
    await Promise.resolve();
    expect(loads.pending()).toEqual(['leads']);
    second.resolve();
    await loads.settled();
    expect(loads.pending()).toEqual([]);
  });
});

describe('waitingText', () => {
  it('names the tables a run waits for', () => {
    expect(waitingText(['leads'])).toBe('Waiting for table leads to load…');
    expect(waitingText(['leads', 'accounts'])).toBe('Waiting for tables leads, accounts to load…');
  });
});
