// The notebook state as a small external store: dispatch applies the reducer at once, so code
// that runs right after a keystroke (Shift+Enter after typing) reads the source just typed,
// not the one from the last render. React reads it with useSyncExternalStore.
import { notebookReducer, type NotebookAction, type NotebookState } from './reducer';

export interface NotebookStore {
  getState: () => NotebookState;
  dispatch: (action: NotebookAction) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createNotebookStore(initial: NotebookState): NotebookStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = notebookReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
