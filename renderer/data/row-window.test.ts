import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, rowTop, rowWindow, type RowGeometry } from './row-window';

const geometry = (rowCount: number): RowGeometry => ({ rowCount, rowHeight: 28, headHeight: 100, viewportHeight: 500, overscan: 2 });

describe('rowWindow', () => {
  it('shows the first rows at the top, with overscan below', () => {
    const w = rowWindow(geometry(1000), 0);
    expect(w.first).toBe(0);
    expect(w.last).toBe(Math.ceil(400 / 28) + 2);
    expect(w.canvasHeight).toBe(100 + 28_000);
  });

  it('follows the scroll offset', () => {
    const g = geometry(1000);
    const w = rowWindow(g, 100 + 28 * 500);
    expect(w.first).toBe(498);
    expect(rowTop(g, 500, 100 + 28 * 500)).toBe(100 + 28 * 500);
  });

  it('handles an empty view', () => {
    const w = rowWindow(geometry(0), 0);
    expect(w.last).toBeLessThan(w.first);
  });

  it('scales views taller than the browser allows and still reaches the last row', () => {
    const g = geometry(5_000_000);
    const maxScroll = 100 + MAX_SCROLL_HEIGHT - 500;
    const end = rowWindow(g, maxScroll);
    expect(end.scaled).toBe(true);
    expect(end.canvasHeight).toBe(100 + MAX_SCROLL_HEIGHT);
    expect(end.last).toBe(4_999_999);
    // The last row sits at the bottom of the viewport.
    expect(rowTop(g, 4_999_999, maxScroll) + 28).toBeCloseTo(maxScroll + 500, 6);
    const middle = rowWindow(g, maxScroll / 2);
    expect(middle.first).toBeGreaterThan(2_400_000);
    expect(middle.last).toBeLessThan(2_600_000);
  });
});
