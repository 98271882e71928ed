// The tables both comparisons show (two versions, two experiments): metrics with the change,
// dropped columns and the settings diff, each headed by the two sides' labels.
import type { MetricRow, SettingChange, VersionComparison } from '../../kernels/registry/compare';
import { formatScore } from '../automl/format';

export type Labels = readonly [string, string];

export const fmtScore = (v: number | null) => (v === null ? '—' : formatScore(v));
const signed = (v: number | null) => (v === null ? '' : `${v > 0 ? '+' : ''}${formatScore(v)}`);

/** `spread(side, row)` adds the uncertainty next to a value (' ± 0.012'), when a side has it. */
export function MetricsTable({ rows, labels, spread, head, testId, rowTestId }: {
  rows: readonly MetricRow[];
  labels: Labels;
  spread?: (side: 0 | 1, row: MetricRow) => string;
  /** Rows shown above the metrics (e.g. the model family). */
  head?: React.ReactNode;
  testId: string;
  rowTestId: string;
}) {
  return (
    <table className="rg-table" data-testid={testId}>
      <thead><tr><th>metric</th><th>on</th><th>{labels[0]}</th><th>{labels[1]}</th><th>change</th></tr></thead>
      <tbody>
        {head}
        {rows.map((m) => (
          <tr key={`${m.on}:${m.name}`} data-testid={rowTestId}>
            <td>{m.name}</td><td>{m.on === 'cv' ? 'CV' : 'test'}</td>
            <td>{fmtScore(m.a)}{spread?.(0, m)}</td>
            <td>{fmtScore(m.b)}{spread?.(1, m)}</td>
            <td>{signed(m.delta)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DroppedDiff({ dropped, labels, testId }: { dropped: VersionComparison['dropped']; labels: Labels; testId: string }) {
  return (
    <div data-testid={testId}>
      <h4>Dropped columns</h4>
      <p>Dropped by both: {dropped.both.join(', ') || 'none'}</p>
      <p>Only by {labels[0]}: {dropped.onlyA.map((x) => `${x.column} (${x.reason})`).join('; ') || 'none'}</p>
      <p>Only by {labels[1]}: {dropped.onlyB.map((x) => `${x.column} (${x.reason})`).join('; ') || 'none'}</p>
    </div>
  );
}

export function SettingsDiff({ settings, labels, testId }: { settings: readonly SettingChange[]; labels: Labels; testId: string }) {
  return (
    <div data-testid={testId}>
      <h4>Settings diff</h4>
      {settings.length === 0 ? <p className="am-muted">Same settings.</p> : (
        <table className="rg-table">
          <thead><tr><th>setting</th><th>{labels[0]}</th><th>{labels[1]}</th></tr></thead>
          <tbody>{settings.map((s) => <tr key={s.path} data-testid="settings-change"><td>{s.path}</td><td>{JSON.stringify(s.a) ?? '—'}</td><td>{JSON.stringify(s.b) ?? '—'}</td></tr>)}</tbody>
        </table>
      )}
    </div>
  );
}
