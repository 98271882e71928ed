// Two runs side by side (kernels/registry/compare: compareExperiments): what each run was (data,
// target, winner, timings), the metrics with the change, both leaderboards as a chart (every
// candidate's CV score by model family, vega-lite in the chart worker) and as tables, the dropped
// columns and the settings diff. The full experiment documents are read only here.
import { useEffect, useMemo, useState } from 'react';
import { compareExperiments, type ExperimentComparison } from '../../kernels/registry/compare';
import type { Experiment, LeaderboardRow } from '../../kernels/registry/documents';
import type { ExperimentRow } from '../../kernels/registry/listing';
import { SvgChart } from '../automl/SvgChart';
import { formatScore, formatSeconds } from '../automl/format';
import { DroppedDiff, fmtScore, MetricsTable, SettingsDiff, type Labels } from './DiffTables';
import { errorMessage, registryStore } from './registry-client';

const LABELS: Labels = ['A', 'B'];
const LEADERBOARD_ROWS = 12;

async function readExperiment(id: string): Promise<Experiment> {
  const doc = await registryStore().getExperiment(id);
  if (!doc) throw new Error(`experiment ${id} is no longer in the registry`);
  return doc;
}

export function CompareExperiments({ a, b, onClose }: { a: ExperimentRow; b: ExperimentRow; onClose: () => void }) {
  const [loaded, setLoaded] = useState<{ docs: [Experiment, Experiment]; comparison: ExperimentComparison } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    setLoaded(null);
    Promise.all([readExperiment(a.id), readExperiment(b.id)]).then(
      ([da, db]) => !stale && setLoaded({ docs: [da, db], comparison: compareExperiments(da, db) }),
      (e: unknown) => !stale && setError(errorMessage(e)),
    );
    return () => {
      stale = true;
    };
  }, [a.id, b.id]);
  const chart = useMemo(() => (loaded ? leaderboardSpec(loaded.docs) : null), [loaded]);

  return (
    <div className="am-card rg-compare" data-testid="experiment-compare">
      <h3>Compare two runs <button type="button" className="rg-link" onClick={onClose} data-testid="experiment-compare-close">close</button></h3>
      {error && <div className="am-error" role="alert">{error}</div>}
      {!loaded ? !error && <p className="am-muted">Reading both runs…</p> : (
        <>
          <RunsTable docs={loaded.docs} />
          {!loaded.comparison.sameData && <p className="am-muted" data-testid="experiment-compare-data">The two runs trained on different data (content hashes differ): their scores compare less directly.</p>}
          <div className="rg-pair">
            <MetricsTable rows={loaded.comparison.metrics} labels={LABELS} testId="experiment-compare-metrics" rowTestId="experiment-compare-metric" />
            {chart && <div className="am-card am-chart" data-testid="experiment-compare-chart"><SvgChart spec={chart} /></div>}
          </div>
          <div className="rg-pair" data-testid="experiment-compare-leaderboards">
            {loaded.docs.map((doc, i) => <Leaderboard key={doc.id} label={LABELS[i]} rows={doc.leaderboard} />)}
          </div>
          <div className="rg-diffs rg-diffs-2">
            <SettingsDiff settings={loaded.comparison.settings} labels={LABELS} testId="experiment-compare-settings" />
            <DroppedDiff dropped={loaded.comparison.dropped} labels={LABELS} testId="experiment-compare-dropped" />
          </div>
        </>
      )}
    </div>
  );
}

function RunsTable({ docs }: { docs: [Experiment, Experiment] }) {
  const t = (e: Experiment) => e.timings;
  return (
    <table className="rg-table" data-testid="experiment-compare-runs">
      <thead><tr><th /><th>run</th><th>data</th><th>target · task · metric</th><th>winner</th><th>candidates</th><th>seed</th><th>time (prepare / search / final)</th><th>source</th></tr></thead>
      <tbody>
        {docs.map((e, i) => (
          <tr key={e.id}>
            <td><b>{LABELS[i]}</b></td>
            <td title={e.id}>{new Date(e.createdAt).toLocaleString()}</td>
            <td>{e.dataset.fileName ?? '—'} · {e.dataset.rows.toLocaleString()} rows · {e.dataset.schema.length} columns · <code title={e.dataset.sha256}>{e.dataset.sha256.slice(0, 8)}</code></td>
            <td>{e.target} · {e.task} · {e.metric}</td>
            <td>{e.winner.model} {e.winner.cvScore === null ? '' : `(CV ${formatScore(e.winner.cvScore)})`}</td>
            <td>{e.candidates}</td>
            <td>{e.seed ?? '—'}</td>
            <td>{formatSeconds(t(e).totalSeconds)}{t(e).searchSeconds !== undefined ? ` (${[t(e).prepareSeconds, t(e).searchSeconds, t(e).finalSeconds].map((s) => (s === undefined ? '—' : formatSeconds(s))).join(' / ')})` : ''}</td>
            <td>{e.source}{e.notebook ? ` · ${e.notebook}` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const spreadOf = (folds: readonly number[]) => {
  if (folds.length < 2) return '';
  const mean = folds.reduce((s, x) => s + x, 0) / folds.length;
  return ` ± ${formatScore(Math.sqrt(folds.reduce((s, x) => s + (x - mean) ** 2, 0) / (folds.length - 1)))}`;
};

function Leaderboard({ label, rows }: { label: string; rows: readonly LeaderboardRow[] }) {
  return (
    <div data-testid="experiment-compare-leaderboard">
      <h4>Leaderboard {label} <span className="am-muted">{rows.length} candidate{rows.length === 1 ? '' : 's'}</span></h4>
      <table className="rg-table">
        <thead><tr><th>#</th><th>model</th><th>CV (± fold sd)</th><th>fit</th></tr></thead>
        <tbody>
          {rows.slice(0, LEADERBOARD_ROWS).map((r) => (
            <tr key={r.rank}><td>{r.rank}</td><td title={JSON.stringify(r.params)}>{r.model}</td><td>{fmtScore(r.cvScore)}{spreadOf(r.foldScores)}</td><td>{formatSeconds(r.fitSeconds)}</td></tr>
          ))}
        </tbody>
      </table>
      {rows.length > LEADERBOARD_ROWS && <p className="am-muted">… and {rows.length - LEADERBOARD_ROWS} more.</p>}
    </div>
  );
}

/** Every scored candidate of both runs: CV score by model family, one colour and shape a run. */
function leaderboardSpec(docs: [Experiment, Experiment]): Record<string, unknown> | null {
  const values = docs.flatMap((doc, i) => doc.leaderboard.filter((r) => r.cvScore !== null).map((r) => ({ run: LABELS[i], model: r.model, score: r.cvScore, rank: r.rank, fit: r.fitSeconds })));
  if (!values.length) return null;
  const metric = docs[0].metric === docs[1].metric ? docs[0].metric : `${docs[0].metric} / ${docs[1].metric}`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Every candidate's CV score (${metric})`,
    width: 'container',
    height: { step: 26 },
    data: { values },
    mark: { type: 'point', filled: true, size: 70, opacity: 0.8 },
    encoding: {
      y: { field: 'model', type: 'nominal', title: null },
      yOffset: { field: 'run', type: 'nominal' },
      x: { field: 'score', type: 'quantitative', title: `CV ${metric}`, scale: { zero: false } },
      color: { field: 'run', type: 'nominal', title: 'run', legend: { orient: 'bottom' } },
      shape: { field: 'run', type: 'nominal', title: 'run' },
      tooltip: [{ field: 'run' }, { field: 'rank' }, { field: 'model' }, { field: 'score', format: '.4f' }, { field: 'fit', title: 'fit seconds', format: '.2f' }],
    },
  };
}
