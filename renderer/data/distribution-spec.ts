// Vega-lite specs for a column's distribution: a histogram of pre-binned counts for numbers and
// dates, a bar chart of the most frequent values otherwise. The data worker already binned and
// counted; the chart only draws.
import type { Config, TopLevelSpec } from 'vega-lite';
import type { ProfileView } from './profile-view';

const ACCENT = '#4c6ef5';
const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const config: Config = {
  font: FONT,
  view: { stroke: null },
  axis: { labelColor: '#5c6370', titleColor: '#3b4049', gridColor: '#eceef2', domainColor: '#c9ced6', tickColor: '#c9ced6', labelFontSize: 10, titleFontSize: 11, titleFontWeight: 500 },
};

/** Ticks for a log axis: 0, 1, 10, 100, … up to `max`. */
function powersOfTen(max: number): number[] {
  const ticks = [0];
  for (let p = 1; p <= max; p *= 10) ticks.push(p);
  return ticks;
}

/** Counts as "1,234" while small, "12k" once they are not. */
function countFormat(counts: number[]): string {
  return Math.max(0, ...counts) < 10_000 ? ',d' : '~s';
}

/**
 * `log`: draw a skewed column's log-scale bins (profile.logHistogram) on a symlog axis, so a long
 * tail does not collapse the histogram into one bar.
 */
export function distributionSpec(profile: ProfileView, width = 280, options: { log?: boolean } = {}): TopLevelSpec | undefined {
  if (profile.histogram && profile.histogram.length > 0) {
    const lengths = profile.histogramOf === 'length';
    const temporal = !lengths && (profile.type === 'date' || profile.type === 'datetime');
    const log = !!options.log && !!profile.logHistogram;
    const bins = log ? profile.logHistogram! : profile.histogram;
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width,
      height: 150,
      data: { values: bins.map((bin) => ({ ...bin })) },
      mark: { type: 'bar', color: ACCENT, binSpacing: 1, tooltip: true },
      encoding: {
        x: {
          field: 'x0', type: temporal ? 'temporal' : 'quantitative', bin: { binned: true },
          title: lengths ? `${profile.name} (text length)` : log ? `${profile.name} (log scale)` : profile.name,
          // A symlog axis formats its ticks with one shared precision (1 and 10 read "0k", or 1e+1):
          // each power of ten is labelled on its own instead.
          axis: {
            labelOverlap: true, format: temporal ? undefined : '~s',
            ...(log ? { values: powersOfTen(bins[bins.length - 1].x1), labelExpr: "format(datum.value, '~s')" } : {}),
          },
          ...(log ? { scale: { type: 'symlog' } } : {}),
        },
        x2: { field: 'x1' },
        y: { field: 'count', type: 'quantitative', title: 'rows', axis: { format: countFormat(profile.histogram.map((b) => b.count)), tickCount: 4 } },
      },
      config,
    };
  }
  if (profile.topValues && profile.topValues.length > 0) {
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width,
      height: { step: 18 },
      data: { values: profile.topValues.map((v) => ({ value: v.value, count: v.count })) },
      mark: { type: 'bar', color: ACCENT, tooltip: true },
      encoding: {
        y: { field: 'value', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 110 } },
        x: { field: 'count', type: 'quantitative', title: 'rows', axis: { format: countFormat(profile.topValues.map((v) => v.count)), tickCount: 4 } },
      },
      config,
    };
  }
  return undefined;
}
