// Column type inference: one ColumnType per column, the one a data scientist would pick.
//
// Numbers (the CSV reader parses them straight from bytes):
//   all missing → empty; one distinct value → constant; unique integers named like an id
//   (`id`, `customer_id`, `userId`, …) or equal to the row number → id; integers → integer
//   (few distinct values stay integer: 0/1 flags and counts are numbers, not categories);
//   anything written with a fraction or exponent → number.
// Strings, checked in this order on the distinct values:
//   empty, constant; true/false words → boolean (Yes/No and Y/N stay categorical: they are
//   usually class labels such as telco `churn`); every value a date → date or datetime;
//   ≥ 95% numbers and at most 3 distinct other tokens ("?", "-") → number, those tokens missing;
//   ≥ 80% emails / URLs / phone numbers → email / url / phone (a few malformed entries allowed);
//   unique short tokens (or near-unique with an id-like name) → id; many words or near-unique
//   phrases → text; everything else → categorical.
import type { Column, ColumnType, NumericColumn, StringColumn } from './types';
import { distinctNumbers } from './distinct-numbers';
import { detectNumberConvention, isFractionalText, looksLocalizedNumber, parseNumberText, parseNumberWith, type NumberConvention } from './parse-number';
import { dateParse, formatDate, parseDate, slashedDayOrder, type DateForm, type DayOrder } from './parse-date';
import { rememberStringStats, stringStats, type StringStats } from './string-stats';

/** Share of values that must match a pattern type (email, url, phone). */
const PATTERN_SHARE = 0.8;
/** Distinct values examined for pattern types and word counts on very high-cardinality columns. */
const SAMPLE_UNIQUES = 5000;
/** Rows needed before uniqueness alone (without an id-like name) makes a string column an id. */
const MIN_ROWS_FOR_UNIQUE_ID = 20;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL = /^(?:(?:https?|ftp):\/\/[^\s]+|www\.[^\s.]+\.[^\s]+)$/i;
const PHONE = /^\+?[\d\s().-]{7,24}(?:\s*(?:x|ext\.?)\s*\d{1,5})?$/i;
/** Date-shaped digit groups ("2024-02-30", "12.31.1999") are never phone numbers. */
const DATE_SHAPED = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
const WHITESPACE = /\s/;

/** Column names that announce an identifier: id, ID, customer_id, customerId, user-ID, uuid, key. */
export function isIdLikeName(name: string): boolean {
  const n = name.trim();
  return /^(?:id|ids|key|uuid|guid|index|idx|row_?(?:id|num|number)?)$/i.test(n)
    || /[_\s.-](?:id|uuid|guid|key|code|no)$/i.test(n)
    || /[a-z0-9](?:Id|ID|Uuid|UUID|Key)$/.test(n)
    || /^(?:id|uuid)[_\s.-]/i.test(n);
}

// ---------------------------------------------------------------------------------- numbers

export interface NumericFacts {
  nonMissing: number;
  allInteger: boolean;
  allEqual: boolean;
  /** Every value equals its row number (0- or 1-based): a saved row index. */
  isRowNumber: boolean;
}

export function numericFacts(values: Float64Array): NumericFacts {
  let nonMissing = 0;
  let allInteger = true;
  let allEqual = true;
  let first = NaN;
  let row0 = true;
  let row1 = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) { row0 = row1 = false; continue; }
    if (nonMissing === 0) first = v;
    else if (v !== first) allEqual = false;
    nonMissing++;
    if (allInteger && (Math.floor(v) !== v || Math.abs(v) > Number.MAX_SAFE_INTEGER)) allInteger = false;
    if (v !== i) row0 = false;
    if (v !== i + 1) row1 = false;
  }
  return { nonMissing, allInteger, allEqual, isRowNumber: (row0 || row1) && values.length >= MIN_ROWS_FOR_UNIQUE_ID };
}

/**
 * Type of a numeric column. `fractional` says whether any cell was written with a decimal point
 * or exponent ("3.0"): such a column is a real-valued number even when every value is whole.
 */
export function inferNumericType(name: string, values: Float64Array, fractional = false): ColumnType {
  const facts = numericFacts(values);
  if (facts.nonMissing === 0) return 'empty';
  if (facts.allEqual) return 'constant';
  if (!fractional && facts.allInteger) {
    if (facts.isRowNumber) return 'id';
    if (isIdLikeName(name) && facts.nonMissing === values.length && allDistinct(values)) return 'id';
    return 'integer';
  }
  return 'number';
}

/** No value repeats (ids are usually increasing, which answers without hashing). */
function allDistinct(values: Float64Array): boolean {
  let increasing = true;
  for (let i = 1; i < values.length && increasing; i++) if (!(values[i] > values[i - 1])) increasing = false;
  return increasing || distinctNumbers(values, values.length).size === values.length;
}

/** Builds the column for numeric values, applying the inferred type (ids and constants keep text). */
export function numericColumn(name: string, values: Float64Array, fractional = false): Column {
  const type = inferNumericType(name, values, fractional);
  if (type === 'integer' || type === 'number') return { name, type, storage: 'numeric', values };
  if (type === 'empty') return { name, type, storage: 'string', values: new Array<string | null>(values.length).fill(null) };
  return { name, type, storage: 'string', values: numbersToText(values, type as 'id' | 'constant') };
}

/** Builds a date or datetime column from epoch ms (a single distinct date is a constant). */
export function dateColumn(name: string, values: Float64Array, hasTime: boolean): Column {
  const facts = numericFacts(values);
  if (facts.nonMissing === 0) return { name, type: 'empty', storage: 'string', values: new Array<string | null>(values.length).fill(null) };
  if (facts.allEqual) {
    const text = formatDate(values.find((v) => v === v)!, hasTime);
    return { name, type: 'constant', storage: 'string', values: Array.from(values, (v) => (v === v ? text : null)) };
  }
  return { name, type: hasTime ? 'datetime' : 'date', storage: 'numeric', values };
}

/**
 * Cell texts of an id or constant column read as numbers. Their StringStats are known without
 * hashing (ids are all distinct, constants have one value), so they are remembered for profiles.
 */
function numbersToText(values: Float64Array, type: 'id' | 'constant'): (string | null)[] {
  return type === 'id' ? idsToText(values) : constantToText(values);
}

/** Ids are all distinct: each present row is a unique of its own (no pushes, no hashing — a million ids are common). */
function idsToText(values: Float64Array): (string | null)[] {
  const n = values.length;
  const out = new Array<string | null>(n);
  const codes = new Int32Array(n);
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) {
      out[i] = null;
      codes[i] = -1;
      missing++;
    } else {
      out[i] = String(v);
      codes[i] = i - missing;
    }
  }
  const uniques = (missing === 0 ? out.slice() : out.filter((t) => t !== null)) as string[];
  const counts = new Array<number>(uniques.length).fill(1);
  rememberStringStats({ values: out, codes, uniques, counts, missing });
  return out;
}

/** A constant: one unique, counted. */
function constantToText(values: Float64Array): (string | null)[] {
  const n = values.length;
  const out = new Array<string | null>(n);
  const codes = new Int32Array(n);
  const uniques: string[] = [];
  const counts: number[] = [];
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) {
      out[i] = null;
      codes[i] = -1;
      missing++;
    } else if (uniques.length === 1) {
      out[i] = uniques[0];
      counts[0]++;
    } else {
      out[i] = String(v);
      codes[i] = uniques.length;
      uniques.push(out[i]!);
      counts.push(1);
    }
  }
  rememberStringStats({ values: out, codes, uniques, counts, missing });
  return out;
}

// ---------------------------------------------------------------------------------- strings

/** What string inference decided, with what conversion needs. */
export interface StringInference {
  type: ColumnType;
  /** For date/datetime from slashed dates: the column's day order. */
  dayOrder?: DayOrder;
  /** For boolean: the texts meaning false and true, as written. */
  booleanLabels?: [string, string];
  /** For numbers with a few non-numeric tokens: the tokens read as missing. */
  missingTokens?: string[];
  /** For number vs integer from strings: any value written with a fraction. */
  fractional?: boolean;
  /** For numbers written with group separators or a decimal comma: how to read them. */
  numberConvention?: NumberConvention;
  /** What a person should know about the decision (without the column name). */
  note?: string;
}

/** Options of string inference: what the reader knows beyond the values. */
export interface StringInferenceOptions {
  numbersChecked?: boolean;
  /**
   * Never read a word in an otherwise numeric column as missing: such a column stays text, so a
   * caller that checks every cell (the scorer) refuses the word with its row instead.
   */
  strictNumbers?: boolean;
  /** The file's delimiter: a ';'-delimited file suggests ',' is the decimal mark. */
  delimiter?: string;
}

/** Indices of the uniques to examine: all of them, or an even spread of SAMPLE_UNIQUES. */
function sampleIndices(count: number): number[] {
  if (count <= SAMPLE_UNIQUES) return Array.from({ length: count }, (_, i) => i);
  const step = count / SAMPLE_UNIQUES;
  return Array.from({ length: SAMPLE_UNIQUES }, (_, i) => Math.floor(i * step));
}

function booleanLabels(uniques: string[]): [string, string] | undefined {
  let falseLabel: string | undefined;
  let trueLabel: string | undefined;
  for (const u of uniques) {
    const w = u.trim().toLowerCase();
    if (w === 'true') trueLabel ??= u;
    else if (w === 'false') falseLabel ??= u;
    else return undefined;
  }
  if (falseLabel === undefined || trueLabel === undefined) return undefined;
  return [falseLabel, trueLabel];
}

/** Share of distinct values that must be dates before a column that fails is noted as "almost dates". */
const ALMOST_DATES = 0.8;

/**
 * A date column: every distinct value a date in one of parseDate's forms (a column may mix
 * them). The order of slashed dates (`05/01/2024`) is decided for the whole column: a part above
 * 12 forces it; values that force both orders leave the column as text, with a note; when no
 * value forces it the column is read month first (as pandas and spreadsheets in the US do) and
 * a note says the order was a guess. A column that is almost all dates gets a note naming the
 * value that kept it from being parsed.
 */
function inferDates(uniques: string[]): StringInference | { note: string } | undefined {
  // Cheap rejection: a date column's first values parse in one order or the other.
  const head = Math.min(uniques.length, 8);
  let headDates = 0;
  for (let i = 0; i < head; i++) if (parseDate(uniques[i], 'mdy') || parseDate(uniques[i], 'dmy')) headDates++;
  if (headDates < head * 0.75) return undefined;
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  let slashed: string | undefined;
  for (const u of uniques) {
    const forced = slashedDayOrder(u);
    if (forced === 'dmy') dayFirst ??= u;
    else if (forced === 'mdy') monthFirst ??= u;
    else if (slashed === undefined && forced === undefined && SLASHED_SHAPE.test(u.trim())) slashed = u;
  }
  if (dayFirst !== undefined && monthFirst !== undefined) {
    return { note: `looks like dates but mixes day-first (${JSON.stringify(dayFirst)}) and month-first (${JSON.stringify(monthFirst)}) orders; left as text` };
  }
  const dayOrder: DayOrder = dayFirst !== undefined ? 'dmy' : 'mdy';
  let hasTime = false;
  let failed = 0;
  let firstFailure: string | undefined;
  const forms = new Set<DateForm>();
  for (const u of uniques) {
    const parsed = parseDate(u, dayOrder);
    if (!parsed) {
      failed++;
      firstFailure ??= u;
      if (failed > uniques.length * (1 - ALMOST_DATES)) return undefined;
      continue;
    }
    forms.add(dateParse.form);
    if (parsed.hasTime) hasTime = true;
  }
  if (failed > 0) {
    return { note: `${uniques.length - failed} of ${uniques.length} distinct values are dates but ${JSON.stringify(firstFailure)} is not; left as text (fix or blank such cells to read the column as dates)` };
  }
  const notes: string[] = [];
  if (forms.size > 1) notes.push(`read dates written in ${forms.size} forms (${[...forms].join(', ')})`);
  if (slashed !== undefined && dayFirst === undefined && monthFirst === undefined) {
    notes.push(`day/month order is ambiguous (no part above 12, e.g. ${JSON.stringify(slashed.trim())}); read as month/day/year`);
  } else if (forms.has('slashed')) {
    notes.push(`read slashed dates as ${dayOrder === 'dmy' ? 'day/month/year' : 'month/day/year'} (${JSON.stringify(dayFirst ?? monthFirst)})`);
  }
  return { type: hasTime ? 'datetime' : 'date', dayOrder, ...(notes.length ? { note: notes.join('; ') } : {}) };
}
const SLASHED_SHAPE = /^\d{1,2}[/-]\d{1,2}[/-]\d{4}/;

/** Decides the type of a string column from its distinct values and counts. */
export function inferStringType(name: string, stats: StringStats, options: StringInferenceOptions = {}): StringInference {
  const { uniques, counts } = stats;
  const rows = stats.values.length;
  const nonMissing = rows - stats.missing;
  const distinct = uniques.length;
  if (nonMissing === 0) return { type: 'empty' };
  if (distinct === 1) return { type: 'constant' };

  const labels = booleanLabels(uniques);
  if (labels) return { type: 'boolean', booleanLabels: labels };

  // Dates first reject fast on the first values, so this is cheap for other columns.
  const dates = inferDates(uniques);
  if (dates && 'type' in dates) return dates;
  let note = dates?.note;

  const sample = sampleIndices(distinct);
  let sampleWeight = 0;
  let numeric = 0;
  let email = 0;
  let url = 0;
  let phone = 0;
  let tokens = 0;
  let words = 0;
  let length = 0;
  let fractional = false;
  let localized = 0;
  const others: string[] = [];
  for (const i of sample) {
    const u = uniques[i];
    const c = counts[i];
    const t = u.trim();
    sampleWeight += c;
    length += c * u.length;
    if (!options.numbersChecked && parseNumberText(t) !== undefined) {
      numeric += c;
      if (isFractionalText(t)) fractional = true;
    } else if (!options.numbersChecked && looksLocalizedNumber(t)) {
      localized += c;
    } else if (others.length <= 3) {
      // Only digit-free tokens ("?", "-", "unknown") may be read as missing numbers; "02134" or
      // "12a" mean the column holds codes, never numbers with junk.
      others.push(u);
      if (/\d/.test(t)) others.push('', '', '');
    }
    if (EMAIL.test(t)) email += c;
    else if (URL.test(t)) url += c;
    else if (isPhoneLike(t)) phone += c;
    if (!WHITESPACE.test(t)) tokens += c;
    words += c * countWords(t);
  }

  const maxOthers = options.strictNumbers ? 0 : 3;
  if (!options.numbersChecked && numeric >= 0.95 * sampleWeight && others.length <= maxOthers) {
    if (distinct > SAMPLE_UNIQUES) {
      // The sample says numeric; confirm on every distinct value so no text is silently dropped.
      const rest = uniques.filter((u) => parseNumberText(u) === undefined);
      if (rest.length > maxOthers || rest.some((u) => /\d/.test(u))) return textualType(name, stats, { tokens, words, length, sampleWeight, distinct, nonMissing });
      others.splice(0, others.length, ...rest);
      fractional = fractional || uniques.some((u) => parseNumberText(u) !== undefined && isFractionalText(u.trim()));
    }
    const allInteger = !fractional;
    return { type: allInteger ? 'integer' : 'number', missingTokens: others, fractional };
  }
  if (localized > 0 && numeric + localized >= 0.95 * sampleWeight && others.length <= maxOthers) {
    const read = localizedNumbers(uniques, options.delimiter, maxOthers);
    if (read && 'type' in read) return read;
    note = read?.note ?? note;
  }
  if (email >= PATTERN_SHARE * sampleWeight) return { type: 'email' };
  if (url >= PATTERN_SHARE * sampleWeight) return { type: 'url' };
  if (phone >= PATTERN_SHARE * sampleWeight) return { type: 'phone' };
  const textual = textualType(name, stats, { tokens, words, length, sampleWeight, distinct, nonMissing });
  return note ? { ...textual, note } : textual;
}

/**
 * A column of numbers written with group separators or a decimal comma ("1,037.5", "3,5"): the
 * convention is decided on every distinct value (a sample could miss the one value that decides),
 * and at most 3 digit-free tokens ("?", "-") may be read as missing, as for plain numbers.
 */
function localizedNumbers(uniques: string[], delimiter: string | undefined, maxOthers: number): StringInference | { note: string } | undefined {
  const choice = detectNumberConvention(uniques, { delimiter });
  if (!choice) return undefined;
  if ('conflict' in choice) return { note: `looks numeric but ${choice.conflict}; left as text` };
  const others: string[] = [];
  let fractional = false;
  for (const u of uniques) {
    const v = parseNumberWith(u, choice.convention);
    if (v === undefined) {
      others.push(u);
      if (others.length > maxOthers || /\d/.test(u)) return undefined;
    } else if (!fractional && (v !== Math.trunc(v) || (choice.convention.decimal === ',' ? /,\d/ : /\.\d|[eE]/).test(u))) fractional = true;
  }
  const note = `read as numbers with ${choice.description}${choice.ambiguity ? `; ${choice.ambiguity}` : ''}`;
  return { type: fractional ? 'number' : 'integer', missingTokens: others, fractional, numberConvention: choice.convention, note };
}

function textualType(
  name: string, _stats: StringStats,
  s: { tokens: number; words: number; length: number; sampleWeight: number; distinct: number; nonMissing: number },
): StringInference {
  const uniqueShare = s.distinct / s.nonMissing;
  const tokenShare = s.tokens / s.sampleWeight;
  const meanWords = s.words / s.sampleWeight;
  const meanLength = s.length / s.sampleWeight;
  const unique = s.distinct === s.nonMissing;
  if (tokenShare >= 0.95 && meanLength <= 64) {
    if (unique && s.nonMissing >= MIN_ROWS_FOR_UNIQUE_ID) return { type: 'id' };
    if (isIdLikeName(name) && uniqueShare >= 0.95) return { type: 'id' };
  }
  if (meanWords >= 4 && uniqueShare >= 0.2) return { type: 'text' };
  if (meanWords >= 1.5 && uniqueShare >= 0.9 && s.distinct >= 50) return { type: 'text' };
  return { type: 'categorical' };
}

function isPhoneLike(text: string): boolean {
  if (!PHONE.test(text) || DATE_SHAPED.test(text) || !/[\s().+-]/.test(text)) return false;
  const digits = countDigits(text);
  return digits >= 7 && digits <= 15;
}

function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Converts a string column to the storage its inferred type needs. */
export function applyStringInference(name: string, stats: StringStats, inference: StringInference): Column {
  const { type } = inference;
  const { codes, uniques } = stats;
  const rows = codes.length;
  const numericFromUniques = (valueOf: (u: string) => number): Float64Array => {
    const table = new Float64Array(uniques.length);
    for (let i = 0; i < uniques.length; i++) table[i] = valueOf(uniques[i]);
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) out[r] = codes[r] < 0 ? NaN : table[codes[r]];
    return out;
  };
  switch (type) {
    case 'boolean': {
      const [, trueLabel] = inference.booleanLabels!;
      const trueWord = trueLabel.trim().toLowerCase();
      const values = numericFromUniques((u) => (u.trim().toLowerCase() === trueWord ? 1 : 0));
      const column: NumericColumn = { name, type, storage: 'numeric', values, labels: inference.booleanLabels };
      return column;
    }
    case 'date':
    case 'datetime': {
      const values = numericFromUniques((u) => parseDate(u, inference.dayOrder)?.ms ?? NaN);
      return { name, type, storage: 'numeric', values };
    }
    case 'integer':
    case 'number': {
      const convention = inference.numberConvention;
      const values = numericFromUniques((u) => (convention ? parseNumberWith(u, convention) : parseNumberText(u)) ?? NaN);
      return numericColumn(name, values, inference.fractional);
    }
    case 'empty': {
      const column: StringColumn = { name, type, storage: 'string', values: new Array<string | null>(rows).fill(null) };
      return column;
    }
    default:
      rememberStringStats(stats);
      return { name, type, storage: 'string', values: stats.values };
  }
}

/** Infers and builds a column from cell texts (null = missing). */
export function stringColumn(
  name: string,
  values: ArrayLike<string | null | undefined>,
  options: StringInferenceOptions & { stats?: StringStats; notes?: string[] } = {},
): Column {
  const stats = options.stats ?? stringStats(values);
  const inference = inferStringType(name, stats, options);
  if (options.notes && inference.note) options.notes.push(`column '${name}': ${inference.note}`);
  if (options.notes && inference.missingTokens?.length) {
    const tokens = inference.missingTokens.map((t) => JSON.stringify(t)).join(', ');
    options.notes.push(`column '${name}': read ${tokens} as missing in an otherwise numeric column`);
  }
  return applyStringInference(name, stats, inference);
}

// ---------------------------------------------------------------------------------- any values

/**
 * Infers and builds a column from JavaScript values (JSON records, Parquet cells): numbers and
 * bigints are numbers, booleans booleans, Dates dates, strings go through string inference,
 * nested objects become their JSON text; null/undefined/NaN are missing.
 */
export function columnFromValues(name: string, values: ArrayLike<unknown>): Column {
  const n = values.length;
  let numbers = 0;
  let booleans = 0;
  let dates = 0;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) missing++;
    else if (typeof v === 'number' || typeof v === 'bigint') numbers++;
    else if (typeof v === 'boolean') booleans++;
    else if (v instanceof Date) dates++;
  }
  if (missing === n) return { name, type: 'empty', storage: 'string', values: new Array<string | null>(n).fill(null) };
  if (numbers + missing === n) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : NaN;
    }
    return numericColumn(name, out, false);
  }
  if (booleans + missing === n) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = values[i] === true ? 1 : values[i] === false ? 0 : NaN;
    const column: Column = { name, type: 'boolean', storage: 'numeric', values: out, labels: ['false', 'true'] };
    return facts1(column);
  }
  if (dates + missing === n) {
    const out = new Float64Array(n);
    let hasTime = false;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = v instanceof Date ? v.getTime() : NaN;
      if (out[i] === out[i] && out[i] % 86_400_000 !== 0) hasTime = true;
    }
    return { name, type: hasTime ? 'datetime' : 'date', storage: 'numeric', values: out };
  }
  const texts = new Array<string | null>(n);
  for (let i = 0; i < n; i++) texts[i] = valueToText(values[i]);
  return stringColumn(name, texts);
}

/** A boolean column with a single value is a constant. */
function facts1(column: NumericColumn): Column {
  const facts = numericFacts(column.values);
  if (facts.nonMissing > 0 && !facts.allEqual) return column;
  if (facts.nonMissing === 0) return { name: column.name, type: 'empty', storage: 'string', values: new Array<string | null>(column.values.length).fill(null) };
  const labels = column.labels ?? ['false', 'true'];
  return {
    name: column.name, type: 'constant', storage: 'string',
    values: Array.from(column.values, (v) => (v === v ? labels[v ? 1 : 0] : null)),
  };
}

/** The text of a JavaScript cell value (null for missing). */
export function valueToText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isNaN(v) ? null : String(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('');
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
}
