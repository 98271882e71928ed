// The left panel: load data and see the loaded tables; each table can open as a data or chart cell.
import { DataLoader, useTables } from '../data';
import { newCellId } from '../notebook/model';
import { newCellContent } from './new-cells';
import type { NotebookController } from './use-notebook';

export function Sidebar({ controller }: { controller: NotebookController }) {
  const tables = useTables();
  const { dispatch } = controller;

  const addCell = (kind: 'data' | 'chart', table: string) =>
    dispatch({ type: 'insert', kind, where: 'below', id: newCellId(), ...newCellContent(kind, tables.find((t) => t.name === table)) });

  return (
    <aside className="wb-sidebar" data-testid="sidebar">
      <section className="wb-section">
        <h2 className="wb-section-title">Data</h2>
        <DataLoader />
      </section>
      <section className="wb-section">
        <h2 className="wb-section-title">
          Tables <span className="wb-count">{tables.length}</span>
        </h2>
        {tables.length === 0 ? (
          <p className="wb-muted">No tables yet. Open a CSV, TSV, JSON or Parquet file; code cells see each table as a variable.</p>
        ) : (
          <ul className="wb-tables" data-testid="table-list">
            {tables.map((table) => (
              <li key={table.name} className="wb-table" data-testid="table-item" data-table={table.name}>
                <div className="wb-table-name" title={table.source}>
                  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
                    <path d="M1.5 6h13M6 6v7.5" stroke="currentColor" />
                  </svg>
                  {table.name}
                </div>
                <div className="wb-table-meta">
                  {table.rowCount.toLocaleString('en-US')} rows · {table.columns.length} columns
                </div>
                {table.notes?.map((note) => (
                  <div key={note} className="wb-table-note" role="note" data-testid="table-note">{note}</div>
                ))}
                <div className="wb-table-actions">
                  <button type="button" className="wb-link" data-testid="table-add-data-cell" onClick={() => addCell('data', table.name)}>
                    View
                  </button>
                  <button type="button" className="wb-link" data-testid="table-add-chart-cell" onClick={() => addCell('chart', table.name)}>
                    Chart
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
