// The workbench: top bar, data panel, notebook. Everything heavy runs in workers.
import { useEffect, useMemo } from 'react';
import { useTables } from './data';
// AutoML view (renderer/automl/): tournament setup, live leaderboard, winner insights, what-if.
import { AutoMLView } from './automl/AutoMLView';
// Feature engineering view (engineer E, renderer/features/): mounted below the notebook.
import { FeaturesView } from './features/FeaturesView';
import { NotebookActionsContext } from './workbench/notebook-actions';
import { NotebookView } from './workbench/NotebookView';
import { Notices } from './workbench/Notices';
import { Sidebar } from './workbench/Sidebar';
import { TopBar } from './workbench/TopBar';
import { useNotebook } from './workbench/use-notebook';
import { variableName } from '../workers/kernel/variable-name';

const KERNEL_BUILTINS = ['aq', 'op', 'tables', 'display', 'chart', 'print', 'console'];

export function App() {
  const controller = useNotebook();
  const { dispatch, runCell } = controller;
  const actions = useMemo(() => ({ dispatch, runCell }), [dispatch, runCell]);
  useTableVariablesInEditor();

  return (
    <NotebookActionsContext.Provider value={actions}>
      <div className="wb-app" data-testid="workbench">
        <TopBar controller={controller} />
        <div className="wb-body">
          <Sidebar controller={controller} />
          <main className="wb-main">
            <Notices notices={controller.notices} onDismiss={controller.dismissNotice} />
            {controller.saveStatus === 'loading' ? <div className="wb-loading">Opening notebook…</div> : <NotebookView controller={controller} />}
            {/* Features: derived columns per raw column and the sanity checker's removals. */}
            <FeaturesView />
            <AutoMLView />
          </main>
        </div>
      </div>
    </NotebookActionsContext.Provider>
  );
}

/** Tells the code editor which table variables exist, for completions and checks. */
function useTableVariablesInEditor(): void {
  const tables = useTables();
  const names = tables.map((table) => table.name).join('\u0000');
  useEffect(() => {
    if (!names) return;
    const taken = new Set(KERNEL_BUILTINS);
    const variables = names.split('\u0000').map((name) => {
      const variable = variableName(name, taken);
      taken.add(variable);
      return variable;
    });
    void import('./editor/monaco').then((module) => module.declareTableVariables(variables));
  }, [names]);
}
