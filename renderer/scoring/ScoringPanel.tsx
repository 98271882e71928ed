// Scoring a model in the app exactly as its exported service scores: the model directory exported
// to ONNX and run on onnxruntime-web (WASM) in the scoring worker, the feature pipeline replayed by
// the same kernels code. What if? (edit one row's fields, see the score) and batch scoring (a loaded
// table or a dropped file; progress, Cancel; download the scored CSV in `tourney predict`'s format).
// Nothing here computes: the UI thread only sends rows and draws answers.
import { useEffect, useRef, useState } from 'react';
import { useTables } from '../data';
import { downloadFile } from '../platform/download';
import { ExportScorerButton } from './ExportScorerButton';
import { scoringClient, type BatchJob, type BatchProgress, type BatchResult, type ModelSource, type RowPrediction, type ScorerInfo } from './scoring-client';
import './scoring.css';

export function ScoringPanel({ source, whatIf = true }: { source: ModelSource; whatIf?: boolean }) {
  const [info, setInfo] = useState<ScorerInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    setInfo(null);
    scoringClient.load(source).then((i) => !stale && setInfo(i), (e: unknown) => !stale && setError(message(e)));
    return () => {
      stale = true;
    };
  }, [source.key]);
  return (
    <div className="am-card sc-panel" data-testid="scoring-panel" data-model={source.key}>
      <h3>
        Score {source.label}
        <span className="am-spacer" />
        <ExportScorerButton source={source} />
      </h3>
      <p className="am-muted">The model exported to ONNX and run on onnxruntime-web (WASM) in a worker, after the feature pipeline: as the exported scoring service scores.</p>
      {error && <div className="am-error" role="alert" data-testid="scoring-error">{error}</div>}
      {!info && !error && <p className="am-muted">Loading the model…</p>}
      {info && (
        <>
          <p className="am-muted" data-testid="scoring-info">
            {info.name} · version {info.version} · {info.task}{info.classes && info.task !== 'regression' ? ` (${info.classes.join(', ')})` : ''} · target {info.target} ·
            {' '}{info.inputs.length} input columns · model.onnx {(info.onnxBytes / 1024).toFixed(0)} KB
          </p>
          {whatIf && <WhatIfForm source={source} info={info} />}
          <BatchScoring source={source} info={info} />
        </>
      )}
    </div>
  );
}

function WhatIfForm({ source, info }: { source: ModelSource; info: ScorerInfo }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [scored, setScored] = useState<RowPrediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Score a moment after the last keystroke.
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      scoringClient.whatIf(source.key, values).then(
        (r) => {
          if (stale) return;
          setScored(r);
          setError(null);
        },
        (e: unknown) => !stale && setError(message(e)),
      );
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [values, source.key]);
  return (
    <div className="sc-whatif" data-testid="scoring-whatif">
      <h4>What if? <span className="am-muted">one row; empty fields are missing values, scored as at training time</span></h4>
      <div className="sc-whatif-body">
        <div className="sc-fields">
          {info.inputs.map((input) => (
            <label key={input.name} className="am-whatif-field">
              <span title={input.type}>{input.name} <em>{input.type}</em></span>
              <input value={values[input.name] ?? ''} list={input.categories ? `sc-${source.key}-${input.name}` : undefined}
                onChange={(e) => setValues({ ...values, [input.name]: e.target.value })} data-testid={`scoring-field-${input.name}`} />
              {input.categories && <datalist id={`sc-${source.key}-${input.name}`}>{input.categories.slice(0, 200).map((c) => <option key={c} value={c} />)}</datalist>}
            </label>
          ))}
        </div>
        <div className="sc-answer">
          {error && <div className="am-error" role="alert" data-testid="scoring-whatif-error">{error}</div>}
          {scored && !error && (
            <div className="am-prediction" data-testid="scoring-prediction" data-prediction={String(scored.prediction)} data-probabilities={JSON.stringify(scored.probabilities ?? null)}>
              <span className="am-muted">Prediction for {info.target}</span>
              <b>{typeof scored.prediction === 'number' ? scored.prediction.toPrecision(6) : scored.prediction}</b>
              {scored.probabilities && (
                <div className="am-probabilities">
                  {Object.entries(scored.probabilities).map(([cls, p]) => (
                    <div key={cls} className="am-probability">
                      <span>{cls}</span>
                      <span className="am-prob-bar"><span style={{ width: `${(100 * p).toFixed(1)}%` }} /></span>
                      <span className="am-num">{(100 * p).toFixed(2)}%</span>
                    </div>
                  ))}
                </div>
              )}
              {(scored.missing.length > 0 || scored.unseen.length > 0) && (
                <p className="am-muted" data-testid="scoring-row-notes">
                  {scored.missing.length > 0 && <>Missing: {scored.missing.join(', ')}. </>}
                  {scored.unseen.length > 0 && <>Not among the model's categories (scored as “other”): {scored.unseen.join(', ')}.</>}
                </p>
              )}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

type Batch = { state: 'running'; progress: BatchProgress | null; what: string } | { state: 'done'; result: BatchResult; what: string } | { state: 'cancelled' | 'failed'; what: string; text: string };

function BatchScoring({ source, info }: { source: ModelSource; info: ScorerInfo }) {
  const tables = useTables();
  const [tableName, setTableName] = useState('');
  const [batch, setBatch] = useState<Batch | null>(null);
  const [dragging, setDragging] = useState(false);
  const job = useRef<BatchJob | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const table = tables.find((t) => t.name === tableName) ?? tables[0];
  const running = batch?.state === 'running';

  const start = (what: string, begin: (onProgress: (p: BatchProgress) => void) => BatchJob) => {
    if (running) return;
    setBatch({ state: 'running', progress: null, what });
    const current = begin((progress) => setBatch((b) => (b?.state === 'running' ? { ...b, progress } : b)));
    job.current = current;
    current.result.then(
      (result) => job.current === current && setBatch({ state: 'done', result, what }),
      (e: unknown) => {
        if (job.current !== current) return;
        const cancelled = e instanceof Error && e.message.includes('cancelled');
        setBatch({ state: cancelled ? 'cancelled' : 'failed', what, text: cancelled ? 'Cancelled: nothing was scored.' : message(e) });
      },
    );
  };
  const scoreTable = () => table && start(table.name, (p) => scoringClient.scoreLoadedTable(source.key, table.name, p));
  const scoreFile = async (file: File | undefined) => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    start(file.name, (p) => scoringClient.scoreFile(source.key, bytes, file.name, p));
  };
  const download = (result: BatchResult, what: string) => downloadFile(`${what.replace(/\.[a-z0-9]+$/i, '')}-scored-by-${info.name}.csv`, result.csv, 'text/csv');

  return (
    <div className={`sc-batch${dragging ? ' sc-dragging' : ''}`} data-testid="scoring-batch"
      onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => { e.preventDefault(); setDragging(false); void scoreFile(e.dataTransfer.files[0]); }}>
      <h4>Batch <span className="am-muted">score a loaded table, or drop a CSV (or any file Tourney reads) here; the scored CSV has tourney predict's columns</span></h4>
      <div className="rg-form">
        <label><span>Table</span>
          <select value={table?.name ?? ''} onChange={(e) => setTableName(e.target.value)} disabled={running || tables.length === 0} data-testid="scoring-table">
            {tables.length === 0 && <option value="">no table loaded</option>}
            {tables.map((t) => <option key={t.name} value={t.name}>{t.name} ({t.rowCount.toLocaleString()} rows)</option>)}
          </select>
        </label>
        <button type="button" className="am-button am-primary" onClick={scoreTable} disabled={running || !table} data-testid="scoring-score-table">Score table</button>
        <button type="button" className="am-button" onClick={() => fileInput.current?.click()} disabled={running} data-testid="scoring-pick-file">Score a file…</button>
        <input ref={fileInput} type="file" hidden accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,.parquet" data-testid="scoring-file"
          onChange={(e) => { void scoreFile(e.target.files?.[0]); e.target.value = ''; }} />
        {running && <button type="button" className="am-button am-cancel" onClick={() => job.current?.cancel()} data-testid="scoring-cancel">Cancel</button>}
      </div>
      {batch?.state === 'running' && (
        <div className="am-progress" data-testid="scoring-progress">
          <div className="am-progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={batch.progress ? Math.round((100 * batch.progress.rows) / Math.max(1, batch.progress.total)) : 0}>
            <span style={{ transform: `scaleX(${batch.progress ? (batch.progress.rows / Math.max(1, batch.progress.total)).toFixed(3) : 0})`, transition: 'none' }} />
          </div>
          <div className="am-progress-text">Scoring {batch.what}: {batch.progress ? `${batch.progress.rows.toLocaleString()} of ${batch.progress.total.toLocaleString()} rows` : 'reading'}</div>
        </div>
      )}
      {batch?.state === 'done' && (
        <div className="am-notice" role="status" data-testid="scoring-done" data-rows={batch.result.rows}>
          Scored {batch.result.rows.toLocaleString()} rows of {batch.what} in {batch.result.seconds.toFixed(2)} s
          {batch.result.rowsWithMissing > 0 && <>; {batch.result.rowsWithMissing.toLocaleString()} with missing inputs</>}
          {Object.keys(batch.result.unseen).length > 0 && <>; values outside the model's categories (scored as “other”) in {Object.entries(batch.result.unseen).map(([c, n]) => `${c} (${n})`).join(', ')}</>}.{' '}
          <button type="button" className="am-button" onClick={() => download(batch.result, batch.what)} data-testid="scoring-download">Download scored CSV</button>
        </div>
      )}
      {(batch?.state === 'cancelled' || batch?.state === 'failed') && (
        <div className={batch.state === 'failed' ? 'am-error' : 'am-notice'} role={batch.state === 'failed' ? 'alert' : 'status'} data-testid="scoring-batch-outcome">{batch.what}: {batch.text}</div>
      )}
    </div>
  );
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
