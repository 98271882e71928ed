// Draws a vega-lite spec with vega-embed. Expressions go through vega-interpreter (ast: true),
// so charts render under the app's CSP, which forbids 'unsafe-eval'.
import { useEffect, useRef, useState } from 'react';

type VegaSpec = Record<string, unknown>;

const CONFIG = {
  font: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  background: 'transparent',
  view: { stroke: '#e6e8eb' },
  axis: { labelColor: '#4b5563', titleColor: '#1f2937', gridColor: '#eef0f3', domainColor: '#c9ced6', tickColor: '#c9ced6', labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600 },
  legend: { labelColor: '#4b5563', titleColor: '#1f2937', labelFontSize: 11, titleFontSize: 12 },
  title: { color: '#111827', fontSize: 14, fontWeight: 600, anchor: 'start', offset: 12 },
  range: { category: ['#2563eb', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16', '#64748b', '#f97316'] },
  bar: { color: '#2563eb' },
  line: { color: '#2563eb' },
  point: { color: '#2563eb' },
  area: { color: '#2563eb' },
};

export function VegaChart({ spec }: { spec: VegaSpec }) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let finalize: (() => void) | undefined;
    let cancelled = false;
    setError(null);
    void (async () => {
      try {
        const [{ default: embed }, { expressionInterpreter }] = await Promise.all([import('vega-embed'), import('vega-interpreter')]);
        if (cancelled || !container.current) return;
        const withConfig = { ...spec, config: { ...CONFIG, ...(spec.config as object | undefined) } };
        const result = await embed(container.current, withConfig as never, {
          ast: true,
          expr: expressionInterpreter,
          renderer: 'svg',
          actions: { export: true, source: false, compiled: false, editor: false },
          mode: 'vega-lite',
        });
        if (cancelled) result.finalize();
        else finalize = () => result.finalize();
      } catch (caught) {
        if (!cancelled) setError(caught instanceof Error ? caught.message : String(caught));
      }
    })();
    return () => {
      cancelled = true;
      finalize?.();
    };
  }, [spec]);

  return (
    <div className="nb-vega-chart" data-testid="vega-chart">
      <div ref={container} />
      {error && <pre className="nb-output-error">Could not draw the chart: {error}</pre>}
    </div>
  );
}
