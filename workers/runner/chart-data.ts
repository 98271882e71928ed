// Puts a table's data into a vega-lite spec inside the worker, so the page only draws. Simple
// aggregates (a bar of mean y per x) are computed here over ALL rows with arquero and the spec
// is rewritten to plot the result; anything else gets the raw fields it uses, capped.
import { op } from 'arquero';
import type { ColumnTable } from 'arquero';

export type VegaLiteSpec = Record<string, unknown>;

export interface MaterializedChart {
  spec: VegaLiteSpec;
  /** Set when the chart shows less than the whole table. */
  note?: string;
}

interface FieldDef {
  field?: string;
  aggregate?: string;
  bin?: unknown;
  timeUnit?: unknown;
  title?: unknown;
  [key: string]: unknown;
}

export const MAX_CHART_ROWS = 20_000;

const AGGREGATE_TITLES: Record<string, string> = {
  count: 'Count of records',
  sum: 'Sum',
  mean: 'Mean',
  average: 'Mean',
  median: 'Median',
  min: 'Min',
  max: 'Max',
  distinct: 'Distinct',
};

function aggregateExpression(aggregate: string, field: string | undefined): unknown {
  if (aggregate === 'count') return op.count();
  if (field === undefined) return null;
  switch (aggregate) {
    case 'sum':
      return op.sum(field);
    case 'mean':
    case 'average':
      return op.mean(field);
    case 'median':
      return op.median(field);
    case 'min':
      return op.min(field);
    case 'max':
      return op.max(field);
    case 'distinct':
      return op.distinct(field);
    default:
      return null;
  }
}

/** Every `field` a spec refers to, anywhere in it. */
export function fieldsUsed(spec: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(spec)) {
    for (const item of spec) fieldsUsed(item, out);
  } else if (spec && typeof spec === 'object') {
    for (const [key, value] of Object.entries(spec)) {
      if (key === 'data') continue;
      if (key === 'field' && typeof value === 'string') out.add(value);
      else if ((key === 'groupby' || key === 'fields') && Array.isArray(value)) {
        for (const item of value) if (typeof item === 'string') out.add(item);
      } else fieldsUsed(value, out);
    }
  }
  return out;
}

/** The spec with `data.values` from `table`, aggregated in the worker when that is exact. */
export function materializeChart(spec: VegaLiteSpec, table: ColumnTable, maxRows = MAX_CHART_ROWS): MaterializedChart {
  const pushed = pushDownAggregates(spec, table);
  if (pushed) return pushed;

  const known = new Set(table.columnNames());
  const used = [...fieldsUsed(spec)].filter((name) => known.has(name));
  const selected = used.length > 0 ? table.select(used) : table;
  const values = selected.objects({ limit: maxRows });
  const rowCount = table.numRows();
  const note = rowCount > maxRows ? `Showing the first ${maxRows.toLocaleString('en-US')} of ${rowCount.toLocaleString('en-US')} rows` : undefined;
  return { spec: { ...spec, data: { values } }, note };
}

function pushDownAggregates(spec: VegaLiteSpec, table: ColumnTable): MaterializedChart | null {
  const encoding = spec.encoding as Record<string, FieldDef> | undefined;
  if (!encoding || spec.transform || spec.layer || spec.facet || spec.repeat || spec.concat) return null;
  const channels = Object.entries(encoding).filter(([, def]) => def && typeof def === 'object' && (def.field || def.aggregate));
  if (!channels.some(([, def]) => def.aggregate)) return null;
  if (channels.some(([, def]) => def.bin || def.timeUnit || Array.isArray(def))) return null;

  const known = new Set(table.columnNames());
  const groupby: string[] = [];
  const rollups: Record<string, unknown> = {};
  const rewritten: Record<string, unknown> = { ...encoding };
  for (const [channel, def] of channels) {
    if (!def.aggregate) {
      if (!def.field || !known.has(def.field)) return null;
      if (!groupby.includes(def.field)) groupby.push(def.field);
      continue;
    }
    if (def.field !== undefined && !known.has(def.field)) return null;
    const expression = aggregateExpression(def.aggregate, def.field);
    if (expression === null) return null;
    const as = def.aggregate === 'count' ? '__count' : `__${def.aggregate}_${String(def.field).replace(/\W/g, '_')}`;
    rollups[as] = expression;
    const { aggregate: _aggregate, ...rest } = def;
    const title = def.title ?? (def.aggregate === 'count' ? AGGREGATE_TITLES.count : `${AGGREGATE_TITLES[def.aggregate]} of ${def.field}`);
    rewritten[channel] = { ...rest, field: as, title, type: def.type ?? 'quantitative' };
  }
  const grouped = groupby.length > 0 ? table.groupby(groupby) : table;
  const values = grouped.rollup(rollups as Parameters<ColumnTable["rollup"]>[0]).objects();
  return { spec: { ...spec, encoding: rewritten, data: { values } } };
}
