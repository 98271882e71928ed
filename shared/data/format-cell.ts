// Display text for one cell, computed in the data worker so the main thread only lays out text.
import type { Column } from '../../kernels/table/types';

/** Numbers as a reader expects them: integers exact, others to 6 significant digits. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : value.toExponential(6);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e15)) return value.toExponential(4);
  return String(Number(value.toPrecision(6)));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  const seconds = d.getUTCMilliseconds() === 0 ? pad(d.getUTCSeconds()) : `${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return `${formatDate(epochMs)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${seconds}`;
}

/** A function giving the display text of row `i` of `column` (null when missing). */
export function cellFormatter(column: Column): (row: number) => string | null {
  if (column.storage === 'string') {
    const values = column.values;
    return (row) => values[row] ?? null;
  }
  const values = column.values;
  const format = numericFormat(column);
  return (row) => {
    const value = values[row];
    return Number.isNaN(value) ? null : format(value);
  };
}

function numericFormat(column: Column & { storage: 'numeric' }): (value: number) => string {
  switch (column.type) {
    case 'boolean': {
      const labels = column.labels ?? ['false', 'true'];
      return (value) => (value ? labels[1] : labels[0]);
    }
    case 'date':
      return formatDate;
    case 'datetime':
      return formatDateTime;
    default:
      return formatNumber;
  }
}
