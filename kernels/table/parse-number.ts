// Number parsing straight from bytes (CSV hot path) and from strings (JSON, retyping).
// Only plain decimal notation is a number: optional sign, digits, optional fraction, optional
// exponent. Integers written with a leading zero ("007", "02134") are NOT numbers: they are
// codes (zip codes, ids) whose zeros a data scientist wants kept.

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** Result flags of the last parseNumberBytes call (module state keeps the hot path allocation-free). */
export const numberParse = {
  /** The last parse failed: the text is not a plain decimal number. */
  failed: false,
  /** The last parsed text had a decimal point or exponent ("3.0" is written as a real number). */
  fractional: false,
};

/**
 * Parses bytes[start, end) (ASCII) as a decimal number. Surrounding spaces are ignored.
 * Returns NaN with numberParse.failed = false for an empty cell, NaN with failed = true when
 * the text is not a number. Exact: mantissas up to 15 digits divided by an exact power of ten
 * are correctly rounded (Clinger's fast path); longer ones go through Number().
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  numberParse.failed = false;
  numberParse.fractional = false;
  while (start < end && bytes[start] === 32) start++;
  while (end > start && bytes[end - 1] === 32) end--;
  if (start === end) return NaN;
  let i = start;
  let negative = false;
  let c = bytes[i];
  if (c === 45) { negative = true; i++; } else if (c === 43) i++;
  let mantissa = 0;
  const intStart = i;
  while (i < end) {
    const d = bytes[i] - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits > 1 && bytes[intStart] === 48) { numberParse.failed = true; return NaN; }
  let fracDigits = 0;
  if (i < end && bytes[i] === 46) {
    numberParse.fractional = true;
    i++;
    const fracStart = i;
    while (i < end) {
      const d = bytes[i] - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      i++;
    }
    fracDigits = i - fracStart;
  }
  if (intDigits + fracDigits === 0) { numberParse.failed = true; return NaN; }
  let exponent = 0;
  if (i < end && (bytes[i] | 0x20) === 101) {
    numberParse.fractional = true;
    i++;
    let expNegative = false;
    c = bytes[i];
    if (c === 45) { expNegative = true; i++; } else if (c === 43) i++;
    const expStart = i;
    while (i < end) {
      const d = bytes[i] - 48;
      if (d < 0 || d > 9) break;
      exponent = exponent * 10 + d;
      i++;
    }
    if (i === expStart) { numberParse.failed = true; return NaN; }
    if (expNegative) exponent = -exponent;
  }
  if (i !== end) { numberParse.failed = true; return NaN; }
  const scale = exponent - fracDigits;
  if (intDigits + fracDigits <= 15 && scale >= -22 && scale <= 22) {
    const value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
    return negative ? -value : value;
  }
  // Too many digits for an exact fast path: let the engine round it (Number accepts the syntax).
  return Number(asciiString(bytes, start, end));
}

function asciiString(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

const NUMBER_PATTERN = /^[+-]?(?:(?:[1-9]\d*|0)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY_PATTERN = /^([+-]?)(?:inf|infinity)$/i;

/**
 * Parses a cell's text as a number with the same rules as parseNumberBytes, plus inf/Infinity.
 * Returns undefined when the text is not a number (callers decide what a failure means).
 */
export function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  if (NUMBER_PATTERN.test(t)) return Number(t);
  const inf = INFINITY_PATTERN.exec(t);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  return undefined;
}

/** True when the text is written with a fraction or exponent ("3.0", "1e3"). */
export function isFractionalText(text: string): boolean {
  return /[.eE]/.test(text);
}

// ------------------------------------------------------------------- numbers people write
// Spreadsheets and European exports write numbers with group separators ("1,037.5",
// "1.234.567", "1 234,5", "1'234.50") or a decimal comma ("3,5"). A column is read in one
// convention, decided from all its values: a value like "3,5" or "1.234,5" can only have a
// decimal comma, "1,037.5" or "1,234,567" only comma groups. A column whose only evidence is
// "1,234" (three digits after one comma) is ambiguous: the file's delimiter decides (a
// ';'-delimited file is the European export, where ',' is the decimal mark), and the note says so.

/** How a column writes its numbers: the decimal mark and the group separator (null: none). */
export interface NumberConvention {
  decimal: '.' | ',';
  group: ',' | '.' | ' ' | "'" | null;
}

/** A convention chosen for a column, with the sentence a person should read about it. */
export interface NumberConventionChoice {
  convention: NumberConvention;
  /** e.g. `',' as thousands separator ("1,037.5")`. */
  description: string;
  /** Set when the values alone could not decide: why this reading was chosen. */
  ambiguity?: string;
}

const SPACES = /[\u00a0\u202f]/g;
const GROUPED_COMMA = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const GROUPED_DOT = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
// No '+' before space groups: "+33 612 345 678" is a phone number.
const GROUPED_SPACE = /^-?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;
const GROUPED_APOSTROPHE = /^[+-]?\d{1,3}(?:'\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
/** Cheap pre-check: digits with a separator inside (the hot type-inference loop calls this). */
const LOCALIZED_SHAPE = /^[+-]?\d[\d,.' \u00a0\u202f]*\d$/;

/** True when the text could be a number with group separators or a decimal comma. */
export function looksLocalizedNumber(text: string): boolean {
  return LOCALIZED_SHAPE.test(text) && /[,' \u00a0\u202f]|\..*\./.test(text);
}

/** Parses a number in the given convention (plain numbers too); undefined when it is not one. */
export function parseNumberWith(text: string, convention: NumberConvention): number | undefined {
  let t = text.trim().replace(SPACES, ' ');
  const { decimal, group } = convention;
  if (group !== null && t.includes(group)) {
    const shape = group === ',' ? GROUPED_COMMA : group === '.' ? GROUPED_DOT : group === ' ' ? GROUPED_SPACE : GROUPED_APOSTROPHE;
    if (!shape.test(t)) return undefined;
    // A space-grouped value may end in either mark; only the column's own counts.
    const fraction = group === ' ' ? /[.,]\d+$/.exec(t) : null;
    if (fraction && fraction[0][0] !== decimal) return undefined;
    t = t.split(group).join('');
  }
  if (decimal === ',') {
    if (t.includes('.')) return undefined;
    t = t.replace(',', '.');
  } else if (t.includes(',')) return undefined;
  return parseNumberText(t);
}

type Evidence = 'decimal-comma' | 'comma-groups' | 'dot-groups' | 'dot-decimal' | 'space-groups' | 'apostrophe-groups' | 'ambiguous-comma' | 'plain';

/** What one value says about the convention (nothing when it is not a number in any). */
function evidenceOf(raw: string): Evidence[] {
  const t = raw.trim().replace(SPACES, ' ');
  if (NUMBER_LIKE_PLAIN.test(t)) {
    // "1.234" is a plain decimal number unless the column says dots group thousands.
    return [t.includes('.') && !/^[+-]?\d{1,3}\.\d{3}$/.test(t) ? 'dot-decimal' : 'plain'];
  }
  if (GROUPED_COMMA.test(t)) return [t.includes('.') || t.indexOf(',') !== t.lastIndexOf(',') ? 'comma-groups' : 'ambiguous-comma'];
  if (GROUPED_DOT.test(t)) return ['dot-groups'];
  if (DECIMAL_COMMA.test(t)) return ['decimal-comma'];
  if (GROUPED_SPACE.test(t)) return t.includes(',') ? ['space-groups', 'decimal-comma'] : t.includes('.') ? ['space-groups', 'dot-decimal'] : ['space-groups'];
  if (GROUPED_APOSTROPHE.test(t)) return ['apostrophe-groups'];
  return [];
}
const NUMBER_LIKE_PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Decides how a column writes its numbers from its distinct values (the non-numbers are the
 * caller's to judge). Returns undefined when no value uses separators, or when the values
 * contradict each other (then `conflict` says how).
 */
export function detectNumberConvention(
  values: readonly string[], options: { delimiter?: string } = {},
): NumberConventionChoice | { conflict: string } | undefined {
  const seen = new Map<Evidence, string>();
  for (const v of values) {
    for (const e of evidenceOf(v)) if (!seen.has(e)) seen.set(e, v.trim());
  }
  const example = (e: Evidence) => JSON.stringify(seen.get(e));
  const has = (e: Evidence) => seen.has(e);
  const separators = ['decimal-comma', 'comma-groups', 'dot-groups', 'space-groups', 'apostrophe-groups', 'ambiguous-comma'] as const;
  if (!separators.some(has)) return undefined;
  const commaDecimal = has('decimal-comma') || has('dot-groups');
  const dotDecimal = has('comma-groups') || has('dot-decimal') || has('apostrophe-groups');
  if (commaDecimal && dotDecimal) {
    const a = has('decimal-comma') ? 'decimal-comma' : 'dot-groups';
    const b = has('comma-groups') ? 'comma-groups' : has('dot-decimal') ? 'dot-decimal' : 'apostrophe-groups';
    return { conflict: `mixes a decimal comma (${example(a)}) with a decimal point (${example(b)})` };
  }
  const groups = (['comma-groups', 'dot-groups', 'space-groups', 'apostrophe-groups'] as const).filter(has);
  if (groups.length > 1 && !(groups.length === 2 && has('space-groups'))) {
    return { conflict: `mixes group separators (${groups.map(example).join(', ')})` };
  }
  if (commaDecimal) {
    const group = has('dot-groups') ? '.' : has('space-groups') ? ' ' : null;
    return describe({ decimal: ',', group }, has('decimal-comma') ? example('decimal-comma') : example('dot-groups'));
  }
  if (dotDecimal || !has('ambiguous-comma')) {
    const group = has('comma-groups') || has('ambiguous-comma') ? ',' : has('apostrophe-groups') ? "'" : has('space-groups') ? ' ' : null;
    const shown = (['comma-groups', 'ambiguous-comma', 'apostrophe-groups', 'space-groups'] as const).find(has)!;
    return describe({ decimal: '.', group }, example(shown));
  }
  // Only "1,234"-like values (and plain numbers): ',' is a thousands separator or a decimal comma.
  const sample = example('ambiguous-comma');
  if (options.delimiter === ';') {
    return { ...describe({ decimal: ',', group: has('space-groups') ? ' ' : null }, sample), ambiguity: `${sample} could also be a thousands separator; read as a decimal comma because the file is ';'-delimited` };
  }
  return { ...describe({ decimal: '.', group: ',' }, sample), ambiguity: `${sample} could also be a decimal comma; read as a thousands separator because the file is not ';'-delimited` };
}

function describe(convention: NumberConvention, example: string): NumberConventionChoice {
  const groupName = convention.group === ' ' ? 'a space' : `'${convention.group}'`;
  const description = convention.decimal === ','
    ? `',' as the decimal mark${convention.group ? ` and ${groupName} as thousands separator` : ''} (${example})`
    : `${groupName} as thousands separator (${example})`;
  return { convention, description };
}
