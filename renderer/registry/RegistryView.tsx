// The Registry view: registered models with their versions, aliases and alias history; set an
// alias (with a note); a version's model card; the experiments (filter by table and target, sort
// by score or date); Compare two versions; and the interchange (import a model directory, export a
// version, back up and restore the whole registry). Reads IndexedDB through the Dexie store.
import { useEffect, useMemo, useRef, useState } from 'react';
import { CHAMPION, CHALLENGER } from '../../kernels/registry/aliases';
import type { Aliases, Experiment, ModelVersion } from '../../kernels/registry/documents';
import { experimentScore, filterExperiments, sortExperiments, type ExperimentSortKey } from '../../kernels/registry/experiments';
import type { ModelListing } from '../../kernels/registry/store';
import { formatScore } from '../automl/format';
import { CompareVersions } from './CompareVersions';
import { Interchange } from './Interchange';
import { downloadBytes, modelDirZip } from './interchange';
import { ModelCardView } from './ModelCardView';
import { ExportScorerButton } from '../scoring/ExportScorerButton';
import { registryVersionSource } from '../scoring/model-sources';
import { ScoringPanel } from '../scoring/ScoringPanel';
import { errorMessage, registryChanged, registryStore, useRegistryRevision } from './registry-client';
import './registry.css';

export interface VersionRef {
  name: string;
  version: number;
}

export function RegistryView() {
  const revision = useRegistryRevision();
  const [models, setModels] = useState<ModelListing[] | null>(null);
  const [experiments, setExperiments] = useState<Experiment[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [compare, setCompare] = useState<VersionRef[]>([]);
  // How long a (re)load took until its list was on screen, for the registry benchmark (e2e).
  const view = useRef<HTMLElement>(null);
  const loadStarted = useRef(0);

  useEffect(() => {
    if (models) view.current?.setAttribute('data-ready-ms', String(Math.round(performance.now() - loadStarted.current)));
  }, [models]);

  useEffect(() => {
    let stale = false;
    loadStarted.current = performance.now();
    const store = registryStore();
    Promise.all([store.listModels(), store.listExperiments()]).then(
      ([m, e]) => {
        if (stale) return;
        setModels(m);
        setExperiments(e);
        setError(null);
      },
      (e: unknown) => !stale && setError(errorMessage(e)),
    );
    return () => {
      stale = true;
    };
  }, [revision]);

  const current = models?.find((m) => m.model.name === selected) ?? models?.[0];
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
              <li key={m.model.name}>
                <button type="button" className={m.model.name === current?.model.name ? 'rg-on' : ''} onClick={() => setSelected(m.model.name)} data-testid="registry-model" data-model={m.model.name}>
                  <b>{m.model.name}</b>
                  <span className="am-muted">v{m.latest?.version ?? '—'} · {m.latest?.summary.family ?? ''}</span>
                  {Object.entries(m.aliases.aliases).map(([a, v]) => <span key={a} className={`rg-alias rg-alias-${a}`}>{a}→v{v}</span>)}
                </button>
              </li>
            ))}
          </ul>
          {current && <ModelDetail key={current.model.name} listing={current} revision={revision} compare={compare} onToggleCompare={toggleCompare} />}
        </div>
      )}
      {compare.length === 2 && <CompareVersions a={compare[0]} b={compare[1]} onClose={() => setCompare([])} />}
      <ExperimentList experiments={experiments} />
    </section>
  );
}

function ModelDetail({ listing, revision, compare, onToggleCompare }: { listing: ModelListing; revision: number; compare: VersionRef[]; onToggleCompare: (ref: VersionRef) => void }) {
  const name = listing.model.name;
  const [versions, setVersions] = useState<ModelVersion[]>([]);
  const [shown, setShown] = useState<number | null>(null);
  const [scoring, setScoring] = useState<number | null>(null);
  useEffect(() => {
    let stale = false;
    void registryStore().listVersions(name).then((v) => !stale && setVersions(v));
    return () => {
      stale = true;
    };
  }, [name, revision]);
  const byVersion = useMemo(() => {
    const out = new Map<number, string[]>();
    for (const [a, v] of Object.entries(listing.aliases.aliases)) out.set(v, [...(out.get(v) ?? []), a]);
    return out;
  }, [listing.aliases]);
  const card = versions.find((v) => v.version === shown);
  return (
    <div className="rg-detail" data-testid="registry-detail" data-model={name}>
      <h3>{name} <span className="am-muted">{versions.length} version{versions.length === 1 ? '' : 's'}{listing.model.description ? ` · ${listing.model.description}` : ''}</span></h3>
      <table className="rg-table" data-testid="registry-versions">
        <thead><tr><th>version</th><th>aliases</th><th>family</th><th>metric</th><th>CV</th><th>test</th><th>rows</th><th>registered</th><th>source</th><th>tags · notes</th><th /></tr></thead>
        <tbody>
          {[...versions].reverse().map((v) => {
            const picked = compare.some((r) => r.name === name && r.version === v.version);
            return (
              <tr key={v.version} data-testid="registry-version" data-version={v.version}>
                <td><b>v{v.version}</b></td>
                <td>{(byVersion.get(v.version) ?? []).map((a) => <span key={a} className={`rg-alias rg-alias-${a}`}>{a}</span>)}</td>
                <td>{v.summary.family}</td>
                <td>{v.summary.metric ?? ''}</td>
                <td>{v.summary.cvScore === null ? '—' : formatScore(v.summary.cvScore)}</td>
                <td>{v.summary.testScore === null ? '—' : formatScore(v.summary.testScore)}</td>
                <td>{v.summary.rows?.toLocaleString() ?? '—'}</td>
                <td title={v.createdAt}>{new Date(v.createdAt).toLocaleString()}</td>
                <td>{v.source}</td>
                <td>{v.tags.map((t) => <span key={t} className="rg-tag">{t}</span>)} {v.notes}</td>
                <td className="rg-actions">
                  <button type="button" className="rg-link" onClick={() => setShown(shown === v.version ? null : v.version)} data-testid="registry-show-card">{shown === v.version ? 'hide card' : 'model card'}</button>
                  <label className="rg-check"><input type="checkbox" checked={picked} onChange={() => onToggleCompare({ name, version: v.version })} data-testid="registry-compare-pick" /> compare</label>
                  <ExportButton name={name} version={v.version} />
                  <button type="button" className="rg-link" onClick={() => setScoring(scoring === v.version ? null : v.version)} data-testid="registry-score">{scoring === v.version ? 'hide scoring' : 'score'}</button>
                  <ExportScorerButton source={registryVersionSource(name, v.version)} compact />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {scoring !== null && <ScoringPanel key={scoring} source={registryVersionSource(name, scoring)} />}
      <AliasForm name={name} versions={versions.map((v) => v.version)} />
      <AliasHistory aliases={listing.aliases} />
      {card && <ModelCardView card={card.modelCard} />}
    </div>
  );
}

function ExportButton({ name, version }: VersionRef) {
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    try {
      const files = await registryStore().readVersionFiles(name, version);
      downloadBytes(`${name}-v${version}.zip`, modelDirZip(files), 'application/zip');
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <button type="button" className="rg-link" onClick={() => void run()} data-testid="registry-export" title="Download this version as a model directory (.zip), readable by tourney predict once unzipped">export .zip</button>
      {error && <span className="am-error" role="alert">{error}</span>}
    </>
  );
}

function AliasForm({ name, versions }: { name: string; versions: number[] }) {
  const [alias, setAlias] = useState(CHAMPION);
  const [version, setVersion] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const target = version || String(Math.max(0, ...versions));
  const submit = async () => {
    try {
      await registryStore().moveAlias(name, { alias: alias.trim(), to: Number(target), at: new Date().toISOString(), note: note.trim() || null });
      registryChanged();
      setOutcome({ ok: true, text: `${alias.trim()} → v${target}` });
      setNote('');
    } catch (e) {
      setOutcome({ ok: false, text: errorMessage(e) });
    }
  };
  return (
    <div className="rg-form rg-alias-form" data-testid="alias-form">
      <span>Set alias</span>
      <input list="rg-alias-names" value={alias} onChange={(e) => setAlias(e.target.value)} data-testid="alias-name" aria-label="alias" />
      <datalist id="rg-alias-names"><option value={CHAMPION} /><option value={CHALLENGER} /></datalist>
      <span>on</span>
      <select value={target} onChange={(e) => setVersion(e.target.value)} data-testid="alias-version" aria-label="version">
        {[...versions].reverse().map((v) => <option key={v} value={v}>v{v}</option>)}
      </select>
      <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="note (optional)" data-testid="alias-note" aria-label="note" />
      <button type="button" className="am-button" onClick={() => void submit()} disabled={!alias.trim() || !versions.length} data-testid="alias-submit">Set</button>
      {outcome && <span className={outcome.ok ? 'am-muted' : 'am-error'} role={outcome.ok ? 'status' : 'alert'} data-testid="alias-outcome">{outcome.text}</span>}
    </div>
  );
}

function AliasHistory({ aliases }: { aliases: Aliases }) {
  if (!aliases.history.length) return <p className="am-muted">No alias set yet.</p>;
  return (
    <details className="rg-history" data-testid="alias-history" open>
      <summary>Alias history ({aliases.history.length} move{aliases.history.length === 1 ? '' : 's'})</summary>
      <ol>
        {[...aliases.history].reverse().map((m, i) => (
          <li key={i} data-testid="alias-move">
            <span title={m.at}>{new Date(m.at).toLocaleString()}</span> <b>{m.alias}</b>: {m.from === null ? 'created' : `v${m.from}`} → {m.to === null ? 'removed' : `v${m.to}`}
            {m.note && <em> “{m.note}”</em>}
          </li>
        ))}
      </ol>
    </details>
  );
}

function ExperimentList({ experiments }: { experiments: Experiment[] }) {
  const [table, setTable] = useState('');
  const [target, setTarget] = useState('');
  const [sort, setSort] = useState<ExperimentSortKey>('createdAt');
  const tables = useMemo(() => [...new Set(experiments.map((e) => e.dataset.fileName ?? ''))].filter(Boolean).sort(), [experiments]);
  const targets = useMemo(() => [...new Set(experiments.map((e) => e.target))].sort(), [experiments]);
  const shown = useMemo(() => {
    const filtered = filterExperiments(experiments, target ? { target } : {}).filter((e) => !table || e.dataset.fileName === table);
    return sortExperiments(filtered, sort);
  }, [experiments, table, target, sort]);
  return (
    <div className="rg-experiments" data-testid="experiments">
      <h3>Experiments <span className="am-muted">{shown.length} of {experiments.length} runs</span></h3>
      <div className="rg-form">
        <label><span>Table</span><select value={table} onChange={(e) => setTable(e.target.value)} data-testid="experiments-table"><option value="">all</option>{tables.map((t) => <option key={t}>{t}</option>)}</select></label>
        <label><span>Target</span><select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="experiments-target"><option value="">all</option>{targets.map((t) => <option key={t}>{t}</option>)}</select></label>
        <label><span>Sort by</span><select value={sort} onChange={(e) => setSort(e.target.value as ExperimentSortKey)} data-testid="experiments-sort"><option value="createdAt">date (newest first)</option><option value="score">score (best first)</option><option value="rows">rows</option><option value="seconds">run time</option></select></label>
      </div>
      <table className="rg-table">
        <thead><tr><th>run</th><th>table</th><th>rows</th><th>target</th><th>task</th><th>metric</th><th>winner</th><th>score</th><th>candidates</th><th>seconds</th><th>source</th></tr></thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.id} data-testid="experiment-row" data-id={e.id}>
              <td title={e.id}>{new Date(e.createdAt).toLocaleString()}</td>
              <td>{e.dataset.fileName ?? '—'}</td>
              <td>{e.dataset.rows.toLocaleString()}</td>
              <td>{e.target}</td>
              <td>{e.task}</td>
              <td>{e.metric}</td>
              <td>{e.winner.model}</td>
              <td>{experimentScore(e) === null ? '—' : formatScore(experimentScore(e)!)}{e.test ? ' (test)' : ' (CV)'}</td>
              <td>{e.candidates}</td>
              <td>{e.timings.totalSeconds.toFixed(1)}</td>
              <td>{e.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
