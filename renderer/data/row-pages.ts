// A cache of row windows ("pages") of one filtered, sorted view, fetched from the data worker on
// demand as the grid scrolls. Keeps the most recently used pages; a new query means a new cache.
import type { RowWindow } from '../../shared/data/protocol';

export const PAGE_ROWS = 100;
const PAGES_KEPT = 120;

export interface RowPage {
  rowNumbers: number[];
  cells: (string | null)[][];
}

export class RowPages {
  private readonly pages = new Map<number, RowPage>();
  private readonly inFlight = new Set<number>();
  /** False while the grid showing these pages is unmounted: answers are then only cached. */
  private active = true;
  /** Rows in the view, learned from the first answer. */
  viewRowCount: number | undefined;

  constructor(
    private readonly fetchWindow: (start: number, count: number) => Promise<RowWindow>,
    private readonly onChange: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The cells of the row at `index` in the view (the same array each time), or undefined while its page is on its way. */
  cells(index: number): (string | null)[] | undefined {
    return this.pages.get(Math.floor(index / PAGE_ROWS))?.cells[index % PAGE_ROWS];
  }

  /** The row's number in the original table (0-based), once its page is here. */
  rowNumber(index: number): number | undefined {
    return this.pages.get(Math.floor(index / PAGE_ROWS))?.rowNumbers[index % PAGE_ROWS];
  }

  /** Makes sure the pages covering rows [first, last] are cached or coming. */
  ensure(first: number, last: number): void {
    if (last < first) return;
    for (let page = Math.floor(Math.max(0, first) / PAGE_ROWS); page <= Math.floor(last / PAGE_ROWS); page++) {
      if (this.pages.has(page)) {
        const cached = this.pages.get(page)!;
        this.pages.delete(page);
        this.pages.set(page, cached);
        continue;
      }
      if (this.inFlight.has(page)) continue;
      this.inFlight.add(page);
      this.fetchWindow(page * PAGE_ROWS, PAGE_ROWS).then(
        (window) => {
          this.inFlight.delete(page);
          this.viewRowCount = window.viewRowCount;
          this.pages.set(page, { rowNumbers: window.rowNumbers, cells: window.cells });
          while (this.pages.size > PAGES_KEPT) this.pages.delete(this.pages.keys().next().value!);
          if (this.active) this.onChange();
        },
        (error: unknown) => {
          this.inFlight.delete(page);
          if (this.active) this.onError(error);
        },
      );
    }
  }

  /** The grid mounted (again, under StrictMode) or went away: only an active cache notifies. */
  setActive(active: boolean): void {
    this.active = active;
  }
}
