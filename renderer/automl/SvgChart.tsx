// A vega-lite chart drawn to SVG in the chart worker and inserted as markup: the main thread
// never compiles or runs a vega dataflow, so redrawing charts (the live best-so-far curve, the
// winner's evaluation charts) cannot block it. Same look as cells/VegaChart (charts/theme).
import { wrap, type Remote } from 'comlink';
import { useEffect, useRef, useState } from 'react';
import type { AutoMLChartWorkerApi } from '../../workers/automl-chart.worker';
import { CHART_THEME } from '../charts/theme';

type VegaSpec = Record<string, unknown>;

let chartWorker: Remote<AutoMLChartWorkerApi> | null = null;

function charts(): Remote<AutoMLChartWorkerApi> {
  chartWorker ??= wrap<AutoMLChartWorkerApi>(new Worker(new URL('../../workers/automl-chart.worker.ts', import.meta.url), { type: 'module', name: 'tourney-automl-charts' }));
  return chartWorker;
}

/** Starts the chart worker and loads vega in it, so the first live chart is not late. */
export function warmCharts(): void {
  void charts().svg({ mark: 'point', data: { values: [] } }, 100, CHART_THEME).catch(() => undefined);
}

export function SvgChart({ spec, testId }: { spec: VegaSpec; testId?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [svg, setSvg] = useState('');
  const [error, setError] = useState<string | null>(null);

  // Redraw when the container's width changes by more than a few pixels.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => setWidth((w) => (Math.abs(element.clientWidth - w) > 4 ? element.clientWidth : w));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (width <= 0) return;
    let stale = false;
    charts().svg(spec, width, CHART_THEME).then(
      (markup) => {
        if (stale) return;
        setSvg(markup);
        setError(null);
      },
      (e: unknown) => !stale && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      stale = true;
    };
  }, [spec, width]);

  return (
    <div className="am-svg-chart" data-testid={testId ?? 'vega-chart'}>
      <div ref={container} dangerouslySetInnerHTML={{ __html: svg }} />
      {error && <pre className="am-error">Could not draw the chart: {error}</pre>}
    </div>
  );
}
