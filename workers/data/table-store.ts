// The single store of loaded tables, living in the data worker. It answers the viewer with small
// things only — summaries, windows of formatted rows, profiles — and keeps the expensive state
// (sort keys, filtered and sorted row orders, profiles) next to the data.
import type { DataTable } from '../../kernels/table/types';
import { cellFormatter } from '../../shared/data/format-cell';
import { columnNamed, filterRows } from './filter-rows';
import type { RowQuery, RowWindow, TableSummary } from '../../shared/data/protocol';
import { rankColumn, type ColumnRanks } from './rank-column';
import { queryKey } from '../../shared/data/query-key';
import { sortRows } from './sort-rows';
import { summarizeTable } from './summarize-table';

/** How many filtered/sorted row orders to keep per table (each is 4 bytes a row). */
const VIEWS_KEPT = 4;
/** Most rows one getRows call returns: windows are for screens, not exports. */
const MAX_WINDOW = 2000;

interface StoredTable {
  table: DataTable;
  summary: TableSummary;
  ranks: Map<string, ColumnRanks>;
  /** Row order per query key (null = table order); insertion order is recency. */
  views: Map<string, Uint32Array | null>;
}

export interface TableMeta {
  source: string;
  sourceBytes?: number;
  parseMs?: number;
}

export class TableStore {
  private readonly stored = new Map<string, StoredTable>();
  private version = 0;

  /** Adds a table, replacing one with the same name (reopening a file refreshes it). */
  add(table: DataTable, meta: TableMeta): TableSummary {
    const summary = summarizeTable(table, { ...meta, version: ++this.version });
    this.stored.delete(table.name);
    this.stored.set(table.name, { table, summary, ranks: new Map(), views: new Map() });
    return summary;
  }

  /** Replaces a table's data in place (same name), e.g. after a column changed type. */
  replace(name: string, table: DataTable): TableSummary {
    const entry = this.entry(name);
    const summary = summarizeTable(table, {
      source: entry.summary.source,
      sourceBytes: entry.summary.sourceBytes,
      parseMs: entry.summary.parseMs,
      version: ++this.version,
    });
    this.stored.set(name, { table, summary, ranks: new Map(), views: new Map() });
    return summary;
  }

  remove(name: string): boolean {
    return this.stored.delete(name);
  }

  list(): TableSummary[] {
    return [...this.stored.values()].map((entry) => entry.summary);
  }

  has(name: string): boolean {
    return this.stored.has(name);
  }

  table(name: string): DataTable {
    return this.entry(name).table;
  }

  summary(name: string): TableSummary {
    return this.entry(name).summary;
  }

  /** Every table by name, for the kernel port. */
  tables(): Map<string, DataTable> {
    return new Map([...this.stored].map(([name, entry]) => [name, entry.table]));
  }

  /** Rows [start, start + count) of the table filtered and sorted as `query` says. */
  rows(name: string, query: RowQuery, start: number, count: number): RowWindow {
    const entry = this.entry(name);
    const order = this.viewOrder(entry, query);
    const { table } = entry;
    const viewRowCount = order ? order.length : table.rowCount;
    const first = Math.max(0, Math.min(Math.floor(start), viewRowCount));
    const end = Math.min(viewRowCount, first + Math.max(0, Math.min(Math.floor(count), MAX_WINDOW)));
    const formatters = table.columns.map(cellFormatter);
    const rowNumbers: number[] = [];
    const cells: (string | null)[][] = [];
    for (let i = first; i < end; i++) {
      const row = order ? order[i] : i;
      rowNumbers.push(row);
      cells.push(formatters.map((format) => format(row)));
    }
    return { start: first, viewRowCount, tableRowCount: table.rowCount, rowNumbers, cells };
  }

  /** How many rows pass the query's filters. */
  countRows(name: string, query: RowQuery): number {
    const entry = this.entry(name);
    const order = this.viewOrder(entry, query);
    return order ? order.length : entry.table.rowCount;
  }

  private viewOrder(entry: StoredTable, query: RowQuery): Uint32Array | null {
    const key = queryKey(query);
    if (entry.views.has(key)) {
      const order = entry.views.get(key)!;
      entry.views.delete(key);
      entry.views.set(key, order);
      return order;
    }
    const { table } = entry;
    const filters = query.filters ?? [];
    let order = filterRows(table, filters);
    if (query.sort) {
      const column = columnNamed(table, query.sort.column);
      let ranks = entry.ranks.get(column.name);
      if (!ranks) {
        ranks = rankColumn(column);
        entry.ranks.set(column.name, ranks);
      }
      order = sortRows(order, table.rowCount, ranks, query.sort.descending);
    }
    entry.views.set(key, order);
    while (entry.views.size > VIEWS_KEPT) entry.views.delete(entry.views.keys().next().value!);
    return order;
  }

  private entry(name: string): StoredTable {
    const entry = this.stored.get(name);
    if (!entry) {
      const known = [...this.stored.keys()].join(', ') || 'none loaded';
      throw new Error(`no table named "${name}" (tables: ${known})`);
    }
    return entry;
  }
}
