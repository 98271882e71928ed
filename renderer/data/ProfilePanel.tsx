// The side panel with a column's full profile: its type (with a select to convert it), missing
// and distinct counts, statistics or top values, and the distribution chart.
import { useState } from 'react';
import { COLUMN_TYPES, type ColumnType } from '../../kernels/table/types';
import type { ColumnSummary } from '../../shared/data/protocol';
import { formatCount, formatPercent } from './format-text';
import { HistogramChart } from './HistogramChart';
import type { ProfileView } from './profile-view';
import { TypeBadge } from './TypeBadge';

export interface ProfilePanelProps {
  column: ColumnSummary;
  rowCount: number;
  profile?: ProfileView;
  profileError?: string;
  onClose: () => void;
  /** Converts the column; rejects with the reason when it cannot. */
  onChangeType: (type: ColumnType) => Promise<void>;
}

export function ProfilePanel({ column, rowCount, profile, profileError, onClose, onChangeType }: ProfilePanelProps) {
  const [converting, setConverting] = useState<ColumnType>();
  const [typeError, setTypeError] = useState<string>();

  const changeType = (type: ColumnType) => {
    if (type === column.type) return;
    setConverting(type);
    setTypeError(undefined);
    onChangeType(type).then(
      () => setConverting(undefined),
      (error: unknown) => {
        setConverting(undefined);
        const reason = error instanceof Error ? error.message : String(error);
        setTypeError(reason);
      },
    );
  };

  return (
    <aside className="td-panel" data-testid="data-profile-panel" data-column={column.name} aria-label={`Profile of ${column.name}`}>
      <header className="td-panel-head">
        <div className="td-panel-title">
          <h3 title={column.name}>{column.name}</h3>
          <TypeBadge type={column.type} />
        </div>
        <button type="button" className="td-icon-button" aria-label="Close profile" data-testid="data-profile-close" onClick={onClose}>
          ×
        </button>
      </header>

      <label className="td-field">
        <span>Type</span>
        <select className="td-select" data-testid="data-type-select" value={converting ?? column.type} disabled={!!converting} onChange={(event) => changeType(event.target.value as ColumnType)}>
          {COLUMN_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      {converting && <p className="td-muted">Converting to {converting}…</p>}
      {typeError && (
        <p className="td-inline-error" role="alert" data-testid="data-type-error">
          {typeError}
          <button type="button" className="td-icon-button" aria-label="Dismiss" onClick={() => setTypeError(undefined)}>
            ×
          </button>
        </p>
      )}

      <dl className="td-kv">
        <dt>Rows</dt>
        <dd>{formatCount(rowCount)}</dd>
        <dt>Missing</dt>
        <dd>
          {formatCount(column.missing)} <span className="td-muted">({formatPercent(rowCount ? column.missing / rowCount : 0)})</span>
        </dd>
        {profile && (
          <>
            <dt>Distinct</dt>
            <dd>{formatCount(profile.distinct)}</dd>
          </>
        )}
      </dl>

      <h4 className="td-section-title">{!profile || profile.histogram ? (profile?.histogramOf === 'length' ? 'Text lengths' : 'Distribution') : 'Most frequent values'}</h4>
      {profileError ? (
        <p className="td-error-text">Profile unavailable: {profileError}</p>
      ) : profile ? (
        <HistogramChart profile={profile} />
      ) : (
        <p className="td-muted">Profiling…</p>
      )}

      {profile && profile.stats.length > 0 && (
        <>
          <h4 className="td-section-title">Statistics</h4>
          <dl className="td-kv" data-testid="data-profile-stats">
            {profile.stats.map((stat) => (
              <Stat key={stat.label} {...stat} />
            ))}
          </dl>
        </>
      )}
    </aside>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
