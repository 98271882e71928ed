// The Registry view: registered models (their list rows), the chosen model's versions, aliases and
// history (ModelDetail), Compare two versions, the experiments (ExperimentList) and the
// interchange (import a model directory, export a version, back up and restore). It reads
// IndexedDB only once it scrolls into view, and then only the list projections: the model list
// first, the experiment rows after it is on screen, documents when one is shown.
// Performance marks 'registry-open:start' → ':ready' time the opening (e2e benchmark).
import { useEffect, useRef, useState } from 'react';
import type { ExperimentRow, ModelRow } from '../../kernels/registry/listing';
import { CompareVersions } from './CompareVersions';
import { ExperimentList } from './ExperimentList';
import { Interchange } from './Interchange';
import { ModelDetail, type VersionRef } from './ModelDetail';
import { markReady, markStart } from './ready-marks';
import { errorMessage, registryStore, useRegistryRevision } from './registry-client';
import './registry.css';

export type { VersionRef } from './ModelDetail';

/** True from the first time the element comes within a screen of the viewport. */
function useSeen(element: React.RefObject<HTMLElement | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (seen || !target) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { rootMargin: '100px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, seen]);
  return seen;
}

export function RegistryView() {
  const revision = useRegistryRevision();
  const view = useRef<HTMLElement>(null);
  const seen = useSeen(view);
  const [models, setModels] = useState<ModelRow[] | null>(null);
  const [experiments, setExperiments] = useState<ExperimentRow[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [compare, setCompare] = useState<VersionRef[]>([]);
  const opening = useRef(false);
  const afterList = useRef<(() => void) | null>(null);

  // The store exists from the start (the end-to-end tests read it); its database is opened when
  // the app is idle, so opening the view does not wait for IndexedDB's connection and upgrade.
  useEffect(() => {
    const store = registryStore();
    const open = () => void store.db.open().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(open, { timeout: 5000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(open, 1000);
    return () => clearTimeout(id);
  }, []);

  useEffect(() => {
    if (!seen) return;
    let stale = false;
    if (models === null) {
      markStart('registry-open');
      opening.current = true;
    }
    const store = registryStore();
    const first = opening.current;
    const readExperiments = () => {
      if (!stale) store.listExperimentRows().then((e) => !stale && setExperiments(e), (e: unknown) => !stale && setError(errorMessage(e)));
    };
    store.listModelRows().then(
      (rows) => {
        if (stale) return;
        setModels(rows);
        setError(null);
        // The experiment rows once the model list is on screen (after its paint the first time).
        if (first) afterList.current = readExperiments;
        else readExperiments();
      },
      (e: unknown) => !stale && setError(errorMessage(e)),
    );
    return () => {
      stale = true;
    };
    // Reloaded on a registry write once seen; `models` is read only to tell the first load.
  }, [seen, revision]);

  // The first list on screen: mark it once the browser has painted it.
  useEffect(() => {
    if (!models || !opening.current) return;
    opening.current = false;
    markReady('registry-open', view.current, () => afterList.current?.());
  }, [models]);

  const current = models?.find((m) => m.name === selected) ?? models?.[0];
  const toggleCompare = (ref: VersionRef) =>
    setCompare((list) => (list.some((r) => r.name === ref.name && r.version === ref.version) ? list.filter((r) => r.name !== ref.name || r.version !== ref.version) : [...list, ref].slice(-2)));

  return (
    <section className="rg-view" data-testid="registry-view" ref={view}>
      <header className="am-head">
        <h2>Registry</h2>
        <span className="am-muted">Registered models, their versions and aliases, and every registered run. Stored in this browser (IndexedDB).</span>
      </header>
      <Interchange />
      {error && <div className="am-error" role="alert" data-testid="registry-error">{error}</div>}
      {models === null ? (
        <p className="am-muted">Opening the registry…</p>
      ) : models.length === 0 ? (
        <p className="am-muted" data-testid="registry-empty">No registered models yet: run a tournament in the AutoML view and press Register, or import a model directory.</p>
      ) : (
        <div className="rg-columns">
          <ul className="rg-models" data-testid="registry-models">
            {models.map((m) => (
              <li key={m.name}>
                <button type="button" className={m.name === current?.name ? 'rg-on' : ''} onClick={() => setSelected(m.name)} data-testid="registry-model" data-model={m.name}>
                  <b>{m.name}</b>
                  <span className="am-muted">v{m.latestVersion || '—'} · {m.family}</span>
                  {Object.entries(m.aliases).map(([a, v]) => <span key={a} className={`rg-alias rg-alias-${a}`}>{a}→v{v}</span>)}
                </button>
              </li>
            ))}
          </ul>
          {current && <ModelDetail key={current.name} row={current} revision={revision} compare={compare} onToggleCompare={toggleCompare} />}
        </div>
      )}
      {compare.length === 2 && <CompareVersions a={compare[0]} b={compare[1]} onClose={() => setCompare([])} />}
      {models !== null && <ExperimentList experiments={experiments} />}
    </section>
  );
}
