import type { Cell } from '../notebook/model';
import { CellSourceEditor } from './CellSourceEditor';

export function CodeCell({ cell, editing }: { cell: Cell; editing: boolean }) {
  return (
    <div className="nb-code-cell" data-testid="code-editor">
      <CellSourceEditor cell={cell} language="typescript" extension="ts" focused={editing} />
    </div>
  );
}
