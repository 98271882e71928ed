import type { ColumnType } from '../../kernels/table/types';

/** A small coloured label naming a column's type. */
export function TypeBadge({ type }: { type: ColumnType }) {
  return (
    <span className={`td-badge td-badge-${type}`} data-testid="data-type-badge" data-type={type}>
      {type}
    </span>
  );
}
