// Markdown: rendered (sanitised) in command mode; double-click or Enter edits the source.
import { useMemo } from 'react';
import type { Cell } from '../notebook/model';
import { useNotebookActions } from '../workbench/notebook-actions';
import { CellSourceEditor } from './CellSourceEditor';
import { renderMarkdown } from './markdown';

export function MarkdownCell({ cell, editing }: { cell: Cell; editing: boolean }) {
  const { dispatch } = useNotebookActions();
  const html = useMemo(() => (editing ? '' : renderMarkdown(cell.source)), [cell.source, editing]);
  if (editing) {
    return (
      <div className="nb-markdown-editor" data-testid="markdown-editor">
        <CellSourceEditor cell={cell} language="markdown" extension="md" focused minLines={2} />
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
