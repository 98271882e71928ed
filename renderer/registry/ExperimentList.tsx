// Every registered run (experiment list rows, virtualised): filter by text, table, target, task
// and source, sort by date, score, rows or run time (either direction), and pick two to compare
// side by side (CompareExperiments).
import { memo, useMemo, useState } from 'react';
import { experimentScore, filterExperiments, sortExperiments, type ExperimentSortKey } from '../../kernels/registry/experiments';
import type { ExperimentRow } from '../../kernels/registry/listing';
import { formatScore } from '../automl/format';
import { CompareExperiments } from './CompareExperiments';
import { VirtualRows } from './VirtualRows';

/** Memoised: picking a model or versions to compare does not re-render a thousand-run list. */
export const ExperimentList = memo(function ExperimentList({ experiments }: { experiments: readonly ExperimentRow[] | null }) {
  const [text, setText] = useState('');
  const [table, setTable] = useState('');
  const [target, setTarget] = useState('');
  const [task, setTask] = useState('');
  const [source, setSource] = useState('');
  const [sort, setSort] = useState<ExperimentSortKey>('createdAt');
  const [direction, setDirection] = useState<'desc' | 'asc'>('desc');
  const [picked, setPicked] = useState<string[]>([]);
  const all = useMemo(() => experiments ?? [], [experiments]);
  const tables = useMemo(() => [...new Set(all.map((e) => e.dataset.fileName ?? ''))].filter(Boolean).sort(), [all]);
  const targets = useMemo(() => [...new Set(all.map((e) => e.target))].sort(), [all]);
  const shown = useMemo(() => {
    const filtered = filterExperiments(all, {
      text,
      ...(target ? { target } : {}),
      ...(task ? { task: task as ExperimentRow['task'] } : {}),
      ...(source ? { source: source as ExperimentRow['source'] } : {}),
    }).filter((e) => !table || e.dataset.fileName === table);
    return sortExperiments(filtered, sort, direction);
  }, [all, text, table, target, task, source, sort, direction]);
  const toggle = (id: string) => setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id].slice(-2)));
  const byId = useMemo(() => new Map(all.map((e) => [e.id, e])), [all]);
  const pair = picked.map((id) => byId.get(id)).filter((e): e is ExperimentRow => e !== undefined);

  return (
    <div className="rg-experiments" data-testid="experiments">
      <h3>Experiments <span className="am-muted">{experiments === null ? 'reading…' : `${shown.length} of ${all.length} runs · tick two to compare them side by side`}</span></h3>
      <div className="rg-form">
        <label><span>Search</span><input value={text} onChange={(e) => setText(e.target.value)} placeholder="id, table, target, winner…" data-testid="experiments-text" /></label>
        <label><span>Table</span><select value={table} onChange={(e) => setTable(e.target.value)} data-testid="experiments-table"><option value="">all</option>{tables.map((t) => <option key={t}>{t}</option>)}</select></label>
        <label><span>Target</span><select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="experiments-target"><option value="">all</option>{targets.map((t) => <option key={t}>{t}</option>)}</select></label>
        <label><span>Task</span><select value={task} onChange={(e) => setTask(e.target.value)} data-testid="experiments-task"><option value="">all</option><option>binary</option><option>multiclass</option><option>regression</option></select></label>
        <label><span>Source</span><select value={source} onChange={(e) => setSource(e.target.value)} data-testid="experiments-source"><option value="">all</option><option value="app">app</option><option value="cli">CLI</option></select></label>
        <label><span>Sort by</span><select value={sort} onChange={(e) => setSort(e.target.value as ExperimentSortKey)} data-testid="experiments-sort"><option value="createdAt">date</option><option value="score">score (in each run's metric direction)</option><option value="rows">rows</option><option value="seconds">run time</option></select></label>
        <label><span>Order</span><select value={direction} onChange={(e) => setDirection(e.target.value as 'desc' | 'asc')} data-testid="experiments-direction"><option value="desc">{sort === 'score' ? 'best first' : sort === 'createdAt' ? 'newest first' : 'largest first'}</option><option value="asc">{sort === 'score' ? 'worst first' : sort === 'createdAt' ? 'oldest first' : 'smallest first'}</option></select></label>
      </div>
      {shown.length > 0 && (
        <VirtualRows
          rows={shown}
          rowKey={(e) => e.id}
          estimate={29}
          maxHeight={360}
          testId="experiments-list"
          head={<tr><th /><th>run</th><th>table</th><th>rows</th><th>target</th><th>task</th><th>metric</th><th>winner</th><th>score</th><th>candidates</th><th>seconds</th><th>source</th></tr>}
          row={(e, props) => {
            const score = experimentScore(e);
            return (
              <tr {...props} data-testid="experiment-row" data-id={e.id} className={picked.includes(e.id) ? 'rg-picked' : undefined}>
                <td><input type="checkbox" checked={picked.includes(e.id)} onChange={() => toggle(e.id)} aria-label={`compare ${e.id}`} data-testid="experiment-compare-pick" /></td>
                <td title={e.id}>{new Date(e.createdAt).toLocaleString()}</td>
                <td>{e.dataset.fileName ?? '—'}</td>
                <td>{e.dataset.rows.toLocaleString()}</td>
                <td>{e.target}</td>
                <td>{e.task}</td>
                <td>{e.metric}</td>
                <td>{e.winner.model}</td>
                <td>{score === null ? '—' : formatScore(score)}{e.test ? ' (test)' : ' (CV)'}</td>
                <td>{e.candidates}</td>
                <td>{e.timings.totalSeconds.toFixed(1)}</td>
                <td>{e.source}</td>
              </tr>
            );
          }}
        />
      )}
      {pair.length === 2 && <CompareExperiments a={pair[0]} b={pair[1]} onClose={() => setPicked([])} />}
    </div>
  );
});
