// One column's header: name (click to sort), type badge, missing share, a sparkline of its
// distribution, a button opening the full profile, and the column's filter box.
import { memo, useEffect, useState } from 'react';
import type { ColumnSummary } from '../../shared/data/protocol';
import { formatPercent } from './format-text';
import { filterHint, filterPlaceholder } from './parse-filter';
import type { ProfileView } from './profile-view';
import { Sparkline } from './Sparkline';
import { TypeBadge } from './TypeBadge';

export interface ColumnHeaderProps {
  column: ColumnSummary;
  /** Position in the table (0-based), for aria-colindex. */
  columnIndex: number;
  rowCount: number;
  left: number;
  width: number;
  sort?: 'ascending' | 'descending';
  profile?: ProfileView;
  filterText: string;
  filterError?: string;
  active: boolean;
  onSort: (column: string) => void;
  onFilterText: (column: string, text: string) => void;
  onInfo: (column: string) => void;
  onNeedProfile: (column: string) => void;
}

/** Memoised: scrolling re-renders rows, not headers. */
export const ColumnHeader = memo(function ColumnHeader(props: ColumnHeaderProps) {
  const { column, rowCount, sort, profile } = props;
  const missingShare = rowCount > 0 ? column.missing / rowCount : 0;
  const { onNeedProfile } = props;
  useEffect(() => {
    if (!profile) onNeedProfile(column.name);
  }, [profile, onNeedProfile, column.name]);
  return (
    <div
      className={`td-th${props.active ? ' td-th-active' : ''}`}
      style={{ left: props.left, width: props.width }}
      role="columnheader"
      aria-colindex={props.columnIndex + 1}
      aria-sort={sort ?? 'none'}
      data-testid="data-column"
      data-column={column.name}
    >
      <div className="td-th-top">
        <button type="button" className="td-th-name" data-testid="data-column-sort" title={`Sort by ${column.name}`} onClick={() => props.onSort(column.name)}>
          <span className="td-th-label">{column.name}</span>
          <span className={`td-sort${sort ? ' td-sort-on' : ''}`} aria-hidden>
            {sort === 'descending' ? '↓' : sort === 'ascending' ? '↑' : '↕'}
          </span>
        </button>
        <button type="button" className="td-th-info" data-testid="data-column-info" aria-label={`Profile of ${column.name}`} title="Column profile" onClick={() => props.onInfo(column.name)}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden>
            <rect x="1.5" y="8" width="3" height="6.5" rx="0.5" />
            <rect x="6.5" y="3" width="3" height="11.5" rx="0.5" />
            <rect x="11.5" y="6" width="3" height="8.5" rx="0.5" />
          </svg>
        </button>
      </div>
      <div className="td-th-meta">
        <TypeBadge type={column.type} />
        <span className={`td-th-missing${missingShare > 0 ? ' td-th-missing-some' : ''}`} data-testid="data-column-missing" title={`${column.missing} missing`}>
          {formatPercent(missingShare)} missing
        </span>
      </div>
      <Sparkline bars={profile?.sparkline} label={`Distribution of ${column.name}`} />
      <FilterBox column={column} text={props.filterText} error={props.filterError} onChange={props.onFilterText} />
    </div>
  );
});

/** The filter input keeps its own text while typing; the view applies it after a short pause. */
function FilterBox({ column, text, error, onChange }: { column: ColumnSummary; text: string; error?: string; onChange: (column: string, text: string) => void }) {
  const [draft, setDraft] = useState(text);
  useEffect(() => setDraft(text), [text]);
  useEffect(() => {
    if (draft === text) return;
    const timer = setTimeout(() => onChange(column.name, draft), 300);
    return () => clearTimeout(timer);
  }, [draft, text, onChange, column.name]);
  return (
    <input
      className={`td-filter${error ? ' td-filter-error' : ''}${text ? ' td-filter-on' : ''}`}
      data-testid="data-column-filter"
      type="search"
      value={draft}
      placeholder={filterPlaceholder(column.type, column.storage)}
      title={error ?? `Filter ${column.name}: ${filterHint(column.type, column.storage)}`}
      aria-label={`Filter ${column.name}`}
      aria-invalid={!!error}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onChange(column.name, draft);
      }}
    />
  );
}
