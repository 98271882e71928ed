// A table whose body renders only the rows in view (@tanstack/react-virtual): the registry's
// version and experiment lists stay as fast with a thousand rows as with ten. Rows may differ in
// height (measured after they render); spacer rows keep the scroll height right.
import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useRef, type ReactNode, type Ref } from 'react';

/** Spread on the row's <tr> (it is measured through the ref). */
export interface RowProps {
  'data-index': number;
  ref: Ref<HTMLTableRowElement>;
}

export function VirtualRows<T>({ rows, rowKey, estimate, maxHeight, head, row, testId }: {
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Expected row height in px, before a row is measured. */
  estimate: number;
  maxHeight: number;
  head: ReactNode;
  row: (value: T, props: RowProps) => ReactNode;
  testId?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    getItemKey: (i) => rowKey(rows[i]),
    overscan: 6,
    // Rows on the first render already, before the scroller is measured.
    initialRect: { width: 0, height: maxHeight },
  });
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scroller} className="rg-scroll" style={{ maxHeight }} data-testid={testId}>
      <table className="rg-table">
        <thead>{head}</thead>
        <tbody>
          {top > 0 && <tr aria-hidden style={{ height: top }} />}
          {items.map((item) => <Fragment key={item.key as string | number}>{row(rows[item.index], { 'data-index': item.index, ref: virtual.measureElement })}</Fragment>)}
          {bottom > 0 && <tr aria-hidden style={{ height: bottom }} />}
        </tbody>
      </table>
    </div>
  );
}
