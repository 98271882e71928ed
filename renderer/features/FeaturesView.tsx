// The Features view: pick a table and a target, and see what Tourney derived from every raw
// column — its detected type, the derived columns with sample values (like the seed slides'
// tables), their importance in a quick model, and what the sanity checker removed and why. The
// user can switch a derivation off or change a column's type and run again. Compute runs in the
// features worker.
import { useEffect, useMemo, useState } from 'react';
import { loadFeaturesResults, saveFeaturesResult } from '../automl/saved-results';
import { FEATURE_ROLES, type DerivedColumnInfo, type FeaturePipelineOptions, type FeatureRole } from '../../kernels/features/types';
import type { FeaturesResult } from '../../workers/features/features-service';
import { useTables } from '../data';
import { setFeatureChoices, useFeatureChoices } from './feature-choices';
import { fitFeaturesInWorker } from './features-client';
import { columnImportance, formatFeatureValue, formatRawValue, orderColumns, toggleDisabled } from './feature-rows';
import './features.css';

const SAMPLE_ROWS = 5;

export function FeaturesView() {
  const tables = useTables();
  const [tableName, setTableName] = useState('');
  const [target, setTarget] = useState('');
  /** Each table's last result: restored from IndexedDB on start, replaced by each run. */
  const [kept, setKept] = useState<Record<string, FeaturesResult>>({});
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const table = tables.find((t) => t.name === tableName) ?? tables[0];
  // Kept per table outside this view: the AutoML view's tournament uses the same choices.
  const { disabled, types } = useFeatureChoices(table?.name);
  const columns = table?.columns ?? [];
  const restored = table ? kept[table.name] : undefined;
  const fallbackTarget = restored && columns.some((c) => c.name === restored.target) ? restored.target : columns[columns.length - 1]?.name ?? '';
  const targetName = columns.some((c) => c.name === target) ? target : fallbackTarget;
  // Shown only under its own table and target.
  const result = restored?.target === targetName ? restored : null;

  useEffect(() => {
    let live = true;
    loadFeaturesResults().then(
      (found) => live && setKept((current) => ({ ...found, ...current })),
      (e: unknown) => console.warn('could not restore Features results', e),
    );
    return () => {
      live = false;
    };
  }, []);

  const run = async (next: { disabled?: string[]; types?: Record<string, FeatureRole> } = {}) => {
    if (!table || !targetName) return;
    const options: FeaturePipelineOptions = { disabled: next.disabled ?? disabled, types: next.types ?? types, sampleRows: SAMPLE_ROWS };
    setRunning(true);
    setError(null);
    try {
      const fitted = await fitFeaturesInWorker({ table: table.name, target: targetName, options, importance: true });
      setKept((current) => ({ ...current, [fitted.table]: fitted }));
      saveFeaturesResult(fitted).catch((e: unknown) => console.warn('could not keep the Features result', e));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };

  const toggle = (key: string) => {
    const next = toggleDisabled(disabled, key);
    if (table) setFeatureChoices(table.name, { disabled: next, types });
    void run({ disabled: next });
  };
  const retype = (column: string, role: FeatureRole) => {
    const next = { ...types, [column]: role };
    if (table) setFeatureChoices(table.name, { disabled, types: next });
    void run({ types: next });
  };

  const ordered = useMemo(() => (result ? orderColumns(result.derived, result.importance) : []), [result]);

  return (
    <section className="ft-view" data-testid="features-view">
      <header className="ft-head">
        <h2>Features</h2>
        {tables.length === 0 ? (
          <span className="ft-muted">Load a table to see the features Tourney derives from it.</span>
        ) : (
          <>
            <label className="ft-field">
              <span>Table</span>
              <select value={table?.name ?? ''} onChange={(e) => setTableName(e.target.value)} data-testid="features-table">
                {tables.map((t) => <option key={t.name}>{t.name}</option>)}
              </select>
            </label>
            <label className="ft-field">
              <span>Target</span>
              <select value={targetName} onChange={(e) => setTarget(e.target.value)} data-testid="features-target">
                {columns.map((c) => <option key={c.name}>{c.name}</option>)}
              </select>
            </label>
            <button type="button" className="ft-button" onClick={() => void run()} disabled={running} data-testid="features-run">
              {running ? 'Deriving…' : result ? 'Rerun' : 'Derive features'}
            </button>
          </>
        )}
      </header>
      {error && <div className="ft-error" role="alert">{error}</div>}
      {tables.length > 0 && !result && !error && (
        <p className="ft-empty" data-testid="features-empty">
          {running
            ? `Deriving the features of ${table?.name} for target ${targetName}…`
            : `Pick the target and press Derive features: each column of ${table?.name} is shown with its detected type, the features derived from it, sample values, their importance in a quick model, and what the sanity checker removed and why.`}
        </p>
      )}
      {result && (
        <>
          <p className="ft-summary" data-testid="features-summary">
            {result.task} target <b>{result.target}</b>: {result.rows.toLocaleString()} training rows
            {result.heldOutRows > 0 && ` (${result.heldOutRows.toLocaleString()} held out for the tournament's test score are not used here)`}, {result.derived.length} raw columns →{' '}
            <b>{result.features}</b> derived features in {result.seconds.toFixed(1)} s.
            {result.importance && ' Importance: gain share in a quick 50-tree GBDT on these features.'}
          </p>
          <DroppedList result={result} />
          <div className="ft-columns">
            {ordered.map((info) => (
              <ColumnCard key={info.column} info={info} importance={result.importance} disabled={disabled} onToggle={toggle} onRetype={retype} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function DroppedList({ result }: { result: FeaturesResult }) {
  const whole = result.dropped.filter((d) => !d.feature);
  if (whole.length === 0) return null;
  return (
    <div className="ft-dropped" data-testid="features-dropped">
      <h3>Removed columns</h3>
      <ul>
        {whole.map((d) => (
          <li key={d.column}><span className={`ft-kind ft-kind-${d.kind}`}>{d.kind}</span> <b>{d.column}</b>: {d.reason}</li>
        ))}
      </ul>
    </div>
  );
}

function ColumnCard({ info, importance, disabled, onToggle, onRetype }: {
  info: DerivedColumnInfo;
  importance: Record<string, number> | undefined;
  /** The user's current switches (shown at once, before the rerun finishes). */
  disabled: readonly string[];
  onToggle: (key: string) => void;
  onRetype: (column: string, role: FeatureRole) => void;
}) {
  const share = columnImportance(info, importance);
  // Kept features, plus the ones derived only to be shown (bucket labels like the seed slides, a
  // clean title's seniority and function).
  const shown = info.derivations.flatMap((d) => d.features.filter((f) => f.kept || f.shownOnly).map((f) => f.name)).slice(0, 12);
  const labels = new Map(info.derivations.flatMap((d) => (d.codeLabels ? d.features.map((f) => [f.name, d.codeLabels!] as const) : [])));
  const cell = (name: string, i: number) => {
    const v = info.sample.features[name]?.[i] ?? NaN;
    return labels.get(name)?.[v] ?? formatFeatureValue(v);
  };
  return (
    <article className={`ft-card${info.dropped ? ' ft-card-dropped' : ''}`} data-testid={`features-column-${info.column}`}>
      <header>
        <b className="ft-name">{info.column}</b>
        <select value={info.role} onChange={(e) => onRetype(info.column, e.target.value as FeatureRole)} title="detected type (change to rerun)">
          {FEATURE_ROLES.map((r) => <option key={r}>{r}</option>)}
        </select>
        {info.roleOverridden && <span className="ft-muted">(set by you)</span>}
        {info.missing > 0 && <span className="ft-muted">{info.missing} empty</span>}
        {share !== undefined && !info.dropped && <Bar value={share} />}
      </header>
      {info.dropped && <p className="ft-reason">removed — {info.dropped.reason}</p>}
      {info.roleReason && info.roleReason !== info.dropped?.reason && <p className="ft-reason" data-testid="role-reason">{info.roleReason}</p>}
      <ul className="ft-derivations">
        {info.derivations.map((d) => (
          <li key={d.key}>
            <label>
              <input type="checkbox" checked={!disabled.includes(d.key)} onChange={() => onToggle(d.key)} /> {d.kind}
            </label>{' '}
            <span className="ft-muted">{d.description}</span>
            {dropReasons(d.features).map(({ reason, names }) => (
              <div key={reason} className="ft-reason">{names}: {reason}</div>
            ))}
          </li>
        ))}
      </ul>
      {shown.length > 0 && (
        <div className="ft-sample">
          <table>
            <thead>
              <tr>
                <th>{info.column}</th>
                {shown.map((name) => (
                  <th key={name} title={name}>
                    {name.startsWith(info.column) ? name.slice(info.column.length).replace(/^[:=~ ]/, '') || name : name}
                    {importance?.[name] !== undefined && <div className="ft-imp">{(100 * importance[name]).toFixed(1)}%</div>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {info.sample.raw.map((raw, i) => (
                <tr key={i}>
                  <td className="ft-raw">{formatRawValue(raw, info.type)}</td>
                  {shown.map((name) => <td key={name}>{cell(name, i)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

/** Features left out of the matrix, one line per reason: "a, b +3 more: reason". */
function dropReasons(features: DerivedColumnInfo['derivations'][number]['features']): { reason: string; names: string }[] {
  const byReason = new Map<string, string[]>();
  for (const f of features) {
    if (f.kept || !f.dropReason) continue;
    const names = byReason.get(f.dropReason);
    if (names) names.push(f.name);
    else byReason.set(f.dropReason, [f.name]);
  }
  return [...byReason].slice(0, 3).map(([reason, names]) => ({
    reason,
    names: names.slice(0, 2).join(', ') + (names.length > 2 ? ` +${names.length - 2} more` : ''),
  }));
}

function Bar({ value }: { value: number }) {
  return (
    <span className="ft-bar" title={`${(100 * value).toFixed(1)}% of the quick model's gain`}>
      <span style={{ width: `${Math.min(100, 100 * value)}%` }} />
      <em>{(100 * value).toFixed(1)}%</em>
    </span>
  );
}
