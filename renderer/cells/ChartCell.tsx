// A chart cell: a builder (table, mark, x, y, color, aggregate) that writes a vega-lite spec,
// and the spec itself as editable JSON. The runner worker fills in the data (aggregating there
// over all rows); the chart redraws shortly after either changes.
import { useEffect, useRef, useState } from 'react';
import { TablePicker, useTables } from '../data';
import { AGGREGATES, MARKS, builderSpec, defaultBuilder, specText } from '../notebook/chart-builder';
import type { Cell, ChartBuilderState } from '../notebook/model';
import type { CellRun } from '../notebook/reducer';
import { useNotebookActions } from '../workbench/notebook-actions';
import { CellSourceEditor } from './CellSourceEditor';

const REDRAW_DELAY_MS = 400;

export function ChartCell({ cell, run, editing }: { cell: Cell; run: CellRun; editing: boolean }) {
  const { dispatch, runCell } = useNotebookActions();
  const tables = useTables();
  const table = cell.tourney?.table;
  const summary = tables.find((t) => t.name === table);
  const columns = summary?.columns ?? [];
  const builder = cell.tourney?.builder;
  const [showSpec, setShowSpec] = useState(!builder && cell.source.trim() !== '');

  // Draw once the table is there if nothing is drawn yet (a new cell, an opened notebook), and
  // again whenever the table changes (reloaded, a column retyped).
  const hasOutput = run.outputs.length > 0;
  const drawnVersion = useRef<number | undefined>(undefined);
  useEffect(() => {
    const version = summary?.version;
    if (version === undefined) return;
    const changed = drawnVersion.current !== undefined && drawnVersion.current !== version;
    drawnVersion.current = version;
    if (changed || (!hasOutput && run.status === 'idle')) void runCell(cell.id);
    // Only when the table arrives or changes, not on every output change.
  }, [summary?.version, table]);

  // Redraw after edits to the spec or the table, once the typing pauses.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      if (isJsonObject(cell.source)) void runCell(cell.id);
    }, REDRAW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [cell.source, table, cell.id, runCell]);

  const setBuilder = (patch: Partial<ChartBuilderState>) => {
    const next = { ...(builder ?? defaultBuilder(columns)), ...patch };
    dispatch({ type: 'set-tourney', id: cell.id, tourney: { builder: next }, source: specText(withTitle(builderSpec(next, columns), cell.source)) });
  };

  const setTable = (name: string) => {
    const nextColumns = tables.find((t) => t.name === name)?.columns ?? [];
    if (builder || !cell.source.trim()) {
      const next = defaultBuilder(nextColumns);
      dispatch({ type: 'set-tourney', id: cell.id, tourney: { table: name, builder: next }, source: specText(builderSpec(next, nextColumns)) });
    } else {
      dispatch({ type: 'set-tourney', id: cell.id, tourney: { table: name } });
    }
  };

  // A cell with no spec yet starts in the builder.
  const current = builder ?? (cell.source.trim() ? null : defaultBuilder(columns));
  const columnSelect = (label: string, key: 'x' | 'y' | 'color', disabled = false) => (
    <label className="nb-field">
      <span>{label}</span>
      <select
        className="nb-select"
        data-testid={`chart-${key}`}
        value={current?.[key] ?? ''}
        disabled={disabled || columns.length === 0}
        onChange={(event) => setBuilder({ [key]: event.target.value || undefined })}
      >
        <option value="">—</option>
        {columns.map((column) => (
          <option key={column.name} value={column.name}>
            {column.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="nb-chart-cell">
      <div className="nb-chart-builder" onMouseDown={(event) => event.stopPropagation()}>
        <label className="nb-field">
          <span>Table</span>
          <TablePicker value={table} onChange={setTable} />
        </label>
        {current ? (
          <>
        <label className="nb-field">
          <span>Mark</span>
          <select className="nb-select" data-testid="chart-mark" value={current?.mark ?? ''} disabled={!summary} onChange={(event) => setBuilder({ mark: event.target.value })}>
                        {MARKS.map((mark) => (
              <option key={mark} value={mark}>
                {mark}
              </option>
            ))}
          </select>
        </label>
        {columnSelect('X', 'x')}
        {columnSelect('Y', 'y', current?.aggregate === 'count')}
        {columnSelect('Color', 'color')}
        <label className="nb-field">
          <span>Aggregate</span>
          <select
            className="nb-select"
            data-testid="chart-aggregate"
            value={current?.aggregate ?? ''}
            disabled={!summary}
            onChange={(event) => setBuilder({ aggregate: event.target.value || undefined })}
          >
            {AGGREGATES.map((aggregate) => (
              <option key={aggregate} value={aggregate}>
                {aggregate || 'none'}
              </option>
            ))}
          </select>
        </label>
          </>
        ) : (
          <div className="nb-custom-spec">
            <span>Custom vega-lite spec</span>
            <button type="button" className="wb-link" data-testid="chart-use-builder" disabled={!summary} onClick={() => setBuilder({})}>
              Use the builder instead
            </button>
          </div>
        )}
        <button type="button" className={`nb-toggle${showSpec ? ' nb-on' : ''}`} data-testid="chart-spec-toggle" onClick={() => setShowSpec(!showSpec)} title="Show the vega-lite spec">
          {'{ }'} Spec
        </button>
      </div>
      {showSpec && (
        <div className="nb-chart-spec" data-testid="chart-spec-editor">
          <CellSourceEditor cell={cell} language="json" extension="json" focused={editing} minLines={3} />
        </div>
      )}
      {!summary && (
        <div className="nb-empty" data-testid="chart-cell-empty">
          {table ? `Table “${table}” is not loaded yet. Open it from the Data panel on the left.` : 'Choose a table to chart.'}
        </div>
      )}
    </div>
  );
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Keeps a title the user wrote into the spec when the builder rewrites it. */
function withTitle(spec: Record<string, unknown>, previous: string): Record<string, unknown> {
  try {
    const old = JSON.parse(previous) as { title?: unknown };
    return old.title ? { title: old.title, ...spec } : spec;
  } catch {
    return spec;
  }
}
