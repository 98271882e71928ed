// The best-so-far curve of a running tournament, redrawn at most once a second.
import { useEffect, useMemo, useRef, useState } from 'react';
import { SvgChart as VegaChart } from './SvgChart';
import { bestSoFarSpec } from './charts';
import type { CurvePoint } from './saved-results';
import { METRIC_LABELS } from './metric-labels';

/** The best-so-far chart redraws at most this often (a vega redraw is main-thread work). */
const CURVE_REDRAW_MS = 1000;

export function BestSoFar({ curve, metric, running }: { curve: CurvePoint[]; metric: string; running: boolean }) {
  // Redraw at most once a second while running: the spec only changes when `shown` does.
  const [shown, setShown] = useState(curve);
  const last = useRef(0);
  useEffect(() => {
    const wait = running ? Math.max(0, last.current + CURVE_REDRAW_MS - performance.now()) : 0;
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(curve);
    }, wait);
    return () => clearTimeout(timer);
  }, [curve, running]);
  const spec = useMemo(() => bestSoFarSpec(shown, METRIC_LABELS[metric] ?? metric), [shown, metric]);
  return (
    <div className="am-card am-curve" data-testid="automl-best-so-far">
      {shown.length > 0 ? <VegaChart spec={spec} /> : <p className="am-muted am-placeholder">The best score so far appears here as candidates finish.</p>}
    </div>
  );
}
