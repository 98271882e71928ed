// The virtualised grid: only the rows and columns on screen exist in the DOM, and their text
// comes in pages from the data worker (RowPages). A million rows scroll like a hundred.
// Rows have one fixed height, so their window is arithmetic (row-window.ts); columns have
// varying widths and few of them, so @tanstack/react-virtual places those. Rows and headers
// are memoised, and the grid re-renders only when the window of rows changes.
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { queryKey } from '../../shared/data/query-key';
import type { RowQuery, TableSummary } from '../../shared/data/protocol';
import { ColumnHeader } from './ColumnHeader';
import { dataClient } from './data-client';
import type { ProfileView } from './profile-view';
import { RowPages } from './row-pages';
import { rowTop, rowWindow, type RowGeometry } from './row-window';

const ROW_HEIGHT = 28;
const HEAD_HEIGHT = 112;
const INDEX_WIDTH = 72;
const OVERSCAN_ROWS = 8;

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
  /** A header came on screen and wants its column's profile. */
  onNeedProfile: (column: string) => void;
  /** Rows in the filtered view, once the data worker has said. */
  onViewRowCount: (count: number) => void;
  onError: (message: string) => void;
}

/** Wider columns for longer names and wordier types; fixed so the layout never jumps. */
export function columnWidth(column: TableSummary['columns'][number]): number {
  const byType = column.type === 'text' || column.type === 'url' || column.type === 'email' ? 220 : column.type === 'datetime' || column.type === 'categorical' ? 180 : 164;
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
    // The key captures table, version and query: a new cache for each.
    [key],
  );
  useEffect(() => {
    pages.setActive(true);
    return () => pages.setActive(false);
  }, [pages]);

  const rowCount = pages.viewRowCount ?? viewRows;
  useEffect(() => {
    if (pages.viewRowCount === undefined) return;
    if (pages.viewRowCount !== viewRows) setViewRows(pages.viewRowCount);
    onViewRowCount(pages.viewRowCount);
  });

  const widths = useMemo(() => table.columns.map(columnWidth), [table.columns]);
  const numeric = useMemo(() => table.columns.map((c) => c.type === 'integer' || c.type === 'number'), [table.columns]);
  const geometry: RowGeometry = { rowCount, rowHeight: ROW_HEIGHT, headHeight: HEAD_HEIGHT, viewportHeight: height, overscan: OVERSCAN_ROWS };
  const scrollTop = useScrollTop(scroller, geometry);
  const shown = rowWindow(geometry, scrollTop);
  const columns = useVirtualizer({
    horizontal: true,
    count: table.columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => widths[i],
    paddingStart: INDEX_WIDTH,
    overscan: 2,
    useFlushSync: false,
  });
  useEffect(() => columns.measure(), [widths, columns]);

  const virtualColumns = columns.getVirtualItems();
  const { first, last } = shown;
  useEffect(() => pages.ensure(first, last), [pages, first, last]);
  const visibleRows: { index: number; top: number }[] = [];
  for (let index = first; index <= last; index++) visibleRows.push({ index, top: rowTop(geometry, index, scrollTop) });

  // A new query starts again from the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [key]);

  const canvasWidth = columns.getTotalSize();
  const canvasHeight = shown.canvasHeight;
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
                columnIndex={vc.index}
                column={column}
                rowCount={table.rowCount}
                left={vc.start}
                width={vc.size}
                sort={sort?.column === column.name ? (sort.descending ? 'descending' : 'ascending') : undefined}
                profile={props.profiles[column.name]}
                filterText={props.filterTexts[column.name] ?? ''}
                filterError={props.filterErrors[column.name]}
                active={props.activeColumn === column.name}
                onSort={props.onSort}
                onFilterText={props.onFilterText}
                onInfo={props.onInfo}
                onNeedProfile={props.onNeedProfile}
              />
            );
          })}
        </div>
        {/* Row numbers live in one sticky rail rather than a sticky cell per row: one composited
            layer instead of dozens keeps each scroll frame's paint and layerization cheap. */}
        <div className="td-index-rail" style={{ width: INDEX_WIDTH, height: Math.max(0, canvasHeight - HEAD_HEIGHT) }} aria-hidden>
          {visibleRows.map((vr) => (
            <div key={vr.index} className="td-index" style={{ top: vr.top - HEAD_HEIGHT, height: ROW_HEIGHT }}>
              {pages.rowNumber(vr.index) === undefined ? '' : pages.rowNumber(vr.index)! + 1}
            </div>
          ))}
        </div>
        {visibleRows.map((vr) => (
          <GridRow
            key={vr.index}
            index={vr.index}
            top={vr.top}
            width={canvasWidth}
            cells={pages.cells(vr.index)}
            columns={virtualColumns}
            numeric={numeric}
          />
        ))}
        {rowCount === 0 && <div className="td-empty" style={{ top: HEAD_HEIGHT }}>No rows match the filters.</div>}
      </div>
    </div>
  );
}

interface GridRowProps {
  index: number;
  top: number;
  width: number;
  /** Display text per table column; undefined while the page is loading. */
  cells: (string | null)[] | undefined;
  columns: VirtualItem[];
  numeric: boolean[];
}

const GridRow = memo(function GridRow({ index, top, width, cells, columns, numeric }: GridRowProps) {
  return (
    <div className={`td-row${index % 2 ? ' td-row-odd' : ''}`} style={{ top, width, height: ROW_HEIGHT }} role="row" data-testid="data-row" aria-rowindex={index + 1}>
      {columns.map((vc) => {
        const text = cells?.[vc.index];
        return (
          <div key={vc.index} className={numeric[vc.index] ? 'td-cell td-num' : 'td-cell'} style={{ left: vc.start, width: vc.size }} role="gridcell" aria-colindex={vc.index + 1} title={text && text.length > 24 ? text : undefined}>
            {cells === undefined ? <span className="td-pending" /> : text === null ? <span className="td-missing">NA</span> : text}
          </div>
        );
      })}
    </div>
  );
});

/**
 * The scroller's scrollTop as state, updated only when it changes which rows are shown (or, in
 * scaled mode, where they go), and rendered within the scroll event so rows never lag a frame.
 */
function useScrollTop(scroller: RefObject<HTMLDivElement | null>, geometry: RowGeometry): number {
  const [scrollTop, setScrollTop] = useState(0);
  const latest = useRef({ geometry, scrollTop });
  latest.current = { geometry, scrollTop };
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onScroll = () => {
      const { geometry: g, scrollTop: shown } = latest.current;
      const next = element.scrollTop;
      const before = rowWindow(g, shown);
      const after = rowWindow(g, next);
      if (after.scaled || after.first !== before.first || after.last !== before.last) flushSync(() => setScrollTop(next));
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [scroller]);
  return scrollTop;
}
