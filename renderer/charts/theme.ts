// The app's vega-lite chart theme, one place for every chart drawn in the renderer: notebook
// chart outputs (cells/VegaChart, drawn with vega-embed) and the AutoML view's charts
// (automl/SvgChart, drawn to SVG in the chart worker) must look the same.

type VegaSpec = Record<string, unknown>;

export const CHART_THEME = {
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

/** The spec with the theme as its config; settings the spec's own config names win. */
export function withChartTheme(spec: VegaSpec): VegaSpec {
  return { ...spec, config: { ...CHART_THEME, ...(spec.config as object | undefined) } };
}
