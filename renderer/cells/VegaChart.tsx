// Draws a vega-lite spec with vega-embed. Expressions go through vega-interpreter (ast: true),
// so charts render under the app's CSP, which forbids 'unsafe-eval'.
import { useEffect, useRef, useState } from 'react';
import { withChartTheme } from '../charts/theme';

type VegaSpec = Record<string, unknown>;

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
        const withConfig = withChartTheme(spec);
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
