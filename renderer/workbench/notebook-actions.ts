// Stable notebook actions for cells (a context, so a keystroke in one cell does not re-render
// every other cell's editor).
import { createContext, useContext } from 'react';
import type { NotebookAction } from '../notebook/reducer';
import type { AfterRun } from './use-notebook';

export interface NotebookActions {
  dispatch: (action: NotebookAction) => void;
  runCell: (id: string, after?: AfterRun) => Promise<unknown>;
}

export const NotebookActionsContext = createContext<NotebookActions | null>(null);

export function useNotebookActions(): NotebookActions {
  const actions = useContext(NotebookActionsContext);
  if (!actions) throw new Error('useNotebookActions must be used inside the notebook');
  return actions;
}
