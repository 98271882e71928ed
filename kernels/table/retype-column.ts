// User type overrides: convert one column to another type, or say clearly why it cannot be.
import { DataError, type Column, type ColumnType, type DataTable } from './types';
import { parseNumberText } from './parse-number';
import { formatDate, parseDate, slashedDayOrder, type DayOrder } from './parse-date';
import { isMissingText } from './missing';
import { COLUMN_TYPES } from './types';

const TRUE_WORDS = new Set(['true', 'yes', 'y', 't', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'f', '0', 'off']);

/** The text of every cell (null for missing), whatever the storage. */
export function cellTexts(column: Column): (string | null)[] {
  if (column.storage === 'string') return column.values;
  const { values, type } = column;
  const out = new Array<string | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) out[i] = null;
    else if (type === 'boolean') out[i] = column.labels ? column.labels[v ? 1 : 0] : v ? 'true' : 'false';
    else if (type === 'date' || type === 'datetime') out[i] = formatDate(v, type === 'datetime');
    else out[i] = String(v);
  }
  return out;
}

/** Returns a new table whose column `name` has type `type`; throws a DataError naming a bad value when impossible. */
export function retypeColumn(table: DataTable, name: string, type: ColumnType): DataTable {
  const index = table.columns.findIndex((c) => c.name === name);
  if (index < 0) throw new DataError(`no column named '${name}' in ${table.name}`, { column: name });
  const columns = table.columns.slice();
  columns[index] = convertColumn(table.columns[index], type);
  return { ...table, columns };
}

function fail(column: Column, type: ColumnType, bad: number, total: number, row: number, value: string, why: string): never {
  throw new DataError(
    `cannot make column '${column.name}' ${type}: ${bad} of ${total} values ${why}, e.g. "${value}" (row ${row + 1})`,
    { column: column.name },
  );
}

/** Converts a column to `type`. */
export function convertColumn(column: Column, type: ColumnType): Column {
  if (!COLUMN_TYPES.includes(type)) throw new DataError(`unknown column type '${type}' (one of ${COLUMN_TYPES.join(', ')})`, { column: column.name });
  if (column.type === type) return column;
  const { name } = column;
  const texts = cellTexts(column);
  const n = texts.length;
  const nonMissing = texts.reduce((k, t) => (t === null || isMissingText(t) ? k : k + 1), 0);

  if (type === 'integer' || type === 'number') {
    const numeric = column.storage === 'numeric' && column.type !== 'date' && column.type !== 'datetime' ? column.values : null;
    const { values, bad, firstBad } = parseCells(texts, (t, i) => {
      const v = numeric ? numeric[i] : parseNumberText(t);
      return v === undefined || (type === 'integer' && !Number.isInteger(v)) ? undefined : v;
    });
    if (bad > 0) fail(column, type, bad, nonMissing, firstBad, texts[firstBad]!, type === 'integer' ? 'are not whole numbers' : 'are not numbers');
    return { name, type, storage: 'numeric', values };
  }

  if (type === 'boolean') {
    const distinct = [...new Set(texts.filter((t): t is string => t !== null && !isMissingText(t)))];
    let falseLabel: string | undefined;
    let trueLabel: string | undefined;
    const known = distinct.every((t) => {
      const w = t.trim().toLowerCase();
      if (TRUE_WORDS.has(w)) { trueLabel ??= t; return true; }
      if (FALSE_WORDS.has(w)) { falseLabel ??= t; return true; }
      return false;
    });
    if (!known) {
      if (distinct.length > 2) {
        const row = texts.indexOf(distinct[2]);
        fail(column, type, distinct.length, distinct.length, row, distinct[2], 'are distinct (a boolean has two)');
      }
      [falseLabel, trueLabel] = distinct.sort();
    }
    const labels: [string, string] = [falseLabel ?? 'false', trueLabel ?? 'true'];
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const t = texts[i];
      values[i] = t === null || isMissingText(t) ? NaN : known ? (TRUE_WORDS.has(t.trim().toLowerCase()) ? 1 : 0) : t === labels[1] ? 1 : 0;
    }
    return { name, type, storage: 'numeric', values, labels };
  }

  if (type === 'date' || type === 'datetime') {
    if (column.type === 'date' || column.type === 'datetime') return { name, type, storage: 'numeric', values: (column as { values: Float64Array }).values };
    let order: DayOrder = 'mdy';
    for (const t of texts) {
      const forced = t === null ? undefined : slashedDayOrder(t);
      if (forced) { order = forced; break; }
    }
    const { values, bad, firstBad } = parseCells(texts, (t) => parseDate(t, order)?.ms);
    if (bad > 0) fail(column, type, bad, nonMissing, firstBad, texts[firstBad]!, 'are not dates');
    return { name, type, storage: 'numeric', values };
  }

  if (type === 'empty' && nonMissing > 0) {
    const row = texts.findIndex((t) => t !== null && !isMissingText(t));
    fail(column, type, nonMissing, n, row, texts[row]!, 'are present');
  }
  if (type === 'constant') {
    const distinct = new Set(texts.filter((t) => t !== null));
    if (distinct.size > 1) {
      const [a, b] = [...distinct];
      fail(column, type, distinct.size, distinct.size, texts.indexOf(b), `${a}" and "${b}`, 'are distinct');
    }
  }
  return { name, type, storage: 'string', values: texts.map((t) => (t === null || isMissingText(t) ? null : t)) };
}

/**
 * Parses every present cell with `parse` (undefined: not a valid value); missing cells become
 * NaN. Counts the cells that did not parse and finds the first, for the error message.
 */
function parseCells(texts: (string | null)[], parse: (text: string, row: number) => number | undefined): { values: Float64Array; bad: number; firstBad: number } {
  const values = new Float64Array(texts.length);
  let bad = 0;
  let firstBad = -1;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    const v = t === null || isMissingText(t) ? NaN : parse(t, i);
    if (v === undefined) {
      bad++;
      if (firstBad < 0) firstBad = i;
      values[i] = NaN;
    } else values[i] = v;
  }
  return { values, bad, firstBad };
}
