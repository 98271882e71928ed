import { dataClient } from './data-client';
import { useDataState } from './use-data';

/** One bar per load under way: file, phase, percentage and a Cancel button. */
export function LoadProgress() {
  const { loads } = useDataState();
  if (loads.length === 0) return null;
  return (
    <ul className="td-progress-list">
      {loads.map((job) => (
        <li key={job.id} className="td-progress" data-testid="data-load-progress" data-file={job.fileName}>
          <div className="td-progress-head">
            <span className="td-progress-file" title={job.fileName}>{job.fileName}</span>
            <button type="button" className="td-button td-button-small" data-testid="data-load-cancel" onClick={() => dataClient.cancelLoad(job.id)}>
              Cancel
            </button>
          </div>
          <div className="td-progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.fraction * 100)} aria-label={`Loading ${job.fileName}`}>
            <div className="td-progress-fill" style={{ transform: `scaleX(${job.fraction})` }} />
          </div>
          <div className="td-progress-foot">
            <span className="td-progress-phase" data-testid="data-load-phase">{capitalize(job.phase)}…</span>
            <span className="td-progress-percent" data-testid="data-load-percent">{Math.floor(job.fraction * 100)}%</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
