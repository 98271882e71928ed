import { describe, expect, it } from 'vitest';
import { PAGE_ROWS, RowPages } from './row-pages';
import type { RowWindow } from '../../shared/data/protocol';

function fakeView(total: number) {
  const calls: number[] = [];
  const fetch = async (start: number, count: number): Promise<RowWindow> => {
    calls.push(start);
    const end = Math.min(total, start + count);
    const rowNumbers = Array.from({ length: end - start }, (_, i) => start + i);
    return { start, viewRowCount: total, tableRowCount: total, rowNumbers, cells: rowNumbers.map((r) => [String(r)]) };
  };
  return { calls, fetch };
}

describe('RowPages', () => {
  it('fetches each page once and serves rows from the cache', async () => {
    const view = fakeView(250);
    let changes = 0;
    const pages = new RowPages(view.fetch, () => changes++, () => {});
    pages.ensure(0, 120);
    pages.ensure(50, 150);
    expect(view.calls).toEqual([0, PAGE_ROWS]);
    await new Promise((r) => setTimeout(r, 0));
    expect(changes).toBe(2);
    expect(pages.viewRowCount).toBe(250);
    expect(pages.cells(120)).toEqual(['120']);
    expect(pages.rowNumber(120)).toBe(120);
    expect(pages.cells(250)).toBeUndefined();
  });

  it('caches but does not notify while inactive', async () => {
    const view = fakeView(10);
    let changes = 0;
    const pages = new RowPages(view.fetch, () => changes++, () => {});
    pages.ensure(0, 5);
    pages.setActive(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(changes).toBe(0);
    expect(pages.cells(3)).toEqual(['3']);
  });
});
