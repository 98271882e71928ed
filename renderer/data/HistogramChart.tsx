// The column's distribution as a vega-lite chart. Rendered with vega-embed in AST mode through
// vega-interpreter, so it works under a Content-Security-Policy without 'unsafe-eval' (Electron).
import { useEffect, useRef, useState } from 'react';
import type { ProfileView } from './profile-view';
import { distributionSpec } from './distribution-spec';

export function HistogramChart({ profile }: { profile: ProfileView }) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  // A skewed column opens on the log scale (on a linear one it is one tall bar); either is a click away.
  const [log, setLog] = useState(true);
  const spec = distributionSpec(profile, undefined, { log });

  useEffect(() => {
    const element = host.current;
    if (!element || !spec) return;
    let finalize: (() => void) | undefined;
    let cancelled = false;
    // Loaded on first use: the chart libraries stay out of the startup bundle.
    void Promise.all([import('vega-embed'), import('vega-interpreter')])
      .then(async ([{ default: embed }, { expressionInterpreter }]) => {
        if (cancelled) return;
        const result = await embed(element, spec, { actions: false, renderer: 'svg', ast: true, expr: expressionInterpreter });
        if (cancelled) result.finalize();
        else finalize = () => result.finalize();
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      finalize?.();
    };
    // The spec is derived from the profile and the scale alone: re-render when they change.
  }, [profile, log]);

  if (!spec) return <p className="td-muted">No values to chart.</p>;
  if (error) return <p className="td-error-text">Chart unavailable: {error}</p>;
  return (
    <>
      {profile.logHistogram && (
        <label className="td-log-toggle">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} data-testid="data-profile-log" /> log scale (the values are skewed)
        </label>
      )}
      <div ref={host} className="td-chart" data-testid="data-profile-chart" />
    </>
  );
}
