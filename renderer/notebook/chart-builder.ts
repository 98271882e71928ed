// The chart builder's choices (table, mark, x, y, color, aggregate) as a vega-lite spec. The
// spec names no data: the runner puts the table's rows (or their aggregate) in when it draws.
import type { ChartBuilderState } from './model';

export interface BuilderColumn {
  name: string;
  type: string;
}

export const MARKS = ['bar', 'line', 'point', 'area', 'tick', 'circle', 'rect'] as const;
export const AGGREGATES = ['', 'count', 'sum', 'mean', 'median', 'min', 'max'] as const;

/** vega-lite's measurement type for a Tourney column type. */
export function encodingType(columnType: string | undefined): 'quantitative' | 'temporal' | 'nominal' {
  if (columnType === 'integer' || columnType === 'number') return 'quantitative';
  if (columnType === 'date' || columnType === 'datetime') return 'temporal';
  return 'nominal';
}

export function defaultBuilder(columns: readonly BuilderColumn[]): ChartBuilderState {
  const nominal = columns.find((c) => encodingType(c.type) === 'nominal' && c.type !== 'id' && c.type !== 'text');
  return { mark: 'bar', x: nominal?.name ?? columns[0]?.name, aggregate: 'count' };
}

export function builderSpec(builder: ChartBuilderState, columns: readonly BuilderColumn[]): Record<string, unknown> {
  const typeOf = (name: string) => encodingType(columns.find((c) => c.name === name)?.type);
  const encoding: Record<string, unknown> = {};
  if (builder.x) encoding.x = { field: builder.x, type: typeOf(builder.x) };
  if (builder.aggregate === 'count') {
    encoding.y = { aggregate: 'count', type: 'quantitative', title: 'Count' };
  } else if (builder.y && builder.aggregate) {
    encoding.y = { field: builder.y, aggregate: builder.aggregate, type: 'quantitative' };
  } else if (builder.y) {
    encoding.y = { field: builder.y, type: typeOf(builder.y) };
  }
  if (builder.color) encoding.color = { field: builder.color, type: typeOf(builder.color) };
  const xType = builder.x ? typeOf(builder.x) : undefined;
  if (builder.aggregate && xType === 'nominal' && builder.mark === 'bar') {
    (encoding.x as Record<string, unknown>).sort = '-y';
  }
  return { width: 'container', height: 280, mark: { type: builder.mark, tooltip: true }, encoding };
}

export function specText(spec: unknown): string {
  return JSON.stringify(spec, null, 2);
}
