// Reads what the user typed in a column's filter box. Numbers and dates take ranges
// ("10..20", "10..", "..20", ">=10", "<=20", ">10", "<20") or an exact value ("=5" or just "5"); text takes a
// substring ("yes") or an exact value ("=Yes").
import type { ColumnType } from '../../kernels/table/types';
import type { ColumnFilter } from '../../shared/data/protocol';

export interface ParsedFilter {
  filter?: ColumnFilter;
  error?: string;
}

/** How to write a filter for this column (the tooltip of its filter box). */
export function filterHint(type: ColumnType, storage: 'numeric' | 'string'): string {
  if (storage === 'string') return 'text it contains, or =value for an exact match';
  if (type === 'boolean') return 'true or false';
  if (type === 'date' || type === 'datetime') return 'a date, or a range: 2020-01-01..2020-12-31, >2020-01-01, <=2020-12-31';
  return 'a value (5 or =5), or a range: 10..20, >10, >=10, <20, <=20';
}

/** The short example shown in an empty filter box. */
export function filterPlaceholder(type: ColumnType, storage: 'numeric' | 'string'): string {
  if (storage === 'string') return 'contains…';
  if (type === 'boolean') return 'true / false';
  if (type === 'date' || type === 'datetime') return 'from..to';
  return 'min..max';
}

export function parseFilter(column: string, type: ColumnType, storage: 'numeric' | 'string', input: string): ParsedFilter {
  const text = input.trim();
  if (text === '') return {};
  if (storage === 'string' || type === 'boolean') {
    if (text.startsWith('=')) return { filter: { column, kind: 'equals', value: text.slice(1) } };
    return { filter: type === 'boolean' ? { column, kind: 'equals', value: text } : { column, kind: 'contains', text } };
  }
  const isDate = type === 'date' || type === 'datetime';
  const read = (s: string): number | undefined => {
    const t = s.trim();
    if (t === '') return undefined;
    const value = isDate ? Date.parse(t) : Number(t);
    return Number.isNaN(value) ? NaN : value;
  };
  const invalid = (part: string): ParsedFilter => ({
    error: `"${part.trim()}" is not ${isDate ? 'a date' : 'a number'}; filter with ${filterHint(type, storage)}`,
  });

  let min: number | undefined;
  let max: number | undefined;
  let exclusive = false;
  if (text.includes('..')) {
    const [lo, hi] = text.split('..', 2);
    min = read(lo);
    max = read(hi);
    if (Number.isNaN(min)) return invalid(lo);
    if (Number.isNaN(max)) return invalid(hi);
    if (min === undefined && max === undefined) return { error: 'give at least one end of the range, e.g. 10..' };
  } else if (text.startsWith('>') || text.startsWith('<')) {
    const inclusive = text[1] === '=';
    const rest = text.slice(inclusive ? 2 : 1);
    const value = read(rest);
    if (value === undefined || Number.isNaN(value)) return invalid(rest);
    exclusive = !inclusive;
    if (text.startsWith('>')) min = value;
    else max = value;
  } else {
    const exact = text.startsWith('=') ? text.slice(1) : text;
    if (isDate) {
      if (Number.isNaN(Date.parse(exact.trim()))) return invalid(exact);
      return { filter: { column, kind: 'contains', text: exact.trim() } };
    }
    const value = read(exact);
    if (value === undefined || Number.isNaN(value)) return invalid(exact);
    return { filter: { column, kind: 'equals', value: String(value) } };
  }
  if (min !== undefined && max !== undefined && min > max) return { error: `the range is empty: ${text}` };
  return {
    filter: {
      column, kind: 'range',
      ...(min !== undefined ? { min, ...(exclusive ? { minExclusive: true } : {}) } : {}),
      ...(max !== undefined ? { max, ...(exclusive ? { maxExclusive: true } : {}) } : {}),
    },
  };
}
