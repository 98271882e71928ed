// Two versions side by side: metrics (with the spread over CV folds where the model card has it),
// ROC and precision–recall curves overlaid (vega-lite, drawn in the chart worker), the importance
// diff by raw column, the dropped-columns diff and the settings diff (kernels/registry/compare).
import { useEffect, useMemo, useState } from 'react';
import { compareVersions, type VersionComparison } from '../../kernels/registry/compare';
import type { ModelVersion } from '../../kernels/registry/documents';
import { readModelDirSummary, SUMMARY_FILES } from '../../kernels/registry/model-dir-summary';
import { SvgChart } from '../automl/SvgChart';
import { formatScore } from '../automl/format';
import { errorMessage, registryStore } from './registry-client';
import type { VersionRef } from './RegistryView';

interface Curves {
  roc?: { x: number[]; y: number[] };
  pr?: { x: number[]; y: number[] };
}

interface Loaded {
  comparison: VersionComparison;
  docs: [ModelVersion, ModelVersion];
  curves: [Curves, Curves];
}

const label = (r: VersionRef) => `${r.name} v${r.version}`;

async function loadSide(ref: VersionRef) {
  const store = registryStore();
  const doc = await store.getVersion(ref.name, ref.version);
  if (!doc) throw new Error(`model "${ref.name}" has no version ${ref.version}`);
  const files = await store.readVersionFiles(ref.name, ref.version, SUMMARY_FILES);
  const report = files.get('report.json');
  const insights = report ? ((JSON.parse(new TextDecoder().decode(report)) as { insights?: Curves }).insights ?? {}) : {};
  return { side: { version: doc, summary: readModelDirSummary(files) }, curves: { roc: insights.roc, pr: insights.pr } };
}

export function CompareVersions({ a, b, onClose }: { a: VersionRef; b: VersionRef; onClose: () => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    Promise.all([loadSide(a), loadSide(b)]).then(
      ([sa, sb]) => !stale && setLoaded({ comparison: compareVersions(sa.side, sb.side), docs: [sa.side.version, sb.side.version], curves: [sa.curves, sb.curves] }),
      (e: unknown) => !stale && setError(errorMessage(e)),
    );
    return () => {
      stale = true;
    };
  }, [a, b]);
  const charts = useMemo(() => {
    if (!loaded) return [];
    const out: { key: string; spec: Record<string, unknown> }[] = [];
    const roc = overlaySpec('ROC', [a, b].map((r, i) => ({ label: label(r), curve: loaded.curves[i].roc })), 'false positive rate', 'true positive rate', true);
    const pr = overlaySpec('Precision–recall', [a, b].map((r, i) => ({ label: label(r), curve: loaded.curves[i].pr })), 'recall', 'precision', false);
    if (roc) out.push({ key: 'roc', spec: roc });
    if (pr) out.push({ key: 'pr', spec: pr });
    return out;
  }, [loaded, a, b]);

  return (
    <div className="am-card rg-compare" data-testid="compare">
      <h3>Compare {label(a)} with {label(b)} <button type="button" className="rg-link" onClick={onClose}>close</button></h3>
      {error && <div className="am-error" role="alert">{error}</div>}
      {!loaded ? !error && <p className="am-muted">Reading both versions…</p> : (
        <>
          <MetricsTable loaded={loaded} a={a} b={b} />
          {charts.length > 0 && <div className="am-charts am-charts-2">{charts.map((c) => <div key={c.key} className="am-card am-chart" data-testid={`compare-chart-${c.key}`}><SvgChart spec={c.spec} /></div>)}</div>}
          <div className="rg-diffs">
            <ImportanceDiff comparison={loaded.comparison} a={a} b={b} />
            <DroppedDiff comparison={loaded.comparison} a={a} b={b} />
            <SettingsDiff comparison={loaded.comparison} a={a} b={b} />
          </div>
        </>
      )}
    </div>
  );
}

function overlaySpec(title: string, sides: { label: string; curve?: { x: number[]; y: number[] } }[], xTitle: string, yTitle: string, diagonal: boolean): Record<string, unknown> | null {
  const values = sides.flatMap((s) => (s.curve ? s.curve.x.map((x, i) => ({ x, y: s.curve!.y[i], version: s.label })) : []));
  if (!values.length) return null;
  const axis = (field: string, t: string) => ({ field, type: 'quantitative', title: t, scale: { domain: [0, 1] } });
  const layer: Record<string, unknown>[] = [{ data: { values }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x: axis('x', xTitle), y: axis('y', yTitle), color: { field: 'version', type: 'nominal', title: null, legend: { orient: 'bottom' } } } }];
  if (diagonal) layer.unshift({ data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: 'line', strokeDash: [4, 4], color: '#9aa1ab' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } });
  return { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title, width: 'container', height: 240, layer };
}

const fmt = (v: number | null) => (v === null ? '—' : formatScore(v));
const signed = (v: number | null) => (v === null ? '' : `${v > 0 ? '+' : ''}${formatScore(v)}`);

function MetricsTable({ loaded, a, b }: { loaded: Loaded; a: VersionRef; b: VersionRef }) {
  // The model card keeps the spread over the CV folds (and the test rows) next to each value.
  const spread = (doc: ModelVersion, name: string, on: string) => {
    const v = doc.modelCard.metrics.values.find((m) => m.name === name && m.on === on);
    return v?.foldStd !== undefined ? ` ± ${formatScore(v.foldStd)}` : '';
  };
  return (
    <table className="rg-table" data-testid="compare-metrics">
      <thead><tr><th>metric</th><th>on</th><th>{label(a)}</th><th>{label(b)}</th><th>change</th></tr></thead>
      <tbody>
        <tr><td>family</td><td /><td>{loaded.comparison.a.family}</td><td>{loaded.comparison.b.family}</td><td /></tr>
        {loaded.comparison.metrics.map((m) => (
          <tr key={`${m.on}:${m.name}`} data-testid="compare-metric">
            <td>{m.name}</td><td>{m.on === 'cv' ? 'CV' : 'test'}</td>
            <td>{fmt(m.a)}{spread(loaded.docs[0], m.name, m.on)}</td>
            <td>{fmt(m.b)}{spread(loaded.docs[1], m.name, m.on)}</td>
            <td>{signed(m.delta)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportanceDiff({ comparison, a, b }: { comparison: VersionComparison; a: VersionRef; b: VersionRef }) {
  return (
    <div data-testid="compare-importance">
      <h4>Importance by raw column</h4>
      <table className="rg-table">
        <thead><tr><th>column</th><th>{label(a)}</th><th>{label(b)}</th><th>change</th></tr></thead>
        <tbody>{comparison.importance.slice(0, 20).map((r) => <tr key={r.column}><td>{r.column}</td><td>{fmt(r.a)}</td><td>{fmt(r.b)}</td><td>{signed(r.delta)}</td></tr>)}</tbody>
      </table>
      {(comparison.features.onlyA.length > 0 || comparison.features.onlyB.length > 0) && (
        <p className="am-muted">Columns only in {label(a)}: {comparison.features.onlyA.join(', ') || 'none'}; only in {label(b)}: {comparison.features.onlyB.join(', ') || 'none'}.</p>
      )}
    </div>
  );
}

function DroppedDiff({ comparison, a, b }: { comparison: VersionComparison; a: VersionRef; b: VersionRef }) {
  const d = comparison.dropped;
  return (
    <div data-testid="compare-dropped">
      <h4>Dropped columns</h4>
      <p>Dropped by both: {d.both.join(', ') || 'none'}</p>
      <p>Only by {label(a)}: {d.onlyA.map((x) => `${x.column} (${x.reason})`).join('; ') || 'none'}</p>
      <p>Only by {label(b)}: {d.onlyB.map((x) => `${x.column} (${x.reason})`).join('; ') || 'none'}</p>
    </div>
  );
}

function SettingsDiff({ comparison, a, b }: { comparison: VersionComparison; a: VersionRef; b: VersionRef }) {
  return (
    <div data-testid="compare-settings">
      <h4>Settings diff</h4>
      {comparison.settings.length === 0 ? <p className="am-muted">Same settings.</p> : (
        <table className="rg-table">
          <thead><tr><th>setting</th><th>{label(a)}</th><th>{label(b)}</th></tr></thead>
          <tbody>{comparison.settings.map((s) => <tr key={s.path}><td>{s.path}</td><td>{JSON.stringify(s.a) ?? '—'}</td><td>{JSON.stringify(s.b) ?? '—'}</td></tr>)}</tbody>
        </table>
      )}
    </div>
  );
}
