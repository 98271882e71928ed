import type { RowQuery } from './protocol';

/** A stable key for a query: filter order does not matter. */
export function queryKey(query: RowQuery): string {
  const filters = (query.filters ?? [])
    .map((f) => JSON.stringify(f, Object.keys(f).sort()))
    .sort();
  const sort = query.sort ? `${query.sort.column}:${query.sort.descending ? 'desc' : 'asc'}` : '';
  return `${sort}|${filters.join(',')}`;
}
