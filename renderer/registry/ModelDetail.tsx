// One registered model: its versions (list rows, virtualised), aliases with the form to move one
// and the history of moves, and a version's model card, read from the version document only
// when it is asked for.
import { useEffect, useMemo, useRef, useState } from 'react';
import { CHAMPION, CHALLENGER } from '../../kernels/registry/aliases';
import type { Aliases, ModelCard } from '../../kernels/registry/documents';
import type { ModelRow, VersionRow } from '../../kernels/registry/listing';
import { formatScore } from '../automl/format';
import { downloadBytes, modelDirZip } from './interchange';
import { ModelCardView } from './ModelCardView';
import { openMonitor } from '../monitor/monitor-target';
import { ExportScorerButton } from '../scoring/ExportScorerButton';
import { registryVersionSource } from '../scoring/model-sources';
import { ScoringPanel } from '../scoring/ScoringPanel';
import { markReady, markStart } from './ready-marks';
import { errorMessage, registryChanged, registryStore } from './registry-client';
import { VirtualRows } from './VirtualRows';

export interface VersionRef {
  name: string;
  version: number;
}

export function ModelDetail({ row, revision, compare, onToggleCompare }: { row: ModelRow; revision: number; compare: VersionRef[]; onToggleCompare: (ref: VersionRef) => void }) {
  const name = row.name;
  const [versions, setVersions] = useState<VersionRow[] | null>(null);
  const [aliases, setAliases] = useState<Aliases | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [scoring, setScoring] = useState<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let stale = false;
    markStart('registry-model');
    const store = registryStore();
    void store.listVersionRows(name).then((v) => !stale && setVersions(v));
    void store.getAliases(name).then((a) => !stale && setAliases(a ?? null));
    return () => {
      stale = true;
    };
  }, [name, revision]);
  useEffect(() => {
    if (versions) markReady('registry-model', box.current);
  }, [versions]);
  const byVersion = useMemo(() => {
    const out = new Map<number, string[]>();
    for (const [a, v] of Object.entries(row.aliases)) out.set(v, [...(out.get(v) ?? []), a]);
    return out;
  }, [row.aliases]);
  const newestFirst = useMemo(() => [...(versions ?? [])].reverse(), [versions]);
  const count = versions?.length ?? row.versionCount;
  return (
    <div className="rg-detail" data-testid="registry-detail" data-model={name} ref={box}>
      <h3>{name} <span className="am-muted">{count} version{count === 1 ? '' : 's'}{row.description ? ` · ${row.description}` : ''}</span></h3>
      {versions === null ? <p className="am-muted">Reading the versions…</p> : (
        <VirtualRows
          rows={newestFirst}
          rowKey={(v) => v.version}
          estimate={64}
          maxHeight={420}
          testId="registry-versions"
          head={<tr><th>version</th><th>aliases</th><th>family</th><th>metric</th><th>CV</th><th>test</th><th>rows</th><th>registered</th><th>source</th><th>tags · notes</th><th /></tr>}
          row={(v, props) => (
            <tr {...props} data-testid="registry-version" data-version={v.version}>
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
                <label className="rg-check"><input type="checkbox" checked={compare.some((r) => r.name === name && r.version === v.version)} onChange={() => onToggleCompare({ name, version: v.version })} data-testid="registry-compare-pick" /> compare</label>
                <ExportButton name={name} version={v.version} />
                <button type="button" className="rg-link" onClick={() => setScoring(scoring === v.version ? null : v.version)} data-testid="registry-score">{scoring === v.version ? 'hide scoring' : 'score'}</button>
                <ExportScorerButton source={registryVersionSource(name, v.version)} compact />
                <button type="button" className="rg-link" onClick={() => openMonitor({ name, version: v.version })} data-testid="registry-monitor" title="Import this version's prediction logs in the Monitor view">monitor</button>
              </td>
            </tr>
          )}
        />
      )}
      <AliasForm name={name} versions={(versions ?? []).map((v) => v.version)} />
      {aliases && <AliasHistory aliases={aliases} />}
      {shown !== null && <StoredModelCard name={name} version={shown} />}
      {scoring !== null && <ScoringPanel key={scoring} source={registryVersionSource(name, scoring)} />}
    </div>
  );
}

/** The model card of one version, read when shown (the list rows do not carry it). */
function StoredModelCard({ name, version }: VersionRef) {
  const [card, setCard] = useState<ModelCard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    registryStore().getVersion(name, version).then(
      (doc) => !stale && (doc ? setCard(doc.modelCard) : setError(`model "${name}" has no version ${version}`)),
      (e: unknown) => !stale && setError(errorMessage(e)),
    );
    return () => {
      stale = true;
    };
  }, [name, version]);
  if (error) return <div className="am-error" role="alert">{error}</div>;
  return card ? <ModelCardView card={card} /> : <p className="am-muted">Reading the model card…</p>;
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
