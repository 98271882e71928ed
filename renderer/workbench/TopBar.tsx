// The workbench's top bar: notebook file actions, run controls, runner and save status.
import { useEffect, useRef, type ChangeEvent } from 'react';
import { canRedo, canUndo } from '../notebook/reducer';
import { onMenuCommand, openNotebookNatively, readPickedFile } from '../platform/notebook-files';
import { useRunnerStatus } from './runner';
import type { NotebookController, SaveStatus } from './use-notebook';
import { scrollToSection } from './ViewNav';

const SAVE_LABELS: Record<SaveStatus, string> = {
  loading: 'Loading…',
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Unsaved changes',
  error: 'Autosave failed',
};

export function TopBar({ controller }: { controller: NotebookController }) {
  const { state, dispatch, fileName, saveStatus, runCell, runAll, interrupt, newNotebook, openDemo, openNotebookText, saveNotebook } = controller;
  const runnerStatus = useRunnerStatus();
  const fileInput = useRef<HTMLInputElement>(null);

  const open = async () => {
    const picked = await openNotebookNatively();
    if (picked === undefined) fileInput.current?.click();
    else if (picked) openNotebookText(picked.name, picked.text);
  };

  const onFilePicked = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const picked = await readPickedFile(file);
    openNotebookText(picked.name, picked.text);
  };

  // The native menu (Electron) and Ctrl+S anywhere in the window.
  const latest = useRef({ open, saveNotebook, openDemo });
  latest.current = { open, saveNotebook, openDemo };
  useEffect(() => {
    const unsubscribe = [
      onMenuCommand('open-notebook', () => void latest.current.open()),
      onMenuCommand('save-notebook-as', () => void latest.current.saveNotebook()),
      onMenuCommand('open-demo', () => void latest.current.openDemo()),
    ];
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void latest.current.saveNotebook();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      unsubscribe.forEach((off) => off());
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  const busy = runnerStatus === 'busy';
  return (
    <header className="wb-topbar">
      <div className="wb-brand">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d="M4 19h16M7 19V11M12 19V5M17 19v-6" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" fill="none" />
        </svg>
        <span>Tourney</span>
      </div>
      <div className="wb-file" title={fileName} data-testid="notebook-name">
        {fileName}
      </div>
      <div className="wb-group">
        <button type="button" className="wb-button" data-testid="new-notebook" onClick={newNotebook} title="New notebook (undo with Z)">
          New
        </button>
        <button type="button" className="wb-button" data-testid="open-notebook" onClick={() => void open()} title="Open a .ipynb notebook">
          Open…
        </button>
        <button type="button" className="wb-button" data-testid="save-notebook" onClick={() => void saveNotebook()} title="Save as .ipynb (Ctrl+S)">
          Save
        </button>
        <input ref={fileInput} type="file" accept=".ipynb,application/x-ipynb+json,application/json" hidden data-testid="open-notebook-input" onChange={(event) => void onFilePicked(event)} />
      </div>
      <div className="wb-separator" />
      <div className="wb-group">
        <button type="button" className="wb-button wb-icon" data-testid="undo" onClick={() => dispatch({ type: 'undo' })} disabled={!canUndo(state)} title="Undo (Z)">
          ↶
        </button>
        <button type="button" className="wb-button wb-icon" data-testid="redo" onClick={() => dispatch({ type: 'redo' })} disabled={!canRedo(state)} title="Redo (Ctrl+Shift+Z)">
          ↷
        </button>
      </div>
      <div className="wb-separator" />
      <div className="wb-group">
        <button
          type="button"
          className="wb-button"
          data-testid="run-selected"
          onClick={() => state.activeId && void runCell(state.activeId, 'advance')}
          disabled={!state.activeId}
          title="Run the selected cell (Shift+Enter)"
        >
          <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">
            <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
          </svg>
          Run
        </button>
        <button type="button" className="wb-button" data-testid="run-all" onClick={() => void runAll()} title="Run all cells from the top">
          Run all
        </button>
        <button type="button" className="wb-button wb-danger" data-testid="interrupt" onClick={interrupt} disabled={!busy && runnerStatus !== 'failed' && controller.waitingForTables.length === 0} title="Interrupt: stop the running cell, keeping variables (restarts the kernel only if the cell cannot stop) (I, I)">
          <svg viewBox="0 0 16 16" width="10" height="10" aria-hidden="true">
            <rect x="3" y="3" width="10" height="10" rx="1.5" fill="currentColor" />
          </svg>
          Interrupt
        </button>
      </div>
      <div className="wb-separator" />
      <button type="button" className="wb-button" data-testid="open-registry" title="Registered models, versions, aliases and experiments"
        onClick={() => scrollToSection('registry')}>
        Registry
      </button>
      <button type="button" className="wb-button" data-testid="open-monitor" title="Deployed models: drift, data quality, alerts" onClick={() => scrollToSection('monitor')}>
        Monitor
      </button>
      <button type="button" className="wb-button" data-testid="open-fleet" title="Every registered model, its verdicts and drift, and the fleet counters" onClick={() => scrollToSection('fleet')}>
        Fleet
      </button>
      <div className="wb-spacer" />
      <div className={`wb-save-status wb-${saveStatus}`} data-testid="save-status" data-status={saveStatus}>
        {SAVE_LABELS[saveStatus]}
      </div>
      <div className={`wb-runner wb-runner-${runnerStatus}`} data-testid="kernel-status" data-status={runnerStatus} title="Kernel (TypeScript, in a worker)">
        <span className="wb-dot" />
        Kernel {runnerStatus}
      </div>
    </header>
  );
}
