// The notebook's state and every change to it. The document is undoable (a history of immutable
// notebook states); outputs, selection and mode are not, like Jupyter, where undo never brings
// back an old output.
import { appendOutput, type CellOutput } from '../../shared/runner/outputs';
import {
  cellIndex,
  changeKind,
  createCell,
  deleteCell,
  insertCell,
  moveCell,
  updateCell,
  type CellKind,
  type NotebookDoc,
  type TourneyCellMetadata,
} from './model';

export type RunStatus = 'idle' | 'queued' | 'running';

export interface CellRun {
  outputs: CellOutput[];
  executionCount: number | null;
  status: RunStatus;
  /** How long the last run took, when it ran in this session. */
  durationMs?: number;
}

export type Mode = 'command' | 'edit';

export interface NotebookState {
  past: NotebookDoc[];
  doc: NotebookDoc;
  future: NotebookDoc[];
  /** Id of the cell whose typing is being merged into the latest undo step, if any. */
  coalescing: string | null;
  runs: Record<string, CellRun>;
  activeId: string | null;
  mode: Mode;
}

export type NotebookAction =
  | { type: 'insert'; kind: CellKind; where: 'above' | 'below'; id: string; source?: string; tourney?: TourneyCellMetadata; edit?: boolean }
  | { type: 'delete'; id: string }
  | { type: 'move'; id: string; delta: number }
  | { type: 'change-kind'; id: string; kind: CellKind }
  | { type: 'edit-source'; id: string; source: string }
  | { type: 'set-tourney'; id: string; tourney: TourneyCellMetadata; source?: string }
  | { type: 'replace'; doc: NotebookDoc; runs?: Record<string, CellRun> }
  | { type: 'reset'; doc: NotebookDoc; runs?: Record<string, CellRun> }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'select'; id: string; mode?: Mode }
  | { type: 'select-relative'; delta: number }
  | { type: 'set-mode'; mode: Mode }
  | { type: 'run-queued'; ids: string[] }
  | { type: 'run-started'; id: string }
  | { type: 'run-output'; id: string; output: CellOutput }
  | { type: 'run-finished'; id: string; executionCount: number | null; durationMs?: number }
  | { type: 'runs-cancelled' }
  | { type: 'set-outputs'; id: string; outputs: CellOutput[] };

export const HISTORY_LIMIT = 200;

const IDLE_RUN: CellRun = { outputs: [], executionCount: null, status: 'idle' };

export function initialState(doc: NotebookDoc, runs: Record<string, CellRun> = {}): NotebookState {
  return { past: [], doc, future: [], coalescing: null, runs, activeId: doc.cells[0]?.id ?? null, mode: 'command' };
}

export function runOf(state: NotebookState, id: string): CellRun {
  return state.runs[id] ?? IDLE_RUN;
}

/** Records `doc` as the new present; `coalesce` merges into the last step when it matches. */
function commit(state: NotebookState, doc: NotebookDoc, coalesce: string | null = null): NotebookState {
  if (doc === state.doc) return state;
  if (coalesce !== null && coalesce === state.coalescing) {
    return { ...state, doc, future: [] };
  }
  const past = [...state.past, state.doc].slice(-HISTORY_LIMIT);
  return { ...state, past, doc, future: [], coalescing: coalesce };
}

function withRun(state: NotebookState, id: string, update: (run: CellRun) => CellRun): NotebookState {
  return { ...state, runs: { ...state.runs, [id]: update(runOf(state, id)) } };
}

/** The active id if that cell still exists, else the nearest sensible one. */
function keepActive(doc: NotebookDoc, activeId: string | null, fallbackIndex = 0): string | null {
  if (activeId && cellIndex(doc, activeId) >= 0) return activeId;
  if (doc.cells.length === 0) return null;
  return doc.cells[Math.max(0, Math.min(fallbackIndex, doc.cells.length - 1))].id;
}

export function notebookReducer(state: NotebookState, action: NotebookAction): NotebookState {
  switch (action.type) {
    case 'insert': {
      const anchor = state.activeId ? cellIndex(state.doc, state.activeId) : -1;
      const index = anchor < 0 ? state.doc.cells.length : action.where === 'above' ? anchor : anchor + 1;
      const cell = { ...createCell(action.kind, action.source ?? '', action.id), ...(action.tourney ? { tourney: action.tourney } : {}) };
      const next = commit(state, insertCell(state.doc, cell, index));
      return { ...next, activeId: cell.id, mode: action.edit ? 'edit' : 'command' };
    }
    case 'delete': {
      const index = cellIndex(state.doc, action.id);
      if (index < 0) return state;
      const next = commit(state, deleteCell(state.doc, action.id));
      return { ...next, activeId: keepActive(next.doc, state.activeId === action.id ? null : state.activeId, index), mode: 'command' };
    }
    case 'move':
      return commit(state, moveCell(state.doc, action.id, action.delta));
    case 'change-kind':
      return commit(state, changeKind(state.doc, action.id, action.kind));
    case 'edit-source':
      return commit(
        state,
        updateCell(state.doc, action.id, (cell) => (cell.source === action.source ? cell : { ...cell, source: action.source })),
        `source:${action.id}`,
      );
    case 'set-tourney':
      return commit(
        state,
        updateCell(state.doc, action.id, (cell) => ({
          ...cell,
          tourney: { ...cell.tourney, ...action.tourney },
          source: action.source ?? cell.source,
        })),
      );
    case 'replace': {
      const next = commit(state, action.doc);
      return { ...next, runs: action.runs ?? {}, activeId: action.doc.cells[0]?.id ?? null, mode: 'command' };
    }
    case 'reset':
      return initialState(action.doc, action.runs);
    case 'undo': {
      if (state.past.length === 0) return state;
      const doc = state.past[state.past.length - 1];
      return {
        ...state,
        past: state.past.slice(0, -1),
        doc,
        future: [state.doc, ...state.future],
        coalescing: null,
        activeId: keepActive(doc, state.activeId, state.activeId ? cellIndex(state.doc, state.activeId) : 0),
      };
    }
    case 'redo': {
      if (state.future.length === 0) return state;
      const [doc, ...future] = state.future;
      return {
        ...state,
        past: [...state.past, state.doc],
        doc,
        future,
        coalescing: null,
        activeId: keepActive(doc, state.activeId, state.activeId ? cellIndex(state.doc, state.activeId) : 0),
      };
    }
    case 'select':
      if (cellIndex(state.doc, action.id) < 0) return state;
      return { ...state, activeId: action.id, mode: action.mode ?? state.mode, coalescing: null };
    case 'select-relative': {
      const index = state.activeId ? cellIndex(state.doc, state.activeId) : -1;
      const target = state.doc.cells[Math.max(0, Math.min(state.doc.cells.length - 1, index + action.delta))];
      return target ? { ...state, activeId: target.id, coalescing: null } : state;
    }
    case 'set-mode':
      return state.mode === action.mode ? state : { ...state, mode: action.mode, coalescing: null };
    case 'run-queued': {
      const runs = { ...state.runs };
      for (const id of action.ids) runs[id] = { ...runOf(state, id), status: 'queued' };
      return { ...state, runs };
    }
    case 'run-started':
      return withRun(state, action.id, (run) => ({ ...run, outputs: [], status: 'running' }));
    case 'run-output':
      return withRun(state, action.id, (run) => ({ ...run, outputs: appendOutput(run.outputs, action.output) }));
    case 'run-finished':
      return withRun(state, action.id, (run) => ({ ...run, status: 'idle', executionCount: action.executionCount, durationMs: action.durationMs }));
    case 'runs-cancelled': {
      const runs: Record<string, CellRun> = {};
      for (const [id, run] of Object.entries(state.runs)) runs[id] = run.status === 'idle' ? run : { ...run, status: 'idle' };
      return { ...state, runs };
    }
    case 'set-outputs':
      return withRun(state, action.id, (run) => ({ ...run, outputs: action.outputs }));
  }
}

export function canUndo(state: NotebookState): boolean {
  return state.past.length > 0;
}

export function canRedo(state: NotebookState): boolean {
  return state.future.length > 0;
}
