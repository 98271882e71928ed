import { describe, expect, it } from 'vitest';
import { NotebookNames } from './doc-names';
import { emptyNotebook, newCellId } from './model';
import { initialState, notebookReducer } from './reducer';

describe('NotebookNames', () => {
  it('brings the previous name back when Undo brings back the notebook that New replaced, and the new one on Redo', () => {
    const demo = { ...emptyNotebook(), cells: [{ id: newCellId(), kind: 'code' as const, source: 'leads.numRows()', outputs: [] }] };
    let state = initialState(demo);
    const names = new NotebookNames();
    const fresh = emptyNotebook();
    names.replaced(state.doc, 'demo.ipynb', fresh, 'Untitled.ipynb');
    state = notebookReducer(state, { type: 'replace', doc: fresh });
    expect(names.nameOf(state.doc)).toBe('Untitled.ipynb');
    state = notebookReducer(state, { type: 'undo' });
    expect(state.doc.cells[0].source).toBe('leads.numRows()');
    expect(names.nameOf(state.doc)).toBe('demo.ipynb');
    state = notebookReducer(state, { type: 'redo' });
    expect(names.nameOf(state.doc)).toBe('Untitled.ipynb');
  });
});
