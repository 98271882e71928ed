import { describe, expect, it } from 'vitest';
import { createCell, type NotebookDoc } from './model';
import { HISTORY_LIMIT, initialState, notebookReducer, runOf, type NotebookAction, type NotebookState } from './reducer';

function doc(...ids: string[]): NotebookDoc {
  return { cells: ids.map((id) => createCell('code', `// ${id}`, id)), metadata: {} };
}

function apply(state: NotebookState, ...actions: NotebookAction[]): NotebookState {
  return actions.reduce(notebookReducer, state);
}

const ids = (state: NotebookState) => state.doc.cells.map((cell) => cell.id);

describe('notebookReducer', () => {
  it('inserts above and below the active cell and selects the new cell', () => {
    let state = initialState(doc('a', 'b'));
    state = apply(state, { type: 'insert', kind: 'markdown', where: 'below', id: 'n1' });
    expect(ids(state)).toEqual(['a', 'n1', 'b']);
    expect(state.activeId).toBe('n1');
    state = apply(state, { type: 'insert', kind: 'code', where: 'above', id: 'n2', edit: true });
    expect(ids(state)).toEqual(['a', 'n2', 'n1', 'b']);
    expect(state.mode).toBe('edit');
    expect(state.doc.cells[2].kind).toBe('markdown');
  });

  it('deletes a cell and selects the one that took its place', () => {
    const state = apply(initialState(doc('a', 'b', 'c')), { type: 'select', id: 'b' }, { type: 'delete', id: 'b' });
    expect(ids(state)).toEqual(['a', 'c']);
    expect(state.activeId).toBe('c');
    const last = apply(initialState(doc('a', 'b')), { type: 'select', id: 'b' }, { type: 'delete', id: 'b' });
    expect(last.activeId).toBe('a');
  });

  it('moves cells within bounds and changes kind keeping the source', () => {
    let state = apply(initialState(doc('a', 'b', 'c')), { type: 'move', id: 'a', delta: 1 });
    expect(ids(state)).toEqual(['b', 'a', 'c']);
    state = apply(state, { type: 'move', id: 'c', delta: 5 });
    expect(ids(state)).toEqual(['b', 'a', 'c']);
    state = apply(state, { type: 'change-kind', id: 'a', kind: 'markdown' });
    expect(state.doc.cells[1]).toMatchObject({ kind: 'markdown', source: '// a' });
  });

  it('undoes and redoes structure changes', () => {
    const start = initialState(doc('a', 'b'));
    let state = apply(start, { type: 'delete', id: 'a' }, { type: 'insert', kind: 'code', where: 'below', id: 'x' });
    expect(ids(state)).toEqual(['b', 'x']);
    state = apply(state, { type: 'undo' });
    expect(ids(state)).toEqual(['b']);
    state = apply(state, { type: 'undo' });
    expect(state.doc).toBe(start.doc);
    expect(apply(state, { type: 'undo' }).doc).toBe(start.doc);
    state = apply(state, { type: 'redo' }, { type: 'redo' });
    expect(ids(state)).toEqual(['b', 'x']);
    expect(apply(state, { type: 'redo' })).toBe(state);
  });

  it('merges consecutive typing in one cell into one undo step', () => {
    let state = initialState(doc('a', 'b'));
    state = apply(state, { type: 'edit-source', id: 'a', source: 'x' }, { type: 'edit-source', id: 'a', source: 'xy' });
    state = apply(state, { type: 'edit-source', id: 'b', source: 'z' });
    expect(state.past).toHaveLength(2);
    state = apply(state, { type: 'undo' });
    expect(state.doc.cells.map((c) => c.source)).toEqual(['xy', '// b']);
    state = apply(state, { type: 'undo' });
    expect(state.doc.cells.map((c) => c.source)).toEqual(['// a', '// b']);
  });

  it('drops the redo future on a new change and caps the history', () => {
    let state = apply(initialState(doc('a')), { type: 'insert', kind: 'code', where: 'below', id: 'b' }, { type: 'undo' });
    state = apply(state, { type: 'insert', kind: 'code', where: 'below', id: 'c' });
    expect(state.future).toHaveLength(0);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) state = apply(state, { type: 'move', id: 'a', delta: i % 2 === 0 ? 1 : -1 });
    expect(state.past).toHaveLength(HISTORY_LIMIT);
  });

  it('keeps outputs out of the undo history', () => {
    let state = apply(
      initialState(doc('a')),
      { type: 'run-started', id: 'a' },
      { type: 'run-output', id: 'a', output: { type: 'stream', name: 'stdout', text: 'one\n' } },
      { type: 'run-output', id: 'a', output: { type: 'stream', name: 'stdout', text: 'two\n' } },
      { type: 'run-finished', id: 'a', executionCount: 1 },
    );
    expect(state.past).toHaveLength(0);
    expect(runOf(state, 'a')).toEqual({ status: 'idle', executionCount: 1, outputs: [{ type: 'stream', name: 'stdout', text: 'one\ntwo\n' }] });
    state = apply(state, { type: 'delete', id: 'a' }, { type: 'undo' });
    expect(runOf(state, 'a').outputs).toHaveLength(1);
  });

  it('replaces the notebook undoably (open does not lose the previous notebook)', () => {
    const start = initialState(doc('a'));
    let state = apply(start, { type: 'replace', doc: doc('x', 'y') });
    expect(ids(state)).toEqual(['x', 'y']);
    expect(state.activeId).toBe('x');
    state = apply(state, { type: 'undo' });
    expect(ids(state)).toEqual(['a']);
    expect(state.activeId).toBe('a');
  });

  it('marks queued cells and cancels them all', () => {
    const state = apply(initialState(doc('a', 'b')), { type: 'run-queued', ids: ['a', 'b'] }, { type: 'run-started', id: 'a' }, { type: 'runs-cancelled' });
    expect(runOf(state, 'a').status).toBe('idle');
    expect(runOf(state, 'b').status).toBe('idle');
  });

  it('moves the selection relative to the active cell, clamped', () => {
    const state = apply(initialState(doc('a', 'b', 'c')), { type: 'select-relative', delta: 1 }, { type: 'select-relative', delta: 5 });
    expect(state.activeId).toBe('c');
  });
});
