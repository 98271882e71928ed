// A data cell shows one loaded table in the data viewer (virtualised, sortable, filterable).
import { DataCellView, TablePicker, useTables } from '../data';
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
          {table ? `Table “${table}” is not loaded yet. Open it from the Data panel on the left.` : 'Choose a table to explore it here.'}
        </div>
      )}
    </div>
  );
}
