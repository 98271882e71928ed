// The virtualised grid: only the rows and columns on screen exist in the DOM, and their text
// comes in pages from the data worker (RowPages). A million rows scroll like a hundred.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RowQuery, TableSummary } from '../../workers/data/protocol';
import { ColumnHeader } from './ColumnHeader';
import { dataClient } from './data-client';
import type { ProfileView } from './profile-view';
import { RowPages } from './row-pages';
import { queryKey } from '../../workers/data/query-key';

const ROW_HEIGHT = 28;
const HEAD_HEIGHT = 112;
const INDEX_WIDTH = 72;

export interface DataGridProps {
  table: TableSummary;
  query: RowQuery;
  height: number;
  profiles: Readonly<Record<string, ProfileView | undefined>>;
  filterTexts: Readonly<Record<string, string>>;
  filterErrors: Readonly<Record<string, string>>;
  activeColumn?: string;
  onSort: (column: string) => void;
  onFilterText: (column: string, text: string) => void;
  onInfo: (column: string) => void;
  /** Rows in the filtered view, once the data worker has said. */
  onViewRowCount: (count: number) => void;
  onError: (message: string) => void;
}

/** Wider columns for longer names and wordier types; fixed so the layout never jumps. */
export function columnWidth(column: TableSummary['columns'][number]): number {
  const byType = column.type === 'text' || column.type === 'url' || column.type === 'email' ? 220 : column.type === 'datetime' ? 180 : 164;
  return Math.min(280, Math.max(byType, column.name.length * 7.5 + 64));
}

export function DataGrid(props: DataGridProps) {
  const { table, query, height, onViewRowCount, onError } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [, setTick] = useState(0);
  const [viewRows, setViewRows] = useState(table.rowCount);

  const key = `${table.name}\u0000${table.version}\u0000${queryKey(query)}`;
  const pages = useMemo(
    () =>
      new RowPages(
        (start, count) => dataClient.getRows(table.name, query, start, count),
        () => setTick((t) => t + 1),
        (error) => onError(error instanceof Error ? error.message : String(error)),
      ),
    // The key captures table, version and query; a new cache for each.
    [key],
  );
  useEffect(() => {
    pages.setActive(true);
    return () => pages.setActive(false);
  }, [pages]);

  const rowCount = pages.viewRowCount ?? viewRows;
  useEffect(() => {
    if (pages.viewRowCount !== undefined && pages.viewRowCount !== viewRows) setViewRows(pages.viewRowCount);
    if (pages.viewRowCount !== undefined) onViewRowCount(pages.viewRowCount);
  });

  const widths = useMemo(() => table.columns.map(columnWidth), [table.columns]);
  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEAD_HEIGHT,
    overscan: 12,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: table.columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => widths[i],
    paddingStart: INDEX_WIDTH,
    overscan: 3,
  });
  useEffect(() => columns.measure(), [widths, columns]);

  const virtualRows = rows.getVirtualItems();
  const virtualColumns = columns.getVirtualItems();
  const first = virtualRows[0]?.index ?? 0;
  const last = virtualRows[virtualRows.length - 1]?.index ?? -1;
  useEffect(() => pages.ensure(first, last), [pages, first, last]);

  // A new query starts again from the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [key]);

  const canvasWidth = columns.getTotalSize();
  const canvasHeight = rows.getTotalSize();
  const sort = query.sort;

  return (
    <div ref={scroller} className="td-grid-scroll" style={{ height }} data-testid="data-grid" role="grid" aria-rowcount={rowCount} aria-colcount={table.columns.length}>
      <div className="td-grid-canvas" style={{ width: canvasWidth, height: canvasHeight }}>
        <div className="td-grid-head" style={{ width: canvasWidth, height: HEAD_HEIGHT }} role="row">
          <div className="td-corner" style={{ width: INDEX_WIDTH, height: HEAD_HEIGHT }}>
            <span>#</span>
          </div>
          {virtualColumns.map((vc) => {
            const column = table.columns[vc.index];
            return (
              <ColumnHeader
                key={column.name}
                column={column}
                rowCount={table.rowCount}
                left={vc.start}
                width={vc.size}
                sort={sort?.column === column.name ? (sort.descending ? 'descending' : 'ascending') : undefined}
                profile={props.profiles[column.name]}
                filterText={props.filterTexts[column.name] ?? ''}
                filterError={props.filterErrors[column.name]}
                active={props.activeColumn === column.name}
                onSort={() => props.onSort(column.name)}
                onFilterText={(text) => props.onFilterText(column.name, text)}
                onInfo={() => props.onInfo(column.name)}
              />
            );
          })}
        </div>
        {virtualRows.map((vr) => {
          const row = pages.row(vr.index);
          return (
            <div key={vr.index} className={`td-row${vr.index % 2 ? ' td-row-odd' : ''}`} style={{ top: vr.start, width: canvasWidth, height: ROW_HEIGHT }} role="row" data-testid="data-row" aria-rowindex={vr.index + 1}>
              <div className="td-index" style={{ width: INDEX_WIDTH }}>
                {row ? row.rowNumber + 1 : ''}
              </div>
              {virtualColumns.map((vc) => {
                const column = table.columns[vc.index];
                const text = row?.cells[vc.index];
                const numeric = column.type === 'integer' || column.type === 'number';
                return (
                  <div key={column.name} className={`td-cell${numeric ? ' td-num' : ''}`} style={{ left: vc.start, width: vc.size }} role="gridcell" title={text && text.length > 24 ? text : undefined}>
                    {row === undefined ? <span className="td-pending" /> : text === null ? <span className="td-missing">NA</span> : text}
                  </div>
                );
              })}
            </div>
          );
        })}
        {rowCount === 0 && <div className="td-empty" style={{ top: HEAD_HEIGHT }}>No rows match the filters.</div>}
      </div>
    </div>
  );
}
