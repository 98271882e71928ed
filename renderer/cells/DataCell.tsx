// A data cell shows one loaded table in the data viewer (virtualised, sortable, filterable).
import { useEffect, useState } from 'react';
import { DataCellView, TablePicker, useTables } from '../data';
import { reopenRecentFile, type RecentFile } from '../data/recent-files';
import { recentFileFor } from '../workbench/restore-tables';
import type { Cell } from '../notebook/model';
import { useNotebookActions } from '../workbench/notebook-actions';

export function DataCell({ cell }: { cell: Cell; active: boolean }) {
  const { dispatch } = useNotebookActions();
  const tables = useTables();
  const table = cell.tourney?.table;
  const loaded = table !== undefined && tables.some((t) => t.name === table);
  return (
    <div className="nb-data-cell">
      <div className="nb-cell-header" onMouseDown={(event) => event.stopPropagation()}>
        <span className="nb-cell-label">Table</span>
        <TablePicker value={table} onChange={(name) => dispatch({ type: 'set-tourney', id: cell.id, tourney: { table: name } })} />
      </div>
      {loaded ? (
        <DataCellView tableName={table} />
      ) : (
        <div className="nb-empty" data-testid="data-cell-empty">
          {table ? `Table “${table}” is not loaded yet. ` : 'Choose a table to explore it here.'}
          {table && <ReloadTable table={table} />}
        </div>
      )}
    </div>
  );
}

/** One click to reopen the table from the recent files; else where to open it. */
function ReloadTable({ table }: { table: string }) {
  const [file, setFile] = useState<RecentFile | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  useEffect(() => {
    let live = true;
    recentFileFor(table).then((found) => live && setFile(found ?? null), () => undefined);
    return () => {
      live = false;
    };
  }, [table]);
  if (!file) return <>Open it from the Data panel on the left.</>;
  const reload = () => {
    setState('loading');
    reopenRecentFile(file).then(() => undefined, () => setState('failed'));
  };
  return (
    <button type="button" className="nb-link-button" onClick={reload} disabled={state === 'loading'} data-testid="data-cell-reload">
      {state === 'loading' ? `Loading ${file.name}…` : state === 'failed' ? `Could not reload ${file.name} (see the notice); try again` : `Reload ${file.name}`}
    </button>
  );
}
