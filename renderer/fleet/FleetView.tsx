// The Fleet view: every registered model (a tenant) with the version that serves, its winner
// family and scores, the above-chance verdict, and the drift status monitoring last saw; above
// them the seed's fleet counters. Built from the app's registry and the Monitor view's state, and
// from a fleet.json (`tourney fleet train`) when one is imported: its trained tenants join the
// table, its skipped and failed ones are listed with their reasons.
import { useEffect, useRef, useState } from 'react';
import { fleetManifestSchema, parseFleetDocument, type FleetManifest } from '../../kernels/fleet/manifest';
import type { Experiment, ModelVersion } from '../../kernels/registry/documents';
import type { ModelListing } from '../../kernels/registry/store';
import { formatScore } from '../automl/format';
import { useMonitorStatuses } from '../monitor/monitor-status';
import { openMonitor } from '../monitor/monitor-target';
import { errorMessage, registryStore, useRegistryRevision } from '../registry/registry-client';
import { fleetCounters, manifestRows, tenantRows, type TenantRow } from './fleet-counters';
import './fleet.css';

interface Loaded {
  models: ModelListing[];
  versions: ModelVersion[];
  experiments: Experiment[];
}

export function FleetView() {
  const revision = useRegistryRevision();
  const statuses = useMonitorStatuses();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [manifest, setManifest] = useState<{ file: string; doc: FleetManifest } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const manifestInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let stale = false;
    void (async () => {
      const store = registryStore();
      const [models, experiments] = await Promise.all([store.listModels(), store.listExperiments()]);
      const versions = (await Promise.all(models.map((m) => store.listVersions(m.model.name)))).flat();
      if (!stale) setLoaded({ models, versions, experiments });
    })().catch((e: unknown) => !stale && setError(errorMessage(e)));
    return () => {
      stale = true;
    };
  }, [revision]);

  const now = Date.now();
  const registryRows = loaded ? tenantRows(loaded.models, loaded.versions, statuses, now) : [];
  const rows = manifest ? [...registryRows, ...manifestRows(manifest.doc, new Set(registryRows.map((r) => r.name)), statuses, now)] : registryRows;
  const notTrained = manifest?.doc.tenants.filter((t) => t.state !== 'done') ?? [];
  const importManifest = async (file: File | undefined) => {
    if (!file) return;
    try {
      setManifest({ file: file.name, doc: parseFleetDocument(fleetManifestSchema, await file.text(), file.name) });
      setImportError(null);
    } catch (e) {
      setImportError(`${errorMessage(e)} (nothing was imported)`);
    }
  };
  const counters = loaded && fleetCounters(rows, loaded.versions, loaded.experiments, statuses, now);

  return (
    <section className="fl-view" data-testid="fleet-view">
      <header className="am-head">
        <h2>Fleet</h2>
        <span className="am-muted">Every registered model as a tenant: what serves, how good it is, whether it beats chance and whether its inputs drift.</span>
      </header>
      <div className="rg-interchange">
        <button type="button" className="am-button" onClick={() => manifestInput.current?.click()} data-testid="fleet-import" title="A fleet manifest written by tourney fleet train / fleet status">Import fleet.json…</button>
        <input ref={manifestInput} type="file" accept=".json,application/json" hidden data-testid="fleet-import-input" onChange={(e) => { void importManifest(e.target.files?.[0]); e.target.value = ''; }} />
        {manifest && (
          <span className="am-muted" data-testid="fleet-manifest">
            {manifest.file}: template {manifest.doc.template.name} · {manifest.doc.counts.done} trained, {manifest.doc.counts.skipped} skipped, {manifest.doc.counts.failed} failed, {manifest.doc.counts.missing} missing · updated {new Date(manifest.doc.updatedAt).toLocaleString()}
          </span>
        )}
      </div>
      {importError && <div className="am-error" role="alert" data-testid="fleet-import-error">{importError}</div>}
      {error && <div className="am-error" role="alert">{error}</div>}
      {counters && (
        <div className="fl-counters" data-testid="fleet-counters">
          <Counter label="models in production" value={String(counters.inProduction)} test="in-production" title="a champion alias, or scores seen by monitoring in the last 7 days" />
          <Counter label="trained this month" value={String(counters.trainedThisMonth)} test="trained-this-month" title="versions registered since the 1st" />
          <Counter label="above chance" value={counters.aboveChancePercent === null ? '—' : `${counters.aboveChancePercent.toFixed(0)}%`} test="above-chance" title={`of ${counters.aboveChanceOf} models whose card has a permutation verdict`} />
          <Counter label="predictions per day (7-day avg)" value={counters.predictionsPerDay === null ? '—' : Math.round(counters.predictionsPerDay).toLocaleString()} test="predictions-per-day" title="scores monitoring saw over the last 7 days, per day covered" />
          <Counter label="experiments this week" value={String(counters.experimentsThisWeek)} test="experiments-this-week" title="runs registered in the last 7 days" />
        </div>
      )}
      {loaded && !rows.length && <p className="am-muted" data-testid="fleet-empty">No registered models yet: register tournament winners in the AutoML view, or import model directories in the Registry.</p>}
      {rows.length > 0 && (
        <table className="rg-table" data-testid="fleet-tenants">
          <thead><tr><th>tenant</th><th>serving</th><th>winner</th><th>metric</th><th>CV</th><th>test</th><th>rows</th><th>above chance</th><th>drift</th><th /></tr></thead>
          <tbody>{rows.map((r) => <Tenant key={`${r.from}:${r.name}`} row={r} />)}</tbody>
        </table>
      )}
      {notTrained.length > 0 && (
        <table className="rg-table" data-testid="fleet-not-trained">
          <caption className="fl-caption">Tenants without a model in {manifest!.file}</caption>
          <thead><tr><th>tenant</th><th>state</th><th>why</th><th>rows</th><th>finished</th></tr></thead>
          <tbody>
            {notTrained.map((t) => (
              <tr key={t.tenant} data-testid="fleet-not-trained-tenant" data-tenant={t.tenant} data-state={t.state}>
                <td><b>{t.tenant}</b></td><td className={t.state === 'failed' ? 'fl-bad' : 'fl-warn'}>{t.state}</td><td>{t.reason ?? ''}</td>
                <td>{t.rows?.toLocaleString() ?? '—'}</td><td>{new Date(t.finishedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Counter({ label, value, test, title }: { label: string; value: string; test: string; title: string }) {
  return (
    <div className="fl-counter" title={title} data-testid={`fleet-${test}`}>
      <b>{value}</b>
      <span>{label}</span>
    </div>
  );
}

function Tenant({ row }: { row: TenantRow }) {
  const d = row.drift;
  return (
    <tr data-testid="fleet-tenant" data-tenant={row.name} data-drift={d.state} data-from={row.from}>
      <td><b>{row.name}</b>{row.from === 'fleet.json' && <span className="am-muted"> fleet.json</span>}</td>
      <td>{row.version === null ? '—' : `v${row.version}${row.champion ? ' (champion)' : ' (latest)'}`}</td>
      <td>{row.family ?? '—'}</td>
      <td>{row.metric ?? '—'}</td>
      <td>{row.cvScore === null ? '—' : formatScore(row.cvScore)}</td>
      <td>{row.testScore === null ? '—' : formatScore(row.testScore)}</td>
      <td>{row.rows?.toLocaleString() ?? '—'}</td>
      <td className={row.aboveChance === false ? 'fl-bad' : ''}>{row.aboveChance === null ? 'not tested' : row.aboveChance ? 'yes' : 'no'}</td>
      <td className={d.state === 'drift' ? 'fl-bad' : d.state === 'alerts' ? 'fl-warn' : ''} title={d.seenAt ? `seen ${new Date(d.seenAt).toLocaleString()}` : ''}>
        {d.state === 'drift' ? `drift: ${d.features.join(', ')}` : d.state}
      </td>
      <td>{row.version !== null && row.from === 'registry' && <button type="button" className="rg-link" onClick={() => openMonitor({ name: row.name, version: row.version! })}>monitor</button>}</td>
    </tr>
  );
}
