// Two versions side by side: metrics (with the spread over CV folds where the model card has it),
// ROC and precision–recall curves overlaid (vega-lite, drawn in the chart worker), the importance
// diff by raw column, the dropped-columns diff and the settings diff (kernels/registry/compare).
import { useEffect, useMemo, useRef, useState } from 'react';
import { compareVersions, type VersionComparison } from '../../kernels/registry/compare';
import type { ModelVersion } from '../../kernels/registry/documents';
import { readModelDirSummary, SUMMARY_FILES } from '../../kernels/registry/model-dir-summary';
import { SvgChart } from '../automl/SvgChart';
import { formatScore } from '../automl/format';
import { errorMessage, registryStore } from './registry-client';
import { DroppedDiff, fmtScore, MetricsTable, SettingsDiff, type Labels } from './DiffTables';
import type { VersionRef } from './ModelDetail';
import { markReady, markStart } from './ready-marks';

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
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let stale = false;
    markStart('registry-compare');
    Promise.all([loadSide(a), loadSide(b)]).then(
      ([sa, sb]) => !stale && setLoaded({ comparison: compareVersions(sa.side, sb.side), docs: [sa.side.version, sb.side.version], curves: [sa.curves, sb.curves] }),
      (e: unknown) => !stale && setError(errorMessage(e)),
    );
    return () => {
      stale = true;
    };
  }, [a, b]);
  useEffect(() => {
    if (loaded) markReady('registry-compare', box.current);
  }, [loaded]);
  const charts = useMemo(() => {
    if (!loaded) return [];
    const out: { key: string; spec: Record<string, unknown> }[] = [];
    const roc = overlaySpec('ROC', [a, b].map((r, i) => ({ label: label(r), curve: loaded.curves[i].roc })), 'false positive rate', 'true positive rate', true);
    const pr = overlaySpec('Precision–recall', [a, b].map((r, i) => ({ label: label(r), curve: loaded.curves[i].pr })), 'recall', 'precision', false);
    if (roc) out.push({ key: 'roc', spec: roc });
    if (pr) out.push({ key: 'pr', spec: pr });
    return out;
  }, [loaded, a, b]);

  const labels: Labels = [label(a), label(b)];
  return (
    <div className="am-card rg-compare" data-testid="compare" ref={box}>
      <h3>Compare {label(a)} with {label(b)} <button type="button" className="rg-link" onClick={onClose}>close</button></h3>
      {error && <div className="am-error" role="alert">{error}</div>}
      {!loaded ? !error && <p className="am-muted">Reading both versions…</p> : (
        <>
          <MetricsTable
            rows={loaded.comparison.metrics}
            labels={labels}
            testId="compare-metrics"
            rowTestId="compare-metric"
            head={<tr><td>family</td><td /><td>{loaded.comparison.a.family}</td><td>{loaded.comparison.b.family}</td><td /></tr>}
            spread={(side, m) => spread(loaded.docs[side], m.name, m.on)}
          />
          {charts.length > 0 && <div className="am-charts am-charts-2">{charts.map((c) => <div key={c.key} className="am-card am-chart" data-testid={`compare-chart-${c.key}`}><SvgChart spec={c.spec} /></div>)}</div>}
          <div className="rg-diffs">
            <ImportanceDiff comparison={loaded.comparison} labels={labels} />
            <DroppedDiff dropped={loaded.comparison.dropped} labels={labels} testId="compare-dropped" />
            <SettingsDiff settings={loaded.comparison.settings} labels={labels} testId="compare-settings" />
          </div>
        </>
      )}
    </div>
  );
}

/** The model card keeps the spread over the CV folds next to each value. */
function spread(doc: ModelVersion, name: string, on: string): string {
  const v = doc.modelCard.metrics.values.find((m) => m.name === name && m.on === on);
  return v?.foldStd !== undefined ? ` ± ${formatScore(v.foldStd)}` : '';
}

function overlaySpec(title: string, sides: { label: string; curve?: { x: number[]; y: number[] } }[], xTitle: string, yTitle: string, diagonal: boolean): Record<string, unknown> | null {
  const values = sides.flatMap((s) => (s.curve ? s.curve.x.map((x, i) => ({ x, y: s.curve!.y[i], version: s.label })) : []));
  if (!values.length) return null;
  const axis = (field: string, t: string) => ({ field, type: 'quantitative', title: t, scale: { domain: [0, 1] } });
  const layer: Record<string, unknown>[] = [{ data: { values }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x: axis('x', xTitle), y: axis('y', yTitle), color: { field: 'version', type: 'nominal', title: null, legend: { orient: 'bottom' } } } }];
  if (diagonal) layer.unshift({ data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: 'line', strokeDash: [4, 4], color: '#9aa1ab' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } });
  return { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title, width: 'container', height: 240, layer };
}

function ImportanceDiff({ comparison, labels }: { comparison: VersionComparison; labels: Labels }) {
  return (
    <div data-testid="compare-importance">
      <h4>Importance by raw column</h4>
      <table className="rg-table">
        <thead><tr><th>column</th><th>{labels[0]}</th><th>{labels[1]}</th><th>change</th></tr></thead>
        <tbody>{comparison.importance.slice(0, 20).map((r) => <tr key={r.column}><td>{r.column}</td><td>{fmtScore(r.a)}</td><td>{fmtScore(r.b)}</td><td>{r.delta > 0 ? '+' : ''}{formatScore(r.delta)}</td></tr>)}</tbody>
      </table>
      {(comparison.features.onlyA.length > 0 || comparison.features.onlyB.length > 0) && (
        <p className="am-muted">Columns only in {labels[0]}: {comparison.features.onlyA.join(', ') || 'none'}; only in {labels[1]}: {comparison.features.onlyB.join(', ') || 'none'}.</p>
      )}
    </div>
  );
}
