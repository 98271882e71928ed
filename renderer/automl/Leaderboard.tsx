// The leaderboard as it fills in: candidates ranked by their cross-validated score.
import type { LeaderboardEntry } from '../../kernels/tournament/run-tournament';
import { entryNote, foldSpread, formatParams, formatScore, formatSeconds } from './format';
import { METRIC_LABELS } from './metric-labels';

export function Leaderboard({ entries, metric, winnerId }: { entries: LeaderboardEntry[]; metric: string; winnerId?: number }) {
  const extra = entries[0] ? Object.keys(entries[0].metrics).filter((m) => m !== metric) : [];
  return (
    <div className="am-card am-leaderboard">
      <h3>Leaderboard <span className="am-muted">{describeCount(entries)}, cross-validated</span></h3>
      <div className="am-table-wrap">
        <table data-testid="automl-leaderboard">
          <thead>
            <tr>
              <th>#</th>
              <th>model</th>
              <th className="am-num">{METRIC_LABELS[metric] ?? metric}</th>
              <th className="am-num" title="standard deviation over the folds">± folds</th>
              {extra.map((m) => <th key={m} className="am-num">{METRIC_LABELS[m] ?? m}</th>)}
              <th className="am-num">fit</th>
              <th>parameters</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, 50).map((e, i) => (
              <tr key={e.id} className={e.id === winnerId ? 'am-winner-row' : ''} data-testid="automl-leaderboard-row">
                <td className="am-num">{i + 1}</td>
                <td>
                  <span className={`am-family am-family-${e.model}`}>{e.model}</span>{e.id >= 0 && <span className="am-muted"> #{e.id}</span>}
                  {entryNote(e) && <span className="am-cut" title={entryNote(e)} data-testid="automl-cut-short"> cut short</span>}
                </td>
                <td className="am-num am-strong">{formatScore(e.cvScore)}</td>
                <td className="am-num am-muted">{formatScore(foldSpread(e.foldScores))}</td>
                {extra.map((m) => <td key={m} className="am-num">{formatScore(e.metrics[m])}</td>)}
                <td className="am-num">{formatSeconds(e.fitSeconds)}</td>
                <td className="am-params" title={formatParams(e.params)}>{formatParams(e.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The candidates scored (the count the progress line and the winner card give), and the ensemble apart. */
function describeCount(entries: LeaderboardEntry[]): string {
  const singles = entries.filter((e) => e.id >= 0).length;
  return `${singles} candidate${singles === 1 ? '' : 's'}${entries.length > singles ? ' and their ensemble' : ''}`;
}
