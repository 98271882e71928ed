// One input cell as the model would read it, from whatever a log line or a table carries:
// missing (null, empty, "NA", …), a value, or a type error (text where a number belongs, an
// object anywhere). Numbers sent as text ("42.5") are numbers, as the feature pipeline parses them.
import { isMissingText } from '../table/missing';
import { parseNumberText } from '../table/parse-number';

export type InputValue = string | number | boolean | null | undefined | object;

/** Marks a value of the wrong type. */
export const TYPE_ERROR = Symbol('type error');

export function coerceNumeric(v: InputValue): number | null | typeof TYPE_ERROR {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    if (isMissingText(v)) return null;
    return parseNumberText(v) ?? TYPE_ERROR;
  }
  return TYPE_ERROR;
}

export function coerceCategorical(v: InputValue): string | null | typeof TYPE_ERROR {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return isMissingText(v) ? null : v.trim();
  if (typeof v === 'number') return Number.isNaN(v) ? null : String(v);
  if (typeof v === 'boolean') return String(v);
  return TYPE_ERROR;
}
