// What-if: edit one row of the table, score it with the winner and see each feature's contribution.
import { useEffect, useMemo, useState } from 'react';
import type { AutoMLSummary, WhatIfResult } from '../../workers/automl/automl-service';
import { SvgChart as VegaChart } from './SvgChart';
import { automlClient } from './automl-client';
import { contributionSpec } from './charts';
import { formatScore } from './format';
import { message } from './error-message';

export function WhatIf({ result }: { result: AutoMLSummary }) {
  const [row, setRow] = useState('1');
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const [scored, setScored] = useState<WhatIfResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Prefill from a row of the table (1-based for people).
  useEffect(() => {
    const n = Math.max(1, Math.floor(Number(row)) || 1);
    let stale = false;
    automlClient.sampleRow(n - 1).then((v) => !stale && setValues(v), (e: unknown) => !stale && setError(message(e)));
    return () => {
      stale = true;
    };
  }, [row, result]);

  // Score whenever the values change, a moment after the last keystroke.
  useEffect(() => {
    if (!values) return;
    let stale = false;
    const timer = setTimeout(() => {
      automlClient.whatIf(values).then(
        (r) => {
          if (stale) return;
          setScored(r);
          setError(null);
        },
        (e: unknown) => !stale && setError(message(e)),
      );
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [values]);

  const contributions = useMemo(() => (scored ? contributionSpec('Why: top contributions by raw column', scored.byColumn, scored.scale) : null), [scored]);
  return (
    <div className="am-card am-whatif" data-testid="automl-whatif">
      <h3>What if? <span className="am-muted">Edit a row and see the winner's prediction and why.</span></h3>
      <div className="am-whatif-body">
        <div className="am-whatif-form">
          <label className="am-whatif-row">
            <span>Start from row</span>
            <input type="number" min={1} value={row} onChange={(e) => setRow(e.target.value)} data-testid="automl-whatif-row" />
          </label>
          {values && result.inputs.map((input) => (
            <label key={input.name} className="am-whatif-field">
              <span title={input.type}>{input.name} <em>{input.type}</em></span>
              <input
                value={values[input.name] ?? ''}
                onChange={(e) => setValues({ ...values, [input.name]: e.target.value })}
                data-testid={`automl-whatif-${input.name}`}
              />
            </label>
          ))}
        </div>
        <div className="am-whatif-out">
          {error && <div className="am-error" role="alert" data-testid="automl-whatif-error">{error}</div>}
          {scored && (
            <>
              <div className="am-prediction" data-testid="automl-prediction">
                <span className="am-muted">Prediction for {result.target}</span>
                <b>{typeof scored.prediction === 'number' ? formatScore(scored.prediction) : scored.prediction}</b>
                {scored.probabilities && (
                  <div className="am-probabilities">
                    {Object.entries(scored.probabilities).map(([cls, p]) => (
                      <div key={cls} className="am-probability">
                        <span>{cls}</span>
                        <span className="am-prob-bar"><span style={{ width: `${(100 * p).toFixed(1)}%` }} /></span>
                        <span className="am-num">{(100 * p).toFixed(1)}%</span>
                      </div>
                    ))}
                  </div>
                )}
              </div>
              {contributions && <div data-testid="automl-explanation"><VegaChart spec={contributions} /></div>}
              {scored.scaleNote && <p className="am-muted" data-testid="automl-scale-note">{scored.scaleNote}</p>}
              <table className="am-contrib-table" data-testid="automl-contributions">
                <thead><tr><th>derived feature</th><th className="am-num">contribution</th></tr></thead>
                <tbody>
                  {scored.byFeature.map((c) => (
                    <tr key={c.name}><td>{c.name}</td><td className={`am-num ${c.value >= 0 ? 'am-up' : 'am-down'}`}>{c.value >= 0 ? '+' : ''}{c.value.toFixed(3)}</td></tr>
                  ))}
                  <tr className="am-muted"><td>baseline</td><td className="am-num">{scored.base.toFixed(3)}</td></tr>
                </tbody>
              </table>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
