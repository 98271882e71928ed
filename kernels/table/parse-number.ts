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
