// The one ISO 8601 date parser: `YYYY-MM-DD` and `YYYY-MM-DD[T ]HH:MM[:SS][Z]`, the commonest
// shapes, read from character codes without a regex or a Date object. The CSV scanner runs it on
// the file's bytes for every cell of a date column; parseDate runs it on text (a column of a
// million distinct timestamps spends most of its typing time here).

/** Scratch result of parseIsoDateBytes. */
export const isoDate = { ms: NaN, hasTime: false };

function twoDigits(bytes: Uint8Array, at: number): number {
  const a = bytes[at] - 48;
  const b = bytes[at + 1] - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const MONTH_TABLE_FIRST_YEAR = 1900;
/** Day number of the first of each month 1900–2099: a date is then one lookup and an add. */
const MONTH_START_DAYS = Int32Array.from({ length: 200 * 12 }, (_, i) => daysFromCivil(MONTH_TABLE_FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1));

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil): integer math, no Date object. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * `YYYY-MM-DD` or `YYYY-MM-DD[T ]HH:MM[:SS][Z]` from character codes `s..e` straight into isoDate;
 * false when the text has another shape or is not a real date and time (Feb 30, 24:00). Other
 * forms are parseDate's regular expressions.
 */
export function parseIsoDateBytes(bytes: Uint8Array, s: number, e: number): boolean {
  const n = e - s;
  if (n !== 10 && n !== 16 && n !== 17 && n !== 19 && n !== 20) return false;
  if (bytes[s + 4] !== 45 || bytes[s + 7] !== 45) return false;
  const y1 = twoDigits(bytes, s);
  const y2 = twoDigits(bytes, s + 2);
  const month = twoDigits(bytes, s + 5);
  const day = twoDigits(bytes, s + 8);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return false;
  const year = y1 * 100 + y2;
  if (month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return false;
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (n > 10) {
    const sep = bytes[s + 10];
    const body = bytes[e - 1] === 90 ? n - 1 : n;
    if ((sep !== 84 && sep !== 32) || bytes[s + 13] !== 58 || (body !== 16 && body !== 19)) return false;
    hour = twoDigits(bytes, s + 11);
    minute = twoDigits(bytes, s + 14);
    if (body === 19) {
      if (bytes[s + 16] !== 58) return false;
      second = twoDigits(bytes, s + 17);
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  }
  const monthIndex = (year - MONTH_TABLE_FIRST_YEAR) * 12 + month - 1;
  const days = monthIndex >= 0 && monthIndex < MONTH_START_DAYS.length
    ? MONTH_START_DAYS[monthIndex] + day - 1
    : daysFromCivil(year, month, day);
  isoDate.ms = days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000;
  isoDate.hasTime = hour !== 0 || minute !== 0 || second !== 0;
  return true;
}
