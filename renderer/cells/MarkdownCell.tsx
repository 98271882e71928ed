// Markdown: rendered (sanitised) in command mode; double-click or Enter edits the source.
import { useMemo } from 'react';
import type { Cell } from '../notebook/model';
import { useNotebookActions } from '../workbench/notebook-actions';
import { LazyEditor } from './LazyEditor';
import { renderMarkdown } from './markdown';

export function MarkdownCell({ cell, editing }: { cell: Cell; editing: boolean }) {
  const { dispatch, runCell } = useNotebookActions();
  const html = useMemo(() => (editing ? '' : renderMarkdown(cell.source)), [cell.source, editing]);
  if (editing) {
    return (
      <div className="nb-markdown-editor" data-testid="markdown-editor">
        <LazyEditor
          value={cell.source}
          language="markdown"
          path={`cells/${cell.id}.md`}
          focused
          minLines={2}
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
  const edit = () => dispatch({ type: 'select', id: cell.id, mode: 'edit' });
  if (!cell.source.trim()) {
    return (
      <div className="nb-markdown-empty" data-testid="markdown-rendered" onDoubleClick={edit}>
        Empty markdown cell — double-click or press Enter to write.
      </div>
    );
  }
  return <div className="nb-markdown" data-testid="markdown-rendered" onDoubleClick={edit} dangerouslySetInnerHTML={{ __html: html }} />;
}
