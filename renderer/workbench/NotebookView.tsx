// The notebook column: cells, the add-cell bars between them, and Jupyter's command-mode keys.
import { useRef, type KeyboardEvent } from 'react';
import { CellView } from '../cells/CellView';
import { commandModeKey, isTypingTarget } from '../notebook/keyboard';
import { newCellId, type CellKind } from '../notebook/model';
import { runOf } from '../notebook/reducer';
import { useTables } from '../data';
import { newCellContent } from './new-cells';
import { waitingText } from './table-loads';
import type { NotebookController } from './use-notebook';

const ADD_KINDS: { kind: CellKind; label: string }[] = [
  { kind: 'code', label: 'Code' },
  { kind: 'markdown', label: 'Markdown' },
  { kind: 'data', label: 'Data' },
  { kind: 'chart', label: 'Chart' },
];

export function NotebookView({ controller }: { controller: NotebookController }) {
  const { state, dispatch, runCell, interrupt } = controller;
  const pending = useRef<string | null>(null);
  const tables = useTables();

  const onKeyDown = (event: KeyboardEvent) => {
    if (isTypingTarget(event.target)) return;
    const { command, pending: next } = commandModeKey(event, pending.current);
    pending.current = next;
    // Ctrl+S is handled for the whole window by the top bar.
    if (!command || command === 'save') return;
    event.preventDefault();
    const id = state.activeId;
    switch (command) {
      case 'run-and-advance':
        if (id) void runCell(id, 'advance');
        break;
      case 'run':
        if (id) void runCell(id, 'stay');
        break;
      case 'run-and-insert':
        if (id) void runCell(id, 'insert');
        break;
      case 'edit':
        if (id) dispatch({ type: 'select', id, mode: 'edit' });
        break;
      case 'insert-above':
      case 'insert-below':
        dispatch({ type: 'insert', kind: 'code', where: command === 'insert-above' ? 'above' : 'below', id: newCellId() });
        break;
      case 'delete':
        if (id) dispatch({ type: 'delete', id });
        break;
      case 'to-markdown':
        if (id) dispatch({ type: 'change-kind', id, kind: 'markdown' });
        break;
      case 'to-code':
        if (id) dispatch({ type: 'change-kind', id, kind: 'code' });
        break;
      case 'undo':
        dispatch({ type: 'undo' });
        break;
      case 'redo':
        dispatch({ type: 'redo' });
        break;
      case 'select-previous':
        dispatch({ type: 'select-relative', delta: -1 });
        break;
      case 'select-next':
        dispatch({ type: 'select-relative', delta: 1 });
        break;
      case 'interrupt':
        interrupt();
        break;
    }
  };

  const insertAt = (kind: CellKind, index: number) => {
    const cells = state.doc.cells;
    // New data and chart cells show the most recently loaded table.
    const content = newCellContent(kind, tables[tables.length - 1]);
    const edit = kind === 'code' || kind === 'markdown';
    if (cells.length === 0 || index >= cells.length) {
      if (cells.length > 0) dispatch({ type: 'select', id: cells[cells.length - 1].id });
      dispatch({ type: 'insert', kind, where: 'below', id: newCellId(), edit, ...content });
    } else {
      dispatch({ type: 'select', id: cells[index].id });
      dispatch({ type: 'insert', kind, where: 'above', id: newCellId(), edit, ...content });
    }
  };

  const cells = state.doc.cells;
  return (
    <div className="nb-notebook" data-testid="notebook" onKeyDown={onKeyDown}>
      <div className="nb-column">
        {controller.waitingForTables.length > 0 && (
          <div className="nb-waiting" role="status" data-testid="waiting-for-tables">
            <span className="nb-spinner" />
            {waitingText(controller.waitingForTables)}
          </div>
        )}
        {cells.map((cell, index) => (
          <div key={cell.id} className="nb-cell-slot">
            <AddBar onAdd={(kind) => insertAt(kind, index)} compact />
            <CellView
              cell={cell}
              run={runOf(state, cell.id)}
              active={state.activeId === cell.id}
              editing={state.activeId === cell.id && state.mode === 'edit'}
              index={index}
              count={cells.length}
            />
          </div>
        ))}
        <AddBar onAdd={(kind) => insertAt(kind, cells.length)} />
        <p className="nb-hint">
          <kbd>Shift</kbd>+<kbd>Enter</kbd> run · <kbd>Esc</kbd> command mode · <kbd>A</kbd>/<kbd>B</kbd> insert · <kbd>D</kbd>
          <kbd>D</kbd> delete · <kbd>M</kbd>/<kbd>Y</kbd> markdown/code · <kbd>Z</kbd> undo · <kbd>I</kbd>
          <kbd>I</kbd> interrupt
        </p>
      </div>
    </div>
  );
}

function AddBar({ onAdd, compact = false }: { onAdd: (kind: CellKind) => void; compact?: boolean }) {
  return (
    <div className={`nb-add-bar${compact ? ' nb-compact' : ''}`} data-testid={compact ? 'add-bar-between' : 'add-bar'}>
      <span className="nb-add-line" />
      {ADD_KINDS.map(({ kind, label }) => (
        <button key={kind} type="button" className="nb-add-button" data-testid={compact ? undefined : `add-${kind}-cell`} onClick={() => onAdd(kind)}>
          + {label}
        </button>
      ))}
      <span className="nb-add-line" />
    </div>
  );
}
