import { describe, expect, it } from 'vitest';
import { createCell } from './model';
import { initialState } from './reducer';
import { createNotebookStore } from './store';

describe('createNotebookStore', () => {
  it('applies actions at once and notifies only on change', () => {
    const store = createNotebookStore(initialState({ cells: [createCell('code', '', 'a')], metadata: {} }));
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);
    store.dispatch({ type: 'edit-source', id: 'a', source: '1 + 1' });
    expect(store.getState().doc.cells[0].source).toBe('1 + 1');
    store.dispatch({ type: 'edit-source', id: 'a', source: '1 + 1' });
    store.dispatch({ type: 'select', id: 'missing' });
    expect(notified).toBe(1);
    unsubscribe();
    store.dispatch({ type: 'undo' });
    expect(notified).toBe(1);
    expect(store.getState().doc.cells[0].source).toBe('');
  });
});
