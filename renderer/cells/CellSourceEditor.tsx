// A cell's source in the (lazily loaded) editor, wired to the notebook the same way for every
// cell kind: edits go to the notebook, focus selects the cell in edit mode, Escape returns to
// command mode, and the run shortcuts run the cell.
import type { CodeEditorProps } from '../editor/CodeEditor';
import type { Cell } from '../notebook/model';
import { useNotebookActions } from '../workbench/notebook-actions';
import { LazyEditor } from './LazyEditor';

export interface CellSourceEditorProps {
  cell: Cell;
  language: CodeEditorProps['language'];
  /** The model path's extension, so Monaco picks the language service. */
  extension: 'ts' | 'md' | 'json';
  focused: boolean;
  minLines?: number;
}

export function CellSourceEditor({ cell, language, extension, focused, minLines }: CellSourceEditorProps) {
  const { dispatch, runCell } = useNotebookActions();
  return (
    <LazyEditor
      value={cell.source}
      language={language}
      path={`cells/${cell.id}.${extension}`}
      focused={focused}
      minLines={minLines}
      onChange={(source) => dispatch({ type: 'edit-source', id: cell.id, source })}
      onFocus={() => dispatch({ type: 'select', id: cell.id, mode: 'edit' })}
      onEscape={() => dispatch({ type: 'set-mode', mode: 'command' })}
      onRun={() => void runCell(cell.id, 'stay')}
      onRunAndAdvance={() => void runCell(cell.id, 'advance')}
      onRunAndInsert={() => void runCell(cell.id, 'insert')}
    />
  );
}
