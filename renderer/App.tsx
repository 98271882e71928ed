// The workbench: top bar, data panel, and the views (notebook, features, AutoML) as sections of
// one scrolling page. Everything heavy runs in workers.
import { useEffect, useMemo, useRef } from 'react';
import { useTables } from './data';
// AutoML view (renderer/automl/): tournament setup, live leaderboard, winner insights, what-if.
import { AutoMLView } from './automl/AutoMLView';
// Feature engineering view (renderer/features/).
import { FeaturesView } from './features/FeaturesView';
// Model registry view (renderer/registry/): models, versions, aliases, experiments, compare, backup.
import { RegistryView } from './registry/RegistryView';
// Monitor view (renderer/monitor/): a scorer polled or prediction logs aggregated in a worker.
import { MonitorView } from './monitor/MonitorView';
// Fleet view (renderer/fleet/): every registered model with its verdicts and the fleet counters.
import { FleetView } from './fleet/FleetView';
import { NotebookActionsContext } from './workbench/notebook-actions';
import { NotebookView } from './workbench/NotebookView';
import { Notices } from './workbench/Notices';
import { Sidebar } from './workbench/Sidebar';
import { TopBar } from './workbench/TopBar';
import { useNotebook } from './workbench/use-notebook';
import { ViewNav, sectionElementId, type ViewSection } from './workbench/ViewNav';
import { variableName } from '../shared/runner/variable-name';

const RUNNER_BUILTINS = ['aq', 'op', 'tables', 'display', 'chart', 'print', 'console'];

/** The views, in page order; each is a section the view strip can jump to. */
const SECTIONS: readonly ViewSection[] = [
  { id: 'notebook', label: 'Notebook' },
  { id: 'features', label: 'Features' },
  { id: 'automl', label: 'AutoML' },
  { id: 'registry', label: 'Registry' },
  { id: 'monitor', label: 'Monitor' },
  { id: 'fleet', label: 'Fleet' },
];

export function App() {
  const controller = useNotebook();
  const { dispatch, runCell } = controller;
  const actions = useMemo(() => ({ dispatch, runCell }), [dispatch, runCell]);
  useTableVariablesInEditor();
  const scroller = useRef<HTMLDivElement>(null);

  return (
    <NotebookActionsContext.Provider value={actions}>
      <div className="wb-app" data-testid="workbench">
        <TopBar controller={controller} />
        <div className="wb-body">
          <Sidebar controller={controller} />
          <main className="wb-main">
            <Notices notices={controller.notices} onDismiss={controller.dismissNotice} />
            <ViewNav sections={SECTIONS} container={scroller} />
            <div className="wb-scroll" ref={scroller}>
              <div className="wb-view wb-view-notebook" id={sectionElementId('notebook')}>
                {controller.saveStatus === 'loading' ? <div className="wb-loading">Opening notebook…</div> : <NotebookView controller={controller} />}
              </div>
              {/* Features: derived columns per raw column and the sanity checker's removals. */}
              <div className="wb-view" id={sectionElementId('features')}>
                <FeaturesView />
              </div>
              <div className="wb-view" id={sectionElementId('automl')}>
                <AutoMLView />
              </div>
              <div className="wb-view" id={sectionElementId('registry')}>
                <RegistryView />
              </div>
              <div className="wb-view" id={sectionElementId('monitor')}>
                <MonitorView />
              </div>
              <div className="wb-view" id={sectionElementId('fleet')}>
                <FleetView />
              </div>
            </div>
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
    const taken = new Set(RUNNER_BUILTINS);
    const variables = names.split('\u0000').map((name) => {
      const variable = variableName(name, taken);
      taken.add(variable);
      return variable;
    });
    void import('./editor/monaco').then((module) => module.declareTableVariables(variables));
  }, [names]);
}
