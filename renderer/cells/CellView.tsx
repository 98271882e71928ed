// One cell: the gutter (run button, execution count), a toolbar when active, the kind's body
// and its outputs. Clicking selects (command mode); the editor's focus means edit mode.
import { memo, useEffect, useRef, type MouseEvent } from 'react';
import type { Cell, CellKind } from '../notebook/model';
import { CELL_KINDS } from '../notebook/model';
import type { CellRun } from '../notebook/reducer';
import { useNotebookActions } from '../workbench/notebook-actions';
import { ChartCell } from './ChartCell';
import { CodeCell } from './CodeCell';
import { DataCell } from './DataCell';
import { MarkdownCell } from './MarkdownCell';
import { Outputs } from './Outputs';

export interface CellViewProps {
  cell: Cell;
  run: CellRun;
  active: boolean;
  editing: boolean;
  index: number;
  count: number;
}

const KIND_LABELS: Record<CellKind, string> = { code: 'Code', markdown: 'Markdown', data: 'Data', chart: 'Chart' };

export const CellView = memo(function CellView({ cell, run, active, editing, index, count }: CellViewProps) {
  const { dispatch, runCell } = useNotebookActions();
  const frame = useRef<HTMLDivElement>(null);

  // In command mode the active cell holds the focus, so notebook keys reach the notebook.
  useEffect(() => {
    const element = frame.current;
    if (!active || editing || !element) return;
    // Keep the focus in a control of this cell (a select in the chart builder), not in its editor.
    const focused = document.activeElement as HTMLElement | null;
    const inControl = focused && focused !== element && element.contains(focused) && !focused.closest('.monaco-editor');
    if (!inControl) element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest' });
  }, [active, editing]);

  const select = (event: MouseEvent) => {
    if (!active) dispatch({ type: 'select', id: cell.id, mode: 'command' });
    // Clicks on the frame itself (not an editor or control) leave edit mode.
    if (event.target === event.currentTarget && editing) dispatch({ type: 'set-mode', mode: 'command' });
  };

  const runnable = cell.kind === 'code' || cell.kind === 'chart' || cell.kind === 'markdown';
  const status = run.status;
  const countLabel = status === 'running' || status === 'queued' ? '*' : run.executionCount ?? ' ';

  return (
    <div
      ref={frame}
      className={`nb-cell nb-kind-${cell.kind}${active ? ' nb-active' : ''}${editing ? ' nb-editing' : ''} nb-status-${status}`}
      data-testid="cell"
      data-cell-id={cell.id}
      data-kind={cell.kind}
      data-active={active ? 'true' : 'false'}
      data-status={status}
      tabIndex={-1}
      onMouseDown={select}
    >
      <div className="nb-gutter">
        {runnable && (
          <button
            type="button"
            className="nb-run-button"
            data-testid="run-cell"
            title={cell.kind === 'markdown' ? 'Render (Shift+Enter)' : 'Run cell (Shift+Enter)'}
            aria-label="Run cell"
            onClick={() => void runCell(cell.id)}
          >
            {status === 'running' ? <span className="nb-spinner" /> : <svg viewBox="0 0 16 16" width="12" height="12"><path d="M4 2.5v11l9-5.5z" fill="currentColor" /></svg>}
          </button>
        )}
        {cell.kind === 'code' && (
          <span className="nb-exec-count" data-testid="execution-count">
            [{countLabel}]
          </span>
        )}
        {cell.kind === 'code' && status === 'idle' && run.durationMs !== undefined && (
          <span className="nb-duration" data-testid="run-duration" title="Time of the last run">
            {formatDuration(run.durationMs)}
          </span>
        )}
      </div>
      <div className="nb-cell-main">
        {active && (
          <div className="nb-cell-toolbar" onMouseDown={(event) => event.stopPropagation()}>
            <select
              className="nb-select nb-kind-select"
              data-testid="cell-kind"
              value={cell.kind}
              aria-label="Cell kind"
              onChange={(event) => dispatch({ type: 'change-kind', id: cell.id, kind: event.target.value as CellKind })}
            >
              {CELL_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </select>
            <button type="button" className="nb-icon-button" title="Move up" data-testid="move-cell-up" disabled={index === 0} onClick={() => dispatch({ type: 'move', id: cell.id, delta: -1 })}>
              ↑
            </button>
            <button type="button" className="nb-icon-button" title="Move down" data-testid="move-cell-down" disabled={index === count - 1} onClick={() => dispatch({ type: 'move', id: cell.id, delta: 1 })}>
              ↓
            </button>
            {(cell.kind === 'code' || cell.kind === 'chart') && run.outputs.length > 0 && (
              <button type="button" className="nb-icon-button" title="Clear output" data-testid="clear-output" onClick={() => dispatch({ type: 'set-outputs', id: cell.id, outputs: [] })}>
                ⌫
              </button>
            )}
            <button type="button" className="nb-icon-button nb-danger" title="Delete cell (D, D)" data-testid="delete-cell" onClick={() => dispatch({ type: 'delete', id: cell.id })}>
              ✕
            </button>
          </div>
        )}
        <CellBody cell={cell} run={run} editing={editing} active={active} />
        {cell.kind !== 'markdown' && cell.kind !== 'data' && <Outputs outputs={run.outputs} />}
      </div>
    </div>
  );
});

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)}m ${Math.round((ms % 60_000) / 1000)}s`;
}

function CellBody({ cell, run, editing, active }: { cell: Cell; run: CellRun; editing: boolean; active: boolean }) {
  switch (cell.kind) {
    case 'code':
      return <CodeCell cell={cell} editing={editing} />;
    case 'markdown':
      return <MarkdownCell cell={cell} editing={editing} />;
    case 'data':
      return <DataCell cell={cell} active={active} />;
    case 'chart':
      return <ChartCell cell={cell} run={run} editing={editing} />;
  }
}
