// Date and datetime parsing for type inference and retyping. Accepted forms (a column may mix
// them): ISO 8601 `YYYY-MM-DD` with an optional `T`/space time `HH:MM[:SS[.fff]]` and zone
// (`Z`, `+HH:MM`, `+HHMM`); `YYYY/MM/DD`; `MM/DD/YYYY` or `DD/MM/YYYY`, also with dashes (the
// column's values decide the order: a first part above 12 means day first); `DD.MM.YYYY`;
// English month names, `Jan 5, 2024` and `5 Jan 2024` / `5-Jan-2024` (full names too). Times
// without a zone are read as UTC so a date means the same instant on every machine.

import { isoDate, parseIsoDateBytes } from './iso-date';

export type DayOrder = 'mdy' | 'dmy';

export interface ParsedDate {
  /** Epoch milliseconds, UTC. */
  ms: number;
  /** A time of day other than midnight was written. */
  hasTime: boolean;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?$/;
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp][Mm])?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const TIME = '(?:(?:,?\\s+|T)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?$';
const MONTH_DAY_YEAR = new RegExp('^([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})' + TIME);
const DAY_MONTH_YEAR = new RegExp('^(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+([A-Za-z]{3,9})\\.?,?[\\s-]+(\\d{4})' + TIME);
const MONTHS = new Map<string, number>([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['june', 6], ['july', 7], ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
]);

/** The written forms parseDate knows, as notes name them. */
export type DateForm = 'ISO' | 'YYYY/MM/DD' | 'slashed' | 'DD.MM.YYYY' | 'month name';

/** The form of the last text parseDate accepted (module state keeps the hot path allocation-free). */
export const dateParse: { form: DateForm } = { form: 'ISO' };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1];
}

function build(
  year: number, month: number, day: number, hour: number, minute: number, second: number,
  fraction: string | undefined, zone: string | undefined,
): ParsedDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const millis = fraction ? Math.round(Number('0.' + fraction) * 1000) : 0;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (year < 100) ms = new Date(ms).setUTCFullYear(year);
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
    ms -= sign * offset * 60_000;
  }
  return { ms, hasTime: hour !== 0 || minute !== 0 || second !== 0 || millis !== 0 };
}

/** The day order a slashed date forces ('dmy' when its first part cannot be a month), if any. */
export function slashedDayOrder(text: string): DayOrder | undefined {
  const m = SLASHED.exec(text.trim());
  if (!m) return undefined;
  if (Number(m[1]) > 12) return 'dmy';
  if (Number(m[2]) > 12) return 'mdy';
  return undefined;
}

/** Text of an ISO shape as character codes, for the shared parser (iso-date.ts). */
const isoScratch = new Uint8Array(20);

/** The ISO fast path (iso-date.ts); null when the text is not one of its shapes, or not ASCII. */
function parseIsoFast(t: string): ParsedDate | null {
  const n = t.length;
  if (n !== 10 && n !== 16 && n !== 17 && n !== 19 && n !== 20) return null;
  for (let k = 0; k < n; k++) {
    const c = t.charCodeAt(k);
    if (c > 127) return null;
    isoScratch[k] = c;
  }
  return parseIsoDateBytes(isoScratch, 0, n) ? { ms: isoDate.ms, hasTime: isoDate.hasTime } : null;
}

/** Parses one date/datetime text, or returns undefined when it is not one of the accepted forms. */
export function parseDate(text: string, order: DayOrder = 'mdy'): ParsedDate | undefined {
  const fast = parseIsoFast(text);
  dateParse.form = 'ISO';
  if (fast !== null) return fast;
  const t = text.trim();
  if (t.length < 8 || t.length > 40) return undefined;
  let m = ISO.exec(t);
  if (m) return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7], m[8]);
  m = YMD_SLASH.exec(t);
  dateParse.form = 'YYYY/MM/DD';
  if (m) return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7], undefined);
  m = SLASHED.exec(t);
  if (m) {
    dateParse.form = 'slashed';
    const [month, day] = order === 'mdy' ? [+m[1], +m[2]] : [+m[2], +m[1]];
    const hour = hourOf(m[4], m[8]);
    return hour < 0 ? undefined : build(+m[3], month, day, hour, +(m[5] ?? 0), +(m[6] ?? 0), m[7], undefined);
  }
  m = DOTTED.exec(t);
  dateParse.form = 'DD.MM.YYYY';
  if (m) return build(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), undefined, undefined);
  dateParse.form = 'month name';
  m = MONTH_DAY_YEAR.exec(t);
  if (m) return fromMonthName(m[1], +m[2], +m[3], m[4], m[5], m[6], m[7]);
  m = DAY_MONTH_YEAR.exec(t);
  if (m) return fromMonthName(m[2], +m[1], +m[3], m[4], m[5], m[6], m[7]);
  return undefined;
}

/** A 24-hour hour from `HH` and an optional am/pm; -1 when impossible ("13 pm"). */
function hourOf(hourText: string | undefined, meridiem: string | undefined): number {
  const hour = +(hourText ?? 0);
  if (!meridiem) return hour;
  if (hour < 1 || hour > 12) return -1;
  return (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
}

function fromMonthName(
  name: string, day: number, year: number,
  hourText: string | undefined, minute: string | undefined, second: string | undefined, meridiem: string | undefined,
): ParsedDate | undefined {
  const month = MONTHS.get(name.toLowerCase());
  const hour = hourOf(hourText, meridiem);
  if (month === undefined || hour < 0) return undefined;
  return build(year, month, day, hour, +(minute ?? 0), +(second ?? 0), undefined, undefined);
}

/** Formats epoch milliseconds as ISO text: `YYYY-MM-DD` for dates, full ISO for datetimes. */
export function formatDate(ms: number, withTime: boolean): string {
  const iso = new Date(ms).toISOString();
  if (!withTime) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) + 'Z' : iso;
}
