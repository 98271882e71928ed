// Which rows of a fixed-height grid are on screen, by arithmetic. Every row has the same height,
// so unlike a general virtualiser nothing is measured or stored per row: a million rows cost
// the same as ten, and a filter that changes the row count costs nothing to lay out.
//
// Browsers cap an element's height (Chromium, hence Electron: ~33.5M px). Views taller than
// MAX_SCROLL_HEIGHT are scaled: the scrollbar spans MAX_SCROLL_HEIGHT and rows are positioned
// relative to the scroll offset, so the last row is still reachable. A million 28-px rows fit
// unscaled.

export const MAX_SCROLL_HEIGHT = 30_000_000;

export interface RowGeometry {
  rowCount: number;
  rowHeight: number;
  /** Space above the first row (the sticky header). */
  headHeight: number;
  viewportHeight: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan: number;
}

export interface RowWindow {
  /** Height of the scrollable canvas (header included). */
  canvasHeight: number;
  /** First and last row to render (last < first when there are none). */
  first: number;
  last: number;
  /** Whether row positions depend on the scroll offset (scaled mode). */
  scaled: boolean;
}

export function canvasHeightOf(g: RowGeometry): number {
  return g.headHeight + Math.min(g.rowCount * g.rowHeight, MAX_SCROLL_HEIGHT);
}

/** The content offset (in unscaled pixels) shown at the top of the viewport. */
export function contentOffset(g: RowGeometry, scrollTop: number): number {
  const content = g.rowCount * g.rowHeight;
  if (content <= MAX_SCROLL_HEIGHT) return scrollTop;
  const scrollRange = g.headHeight + MAX_SCROLL_HEIGHT - g.viewportHeight;
  const contentRange = g.headHeight + content - g.viewportHeight;
  return scrollRange > 0 ? (Math.min(scrollTop, scrollRange) * contentRange) / scrollRange : 0;
}

export function rowWindow(g: RowGeometry, scrollTop: number): RowWindow {
  const offset = contentOffset(g, scrollTop);
  const visibleTop = Math.max(0, offset - g.headHeight);
  const visibleBottom = offset + g.viewportHeight - g.headHeight;
  const first = Math.max(0, Math.floor(visibleTop / g.rowHeight) - g.overscan);
  const last = Math.min(g.rowCount - 1, Math.ceil(visibleBottom / g.rowHeight) + g.overscan);
  return { canvasHeight: canvasHeightOf(g), first, last, scaled: g.rowCount * g.rowHeight > MAX_SCROLL_HEIGHT };
}

/** Where row `index` goes in the canvas (its top, in canvas pixels). */
export function rowTop(g: RowGeometry, index: number, scrollTop: number): number {
  const unscaled = g.headHeight + index * g.rowHeight;
  if (g.rowCount * g.rowHeight <= MAX_SCROLL_HEIGHT) return unscaled;
  return scrollTop + unscaled - contentOffset(g, scrollTop);
}
