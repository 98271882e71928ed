// How values look in cell outputs: a short readable text for any value (a light util.inspect)
// and text + HTML for tables (HTML escaped here, so the renderer never sees raw user markup).
import type { MimeBundle } from '../../shared/runner/outputs';
import { MIME_HTML, MIME_PLAIN } from '../../shared/runner/outputs';
import { escapeHtml } from '../../shared/escape-html';

/** The part of an arquero table the formatter needs (kept structural so tests can fake it). */
export interface TableLike {
  numRows(): number;
  columnNames(): string[];
  objects(options?: { limit?: number }): object[];
}

export function isTableLike(value: unknown): value is TableLike {
  const candidate = value as Partial<TableLike> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.numRows === 'function' &&
    typeof candidate.columnNames === 'function' &&
    typeof candidate.objects === 'function'
  );
}

const MAX_ITEMS = 100;
const MAX_DEPTH = 4;
const MAX_STRING = 10_000;

/** A readable one-value text: strings quoted inside structures, bare at top level if `bare`. */
export function formatValue(value: unknown, bare = false): string {
  if (typeof value === 'string') return bare ? value : quote(value);
  return inspect(value, 0, new Set());
}

function quote(text: string): string {
  const clipped = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
  return `'${clipped.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function inspect(value: unknown, depth: number, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return quote(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function${value.name ? `: ${value.name}` : ' (anonymous)'}]`;
  }
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (object instanceof Error) return `${object.name}: ${object.message}`;
  if (object instanceof RegExp) return String(object);
  if (isTableLike(object)) return `Table (${object.numRows()} rows × ${object.columnNames().length} columns)`;
  if (depth >= MAX_DEPTH) return Array.isArray(object) ? '[Array]' : '[Object]';
  seen.add(object);
  try {
    if (Array.isArray(object) || ArrayBuffer.isView(object)) {
      const items = Array.from(object as ArrayLike<unknown>);
      const prefix = Array.isArray(object) ? '' : `${object.constructor.name}(${items.length}) `;
      return prefix + list(items.slice(0, MAX_ITEMS).map((item) => inspect(item, depth + 1, seen)), items.length, '[', ']');
    }
    if (object instanceof Map) {
      const entries = [...object.entries()];
      const parts = entries.slice(0, MAX_ITEMS).map(([k, v]) => `${inspect(k, depth + 1, seen)} => ${inspect(v, depth + 1, seen)}`);
      return `Map(${object.size}) ${list(parts, entries.length, '{', '}')}`;
    }
    if (object instanceof Set) {
      const items = [...object];
      return `Set(${object.size}) ${list(items.slice(0, MAX_ITEMS).map((item) => inspect(item, depth + 1, seen)), items.length, '{', '}')}`;
    }
    const keys = Object.keys(object);
    const parts = keys
      .slice(0, MAX_ITEMS)
      .map((key) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key)}: ${inspect((object as Record<string, unknown>)[key], depth + 1, seen)}`);
    const name = object.constructor && object.constructor !== Object ? `${object.constructor.name} ` : '';
    return name + list(parts, keys.length, '{', '}');
  } finally {
    seen.delete(object);
  }
}

function list(parts: string[], total: number, open: string, close: string): string {
  if (total > parts.length) parts.push(`… ${total - parts.length} more`);
  if (parts.length === 0) return open + close;
  const oneLine = `${open} ${parts.join(', ')} ${close}`;
  if (oneLine.length <= 80 && !oneLine.includes('\n')) return oneLine;
  return `${open}\n${parts.map((part) => `  ${part.replace(/\n/g, '\n  ')}`).join(',\n')}\n${close}`;
}

/** A table cell as display text; null means missing. */
export function formatCell(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return null;
    if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
    return String(Number(value.toPrecision(6)));
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof value === 'string') return value;
  return inspect(value, MAX_DEPTH - 1, new Set());
}

/** A table as text/plain (fixed-width) and text/html (escaped, Jupyter's `dataframe` class). */
export function tableBundle(table: TableLike, limit = 20): MimeBundle {
  const names = table.columnNames();
  const rowCount = table.numRows();
  const rows = table.objects({ limit }) as Record<string, unknown>[];
  const cells = rows.map((row) => names.map((name) => formatCell(row[name])));
  const caption = `${rowCount.toLocaleString('en-US')} rows × ${names.length} columns${rowCount > rows.length ? ` (first ${rows.length} shown)` : ''}`;

  const head = `<thead><tr><th></th>${names.map((name) => `<th>${escapeHtml(name)}</th>`).join('')}</tr></thead>`;
  const body = cells
    .map(
      (row, i) =>
        `<tr><th>${i}</th>${row
          .map((cell, j) => {
            const numeric = typeof rows[i][names[j]] === 'number';
            if (cell === null) return '<td class="missing">null</td>';
            return numeric ? `<td class="num">${escapeHtml(cell)}</td>` : `<td>${escapeHtml(cell)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  const html = `<table class="dataframe">${head}<tbody>${body}</tbody></table><p class="dataframe-caption">${escapeHtml(caption)}</p>`;

  const textRows = [names, ...cells.map((row) => row.map((cell) => cell ?? 'null'))];
  const widths = names.map((_, j) => Math.min(30, Math.max(...textRows.map((row) => row[j].length))));
  const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  const text = [...textRows.map((row) => row.map((cell, j) => clip(cell, widths[j])).join('  ').trimEnd()), caption].join('\n');
  return { [MIME_PLAIN]: text, [MIME_HTML]: html };
}
