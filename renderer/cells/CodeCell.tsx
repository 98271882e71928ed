import type { Cell } from '../notebook/model';
import { useNotebookActions } from '../workbench/notebook-actions';
import { LazyEditor } from './LazyEditor';

export function CodeCell({ cell, editing }: { cell: Cell; editing: boolean }) {
  const { dispatch, runCell } = useNotebookActions();
  return (
    <div className="nb-code-cell" data-testid="code-editor">
      <LazyEditor
        value={cell.source}
        language="typescript"
        path={`cells/${cell.id}.ts`}
        focused={editing}
        onChange={(source) => dispatch({ type: 'edit-source', id: cell.id, source })}
        onFocus={() => dispatch({ type: 'select', id: cell.id, mode: 'edit' })}
        onEscape={() => dispatch({ type: 'set-mode', mode: 'command' })}
        onRun={() => void runCell(cell.id, 'stay')}
        onRunAndAdvance={() => void runCell(cell.id, 'advance')}
        onRunAndInsert={() => void runCell(cell.id, 'insert')}
      />
    </div>
  );
}
