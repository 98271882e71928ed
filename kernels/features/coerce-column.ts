// Scoring-time robustness: a fitted pipeline wants each input as numbers or as text, whatever the
// scoring file's reader made of it. A column that is missing becomes all-missing; numbers that
// arrive as text ("1,234", "$5", "12%", "yes") are parsed; text that arrives as numbers is printed.
import type { Column, ColumnType } from '../table/types';

const TRUE_WORDS = new Set(['true', 'yes', 'y', 't', '1', 'ja', 'sí', 'si', 'oui', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'f', '0', 'nein', 'non', 'off']);
const NUMBER_NOISE = /[\s$€£¥%,_']/g;

/** A number from a cell's text, NaN when it isn't one. */
export function parseNumberCell(text: string, type: ColumnType): number {
  const t = text.trim();
  if (t === '') return NaN;
  if (type === 'date' || type === 'datetime') {
    const asNumber = Number(t);
    if (Number.isFinite(asNumber) && /^-?\d{9,}$/.test(t)) return asNumber; // epoch ms
    return Date.parse(t);
  }
  if (type === 'boolean') {
    const lower = t.toLowerCase();
    if (TRUE_WORDS.has(lower)) return 1;
    if (FALSE_WORDS.has(lower)) return 0;
  }
  const negative = /^\(.*\)$/.test(t); // accounting negatives: (1,200)
  const v = Number((negative ? t.slice(1, -1) : t).replace(NUMBER_NOISE, ''));
  return Number.isFinite(v) ? (negative ? -v : v) : NaN;
}

/** Column values as numbers (NaN missing), parsing text if needed. */
export function numericValues(column: Column | undefined, nRows: number, type: ColumnType): Float64Array {
  if (!column) return new Float64Array(nRows).fill(NaN);
  if (column.storage === 'numeric') return column.values;
  const out = new Float64Array(nRows);
  const cache = new Map<string, number>();
  for (let i = 0; i < nRows; i++) {
    const s = column.values[i];
    if (s == null) { out[i] = NaN; continue; }
    let v = cache.get(s);
    if (v === undefined) {
      v = parseNumberCell(s, type);
      if (cache.size < 100_000) cache.set(s, v);
    }
    out[i] = v;
  }
  return out;
}

/** Column values as text (null missing), printing numbers if needed. */
export function stringValues(column: Column | undefined, nRows: number): (string | null)[] {
  if (!column) return new Array<string | null>(nRows).fill(null);
  if (column.storage === 'string') return column.values;
  const out = new Array<string | null>(nRows);
  const labels = column.labels;
  for (let i = 0; i < nRows; i++) {
    const v = column.values[i];
    if (Number.isNaN(v)) out[i] = null;
    else if (labels && (v === 0 || v === 1)) out[i] = labels[v];
    else if ((column.type === 'date' || column.type === 'datetime') && Number.isFinite(v)) {
      out[i] = new Date(v).toISOString().slice(0, column.type === 'date' ? 10 : 19);
    } else out[i] = String(v);
  }
  return out;
}

/** Missing cells: null text, NaN numbers, blank text (a blank field is an empty field). */
export function isMissingCell(column: Column, i: number): boolean {
  if (column.storage === 'numeric') return Number.isNaN(column.values[i]);
  const s = column.values[i];
  return s == null || s.trim() === '';
}
