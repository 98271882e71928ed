// The notebook's brain on the main thread: state (reducer), running cells in the runner worker,
// run all, interrupt, startup restore, autosave, open and save. All compute is in workers; this
// only dispatches and keeps the UI in step.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { dataClient } from '../data';
import { RunnerInterruptedError } from '../runner/runner-client';
import { loadAutosave, saveAutosave } from '../notebook/autosave';
import { IpynbError, parseIpynb, serializeIpynb, type OpenedNotebook } from '../notebook/ipynb';
import { locateJsonError } from '../../kernels/io/json-error';
import { NotebookNames } from '../notebook/doc-names';
import { emptyNotebook, newCellId, type Cell, type NotebookDoc } from '../notebook/model';
import { initialState, type NotebookAction, type NotebookState } from '../notebook/reducer';
import { createNotebookStore } from '../notebook/store';
import { saveNotebookFile } from '../platform/notebook-files';
import type { CellOutput } from '../../shared/runner/outputs';
import { MIME_PLAIN, MIME_VEGALITE } from '../../shared/runner/outputs';
import { appRunner } from './runner';
import { reloadUsedTables } from './restore-tables';
import { notebookTableLoads } from './table-loads';

export type SaveStatus = 'loading' | 'saved' | 'saving' | 'unsaved' | 'error';
export type AfterRun = 'stay' | 'advance' | 'insert';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

const AUTOSAVE_DELAY_MS = 800;
const NO_TABLES: readonly string[] = [];

export interface NotebookController {
  state: NotebookState;
  dispatch: (action: NotebookAction) => void;
  fileName: string;
  saveStatus: SaveStatus;
  notices: Notice[];
  dismissNotice: (id: number) => void;
  /** Tables the notebook needs that a run is waiting for (empty unless a run waits). */
  waitingForTables: readonly string[];
  runCell: (id: string, after?: AfterRun) => Promise<'ok' | 'error' | 'interrupted'>;
  runAll: () => Promise<void>;
  interrupt: () => void;
  newNotebook: () => void;
  openDemo: () => Promise<void>;
  openNotebookText: (fileName: string, text: string) => boolean;
  saveNotebook: () => Promise<void>;
}

export function useNotebook(): NotebookController {
  const [store] = useState(() => createNotebookStore(initialState({ cells: [], metadata: {} })));
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const dispatch = store.dispatch;
  // Always the latest state, also between a dispatch and the next render.
  const stateRef = useMemo(() => ({ get current() { return store.getState(); } }), [store]);
  const [fileName, setFileName] = useState('Untitled.ipynb');
  const fileNameRef = useRef(fileName);
  fileNameRef.current = fileName;
  const [names] = useState(() => new NotebookNames());
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('loading');
  const [notices, setNotices] = useState<Notice[]>([]);
  const noticeId = useRef(0);
  const runAllToken = useRef(0);
  // Runs wait for the notebook the app opens with (and the table loads it starts) to be known.
  const [startup] = useState(deferred);
  // Resolved (and replaced) by each interrupt, so a run waiting for tables stops waiting.
  const interrupted = useRef(deferred());
  const [waiters, setWaiters] = useState(0);
  const waiting = useRef(0);
  const pendingTables = useSyncExternalStore(notebookTableLoads.subscribe, notebookTableLoads.getSnapshot);

  const notify = useCallback((kind: Notice['kind'], text: string) => {
    const id = ++noticeId.current;
    setNotices((current) => [...current.filter((n) => n.text !== text), { id, kind, text }]);
    if (kind === 'info') setTimeout(() => setNotices((current) => current.filter((n) => n.id !== id)), 8000);
  }, []);
  const dismissNotice = useCallback((id: number) => setNotices((current) => current.filter((n) => n.id !== id)), []);

  /** Replaces the notebook as one undoable step; Undo brings the previous one back with its name. */
  const replaceNotebook = useCallback((doc: NotebookDoc, runs: OpenedNotebook['runs'], name: string) => {
    names.replaced(stateRef.current.doc, fileNameRef.current, doc, name);
    dispatch({ type: 'replace', doc, runs });
    setFileName(name);
  }, []);
  // Undo or redo onto a replaced (or replacing) notebook brings its name back too.
  useEffect(() => {
    const name = names.nameOf(state.doc);
    if (name !== undefined) setFileName(name);
  }, [state.doc]);

  // Runner outputs go to the cell that produced them.
  useEffect(() => appRunner().onOutput((cellId, output) => dispatch({ type: 'run-output', id: cellId, output })), []);

  // Startup: the autosaved notebook, else the bundled demo, else an empty one.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const opened = (await restoreAutosave()) ?? (await fetchDemo()) ?? { name: 'Untitled.ipynb', notebook: { doc: emptyNotebook(), runs: {} } };
      if (cancelled) return;
      dispatch({ type: 'reset', doc: opened.notebook.doc, runs: opened.notebook.runs });
      setFileName(opened.name);
      setSaveStatus('saved');
      loadNotebookTables(opened.notebook.doc);
      await reloadUsedTables(opened.notebook.doc).catch((error: unknown) => console.warn('could not reopen the notebook\'s tables', error));
      startup.resolve();
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // Autosave to IndexedDB shortly after each change.
  const { doc, runs } = state;
  const ready = saveStatus !== 'loading';
  useEffect(() => {
    if (!ready) return;
    setSaveStatus('unsaved');
    const timer = setTimeout(() => {
      setSaveStatus('saving');
      saveAutosave(fileName, serializeIpynb(doc, runs)).then(
        () => setSaveStatus('saved'),
        (error: unknown) => {
          console.warn('autosave failed', error);
          setSaveStatus('error');
        },
      );
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc, runs, fileName, ready]);

  const afterRun = useCallback((cell: Cell, after: AfterRun) => {
    const { doc: current } = stateRef.current;
    const index = current.cells.findIndex((c) => c.id === cell.id);
    if (after === 'insert' || (after === 'advance' && index === current.cells.length - 1)) {
      dispatch({ type: 'select', id: cell.id, mode: 'command' });
      dispatch({ type: 'insert', kind: 'code', where: 'below', id: newCellId(), edit: true });
    } else if (after === 'advance') {
      dispatch({ type: 'select', id: current.cells[index + 1].id, mode: 'command' });
    } else if (cell.kind === 'markdown') {
      dispatch({ type: 'set-mode', mode: 'command' });
    }
  }, []);

  /**
   * Waits, with the cells shown queued, until the tables the notebook is loading are in; false
   * when an interrupt came meanwhile.
   */
  const waitForNotebookTables = useCallback(async (ids: string[]): Promise<boolean> => {
    const interruption = interrupted.current;
    if (notebookTableLoads.pending().length > 0) {
      dispatch({ type: 'run-queued', ids });
      waiting.current++;
      setWaiters((n) => n + 1);
      try {
        await Promise.race([notebookTableLoads.settled(), interruption.promise]);
      } finally {
        waiting.current--;
        setWaiters((n) => n - 1);
      }
    }
    return interruption === interrupted.current;
  }, []);

  const runCell = useCallback(
    async (id: string, after: AfterRun = 'stay'): Promise<'ok' | 'error' | 'interrupted'> => {
      const cell = stateRef.current.doc.cells.find((c) => c.id === id);
      if (!cell) return 'ok';
      afterRun(cell, after);
      if (cell.kind !== 'code' && cell.kind !== 'chart') return 'ok';
      if (!(await waitForNotebookTables([cell.id]))) return 'interrupted';
      // The source as it is now: it may have been edited while the run waited.
      const current = stateRef.current.doc.cells.find((c) => c.id === id);
      if (!current) return 'ok';
      return current.kind === 'code' ? runCode(current, dispatch) : runChart(current, dispatch);
    },
    [afterRun, waitForNotebookTables],
  );

  const runAll = useCallback(async () => {
    const token = ++runAllToken.current;
    await startup.promise;
    if (token !== runAllToken.current) return;
    const runnable = stateRef.current.doc.cells.filter((cell) => cell.kind === 'code' || cell.kind === 'chart');
    dispatch({ type: 'run-queued', ids: runnable.map((cell) => cell.id) });
    if (!(await waitForNotebookTables(runnable.map((cell) => cell.id))) || token !== runAllToken.current) return;
    for (const cell of runnable) {
      if (token !== runAllToken.current) return;
      const current = stateRef.current.doc.cells.find((c) => c.id === cell.id);
      if (!current) continue;
      const status = await (current.kind === 'code' ? runCode(current, dispatch) : runChart(current, dispatch));
      if (status !== 'ok') {
        dispatch({ type: 'runs-cancelled' });
        return;
      }
    }
  }, [startup, waitForNotebookTables]);

  const interrupt = useCallback(() => {
    runAllToken.current++;
    interrupted.current.resolve();
    interrupted.current = deferred();
    dispatch({ type: 'runs-cancelled' });
    // Runs that were only waiting for a table stop; an idle runner keeps its variables.
    if (waiting.current > 0 && appRunner().getStatus() === 'idle') return;
    void appRunner().interrupt().then((outcome) => {
      if (outcome === 'stopped') notify('info', 'Interrupted: the running cell stopped. Variables are kept.');
      else if (outcome === 'restarted') notify('info', 'The cell did not stop, so the kernel was restarted: variables are cleared; the notebook and loaded data are unchanged.');
    });
  }, [notify]);

  const newNotebook = useCallback(() => {
    const previous = fileNameRef.current;
    const hadWork = stateRef.current.doc.cells.some((cell) => cell.source.trim() !== '' || cell.kind === 'data' || cell.kind === 'chart');
    replaceNotebook(emptyNotebook(), {}, 'Untitled.ipynb');
    // The autosave now holds the new notebook: say where the previous one went.
    if (hadWork) notify('info', `New notebook. ${previous} was replaced: Undo (Ctrl+Z, or Z) brings it back with its name.`);
  }, [notify, replaceNotebook]);

  const openDemo = useCallback(async () => {
    const demo = await fetchDemo();
    if (!demo) {
      notify('error', 'The demo notebook (demo.ipynb) is not part of this build.');
      return;
    }
    replaceNotebook(demo.notebook.doc, demo.notebook.runs, demo.name);
    loadNotebookTables(demo.notebook.doc);
    void reloadUsedTables(demo.notebook.doc).catch(() => undefined);
  }, [notify, replaceNotebook]);

  const openNotebookText = useCallback(
    (name: string, text: string): boolean => {
      let opened: OpenedNotebook;
      try {
        opened = parseIpynb(text, name);
      } catch (error) {
        const message = error instanceof IpynbError ? error.message : `${name} could not be opened: ${(error as Error).message}`;
        notify('error', `${message}. The current notebook was not changed.`);
        return false;
      }
      replaceNotebook(opened.doc, opened.runs, name);
      loadNotebookTables(opened.doc);
      void reloadUsedTables(opened.doc).catch(() => undefined);
      return true;
    },
    [notify, replaceNotebook],
  );

  const saveNotebook = useCallback(async () => {
    const { doc: current, runs: currentRuns } = stateRef.current;
    try {
      const result = await saveNotebookFile(fileName, serializeIpynb(current, currentRuns));
      if (result.outcome === 'saved') {
        setFileName(result.name);
        notify('info', `Saved ${result.name}`);
      }
    } catch (error) {
      notify('error', `Could not save ${fileName}: ${(error as Error).message}`);
    }
  }, [fileName, notify]);

  const waitingForTables = waiters > 0 ? pendingTables : NO_TABLES;
  return useMemo(
    () => ({ state, dispatch, fileName, saveStatus, notices, dismissNotice, waitingForTables, runCell, runAll, interrupt, newNotebook, openDemo, openNotebookText, saveNotebook }),
    [state, fileName, saveStatus, notices, dismissNotice, waitingForTables, runCell, runAll, interrupt, newNotebook, openDemo, openNotebookText, saveNotebook],
  );
}

async function runCode(cell: Cell, dispatch: (action: NotebookAction) => void): Promise<'ok' | 'error' | 'interrupted'> {
  dispatch({ type: 'run-queued', ids: [cell.id] });
  let startedAt = 0;
  try {
    const reply = await appRunner().execute(cell.id, cell.source, () => {
      startedAt = performance.now();
      dispatch({ type: 'run-started', id: cell.id });
    });
    dispatch({ type: 'run-finished', id: cell.id, executionCount: reply.executionCount, durationMs: performance.now() - startedAt });
    return reply.status;
  } catch (error) {
    if (error instanceof RunnerInterruptedError) {
      const text = error.restarted ? 'Interrupted: the kernel was restarted.\n' : 'Interrupted before it ran.\n';
      dispatch({ type: 'run-output', id: cell.id, output: { type: 'stream', name: 'stderr', text } });
      dispatch({ type: 'run-finished', id: cell.id, executionCount: null });
      return 'interrupted';
    }
    dispatch({ type: 'run-output', id: cell.id, output: runnerFailure(error) });
    dispatch({ type: 'run-finished', id: cell.id, executionCount: null });
    return 'error';
  }
}

async function runChart(cell: Cell, dispatch: (action: NotebookAction) => void): Promise<'ok' | 'error' | 'interrupted'> {
  const fail = (output: CellOutput) => {
    dispatch({ type: 'set-outputs', id: cell.id, outputs: [output] });
    dispatch({ type: 'run-finished', id: cell.id, executionCount: null });
    return 'error' as const;
  };
  let spec: unknown;
  try {
    spec = JSON.parse(cell.source);
  } catch (error) {
    const where = locateJsonError(cell.source);
    return fail({
      type: 'error',
      ename: 'SyntaxError',
      evalue: where ? `the chart spec is not valid JSON: ${where.message}` : (error as Error).message,
      line: where?.line,
      column: where?.column,
      traceback: [],
    });
  }
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
    return fail({ type: 'error', ename: 'TypeError', evalue: 'the chart spec must be a JSON object (a vega-lite spec)', traceback: [] });
  }
  const table = cell.tourney?.table;
  const hasOwnData = 'data' in spec;
  if (!table && !hasOwnData) return fail({ type: 'error', ename: 'Error', evalue: 'choose a table for this chart', traceback: [] });
  dispatch({ type: 'run-queued', ids: [cell.id] });
  try {
    const result =
      table && !hasOwnData
        ? await appRunner().chartData({ spec: spec as Record<string, unknown>, table })
        : { spec: spec as Record<string, unknown>, note: undefined };
    dispatch({
      type: 'set-outputs',
      id: cell.id,
      outputs: [{ type: 'display_data', data: { [MIME_VEGALITE]: result.spec, [MIME_PLAIN]: result.note ?? `<vega-lite chart of ${table ?? 'inline data'}>` } }],
    });
    dispatch({ type: 'run-finished', id: cell.id, executionCount: null });
    return 'ok';
  } catch (error) {
    if (error instanceof RunnerInterruptedError) {
      dispatch({ type: 'run-finished', id: cell.id, executionCount: null });
      return 'interrupted';
    }
    return fail(runnerFailure(error));
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

function runnerFailure(error: unknown): CellOutput {
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'error', ename: error instanceof Error ? error.name : 'Error', evalue: message, traceback: [] };
}

async function restoreAutosave(): Promise<{ name: string; notebook: OpenedNotebook } | null> {
  try {
    const saved = await loadAutosave();
    if (!saved) return null;
    return { name: saved.fileName, notebook: parseIpynb(saved.text, saved.fileName) };
  } catch (error) {
    console.warn('could not restore the autosaved notebook', error);
    return null;
  }
}

async function fetchDemo(): Promise<{ name: string; notebook: OpenedNotebook } | null> {
  try {
    const response = await fetch('demo.ipynb');
    if (!response.ok) return null;
    return { name: 'demo.ipynb', notebook: parseIpynb(await response.text(), 'demo.ipynb') };
  } catch {
    return null;
  }
}

/** Loads the tables a notebook lists in `metadata.tourney.tables` that are not loaded yet. */
function loadNotebookTables(doc: NotebookDoc): void {
  const tourney = doc.metadata.tourney as { tables?: { name?: unknown; url?: unknown }[] } | undefined;
  for (const entry of tourney?.tables ?? []) {
    if (typeof entry?.name !== 'string' || typeof entry.url !== 'string') continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(entry.url) && !/^https?:/i.test(entry.url)) continue;
    if (dataClient.listTables().some((table) => table.name === entry.name)) continue;
    if (notebookTableLoads.pending().includes(entry.name)) continue;
    const load = dataClient.loadUrl(entry.url, entry.name);
    notebookTableLoads.track(entry.name, load);
    load.catch((error: unknown) => console.warn(`could not load ${entry.url}`, error));
  }
}
