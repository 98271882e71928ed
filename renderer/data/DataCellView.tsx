// A loaded table as a notebook cell output: a bar with the row count, the virtualised grid
// (sort by header, filter per column, profile sparklines) and a side panel with one column's
// full profile and type override.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColumnType } from '../../kernels/table/types';
import type { ColumnFilter, RowQuery, RowSort } from '../../shared/data/protocol';
import { dataClient } from './data-client';
import { DataGrid } from './DataGrid';
import { formatCount, formatRowCount } from './format-text';
import { parseFilter } from './parse-filter';
import { ProfilePanel } from './ProfilePanel';
import { useColumnProfiles } from './use-column-profiles';
import { useTable } from './use-data';
import './data.css';

export interface DataCellViewProps {
  tableName: string;
  /** Height of the grid in pixels. */
  height?: number;
}

export function DataCellView({ tableName, height = 460 }: DataCellViewProps) {
  const table = useTable(tableName);
  const [sort, setSort] = useState<RowSort>();
  const [filterTexts, setFilterTexts] = useState<Record<string, string>>({});
  const [viewRowCount, setViewRowCount] = useState<number>();
  const [panelColumn, setPanelColumn] = useState<string>();
  const [error, setError] = useState<string>();
  const { profiles, errors: profileErrors, request: requestProfile } = useColumnProfiles(table);
  useEffect(() => {
    if (panelColumn) requestProfile(panelColumn);
  }, [panelColumn, requestProfile]);

  const columnsByName = useMemo(() => new Map((table?.columns ?? []).map((c) => [c.name, c])), [table]);

  // Parse the filter boxes against the current column types.
  const { filters, filterErrors } = useMemo(() => {
    const filters: ColumnFilter[] = [];
    const filterErrors: Record<string, string> = {};
    for (const [name, text] of Object.entries(filterTexts)) {
      const column = columnsByName.get(name);
      if (!column) continue;
      const parsed = parseFilter(name, column.type, column.storage, text);
      if (parsed.error) filterErrors[name] = parsed.error;
      else if (parsed.filter) filters.push(parsed.filter);
    }
    return { filters, filterErrors };
  }, [filterTexts, columnsByName]);

  const validSort = sort && columnsByName.has(sort.column) ? sort : undefined;
  const query: RowQuery = useMemo(() => ({ sort: validSort, filters }), [validSort, filters]);

  const onSort = useCallback((column: string) => {
    setSort((current) => {
      if (current?.column !== column) return { column, descending: false };
      if (!current.descending) return { column, descending: true };
      return undefined;
    });
  }, []);
  const onFilterText = useCallback((column: string, text: string) => {
    setError(undefined);
    setFilterTexts((all) => ({ ...all, [column]: text }));
  }, []);
  const onInfo = useCallback((column: string) => setPanelColumn((current) => (current === column ? undefined : column)), []);
  const onViewRowCount = useCallback((count: number) => setViewRowCount(count), []);
  const onError = useCallback((message: string) => setError(message), []);

  if (!table) {
    return (
      <div className="td-view td-view-missing" data-testid="data-view" data-table={tableName}>
        No table named “{tableName}” is loaded.
      </div>
    );
  }

  const filtered = filters.length > 0;
  const shown = viewRowCount ?? table.rowCount;
  const panel = panelColumn ? columnsByName.get(panelColumn) : undefined;

  const changeType = async (type: ColumnType) => {
    await dataClient.setColumnType(table.name, panel!.name, type);
    // Its filter was written for the old type.
    setFilterTexts((all) => ({ ...all, [panel!.name]: '' }));
  };

  return (
    <div className="td-view" data-testid="data-view" data-table={table.name}>
      <div className="td-view-bar">
        <span className="td-view-name" title={table.source}>
          {table.name}
        </span>
        <span className="td-view-count" data-testid="data-row-count">
          {formatRowCount(shown, table.rowCount)}
        </span>
        <span className="td-muted">· {formatCount(table.columns.length)} columns</span>
        <span className="td-spacer" />
        {sort && (
          <button type="button" className="td-chip" onClick={() => setSort(undefined)} data-testid="data-clear-sort">
            sorted by {sort.column} {sort.descending ? '↓' : '↑'} ×
          </button>
        )}
        {filtered && (
          <button type="button" className="td-chip" onClick={() => setFilterTexts({})} data-testid="data-clear-filters">
            {filters.length} filter{filters.length > 1 ? 's' : ''} ×
          </button>
        )}
      </div>
      {Object.keys(filterErrors).length > 0 && (
        <div className="td-inline-error" role="alert" data-testid="data-filter-errors">
          {Object.entries(filterErrors).map(([name, reason]) => <div key={name}>Filter on {name} not applied: {reason}</div>)}
        </div>
      )}
      {error && (
        <div className="td-inline-error" role="alert" data-testid="data-view-error">
          {error}
          <button type="button" className="td-icon-button" aria-label="Dismiss" onClick={() => setError(undefined)}>
            ×
          </button>
        </div>
      )}
      <div className="td-view-body" style={{ height }}>
        <DataGrid
          table={table}
          query={query}
          height={height}
          profiles={profiles}
          filterTexts={filterTexts}
          filterErrors={filterErrors}
          activeColumn={panelColumn}
          onSort={onSort}
          onFilterText={onFilterText}
          onInfo={onInfo}
          onNeedProfile={requestProfile}
          onViewRowCount={onViewRowCount}
          onError={onError}
        />
        {panel && (
          <ProfilePanel
            key={panel.name}
            column={panel}
            rowCount={table.rowCount}
            profile={profiles[panel.name]}
            profileError={profileErrors[panel.name]}
            onClose={() => setPanelColumn(undefined)}
            onChangeType={changeType}
          />
        )}
      </div>
    </div>
  );
}
