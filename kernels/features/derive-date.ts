// Dates: day of week, month and day of year as points on the unit circle (so December sits next
// to January), the hour too for datetimes whose time varies, and the age in days before the
// latest training date (fixed in the spec, so scoring next year gives the same features for the
// same date). All UTC, as the table stores epoch milliseconds.
import type { ColumnReader, FeatureColumns, FitContext } from './context';
import { newFeatureColumns } from './context';
import type { DateSpec } from './types';

const DAY = 86_400_000;
const TAU = 2 * Math.PI;

/** Day of week, month, day of year on the unit circle, for midnight UTC of a day. */
function calendarParts(midnight: number): Float64Array {
  const d = new Date(midnight);
  const dow = d.getUTCDay() / 7;
  const month = d.getUTCMonth() / 12;
  const doy = (midnight - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY / 365.25;
  return Float64Array.of(
    Math.sin(TAU * dow), Math.cos(TAU * dow), Math.sin(TAU * month), Math.cos(TAU * month),
    Math.sin(TAU * doy), Math.cos(TAU * doy),
  );
}

export function fitDate(ctx: FitContext): DateSpec | null {
  const v = ctx.reader.numeric(ctx.name);
  let max = -Infinity;
  let timeOfDay = false;
  for (let i = 0; i < v.length; i++) {
    const t = v[i];
    if (!Number.isFinite(t)) continue;
    if (t > max) max = t;
    if (!timeOfDay && t % DAY !== 0) timeOfDay = true;
  }
  if (!Number.isFinite(max)) return null;
  const parts = ['day_of_week_sin', 'day_of_week_cos', 'month_sin', 'month_cos', 'day_of_year_sin', 'day_of_year_cos'];
  if (timeOfDay) parts.push('hour_sin', 'hour_cos');
  parts.push('days_since');
  return { kind: 'date', column: ctx.name, reference: max, timeOfDay, outputs: parts.map((p) => `${ctx.name}:${p}`) };
}

export function applyDate(spec: DateSpec, reader: ColumnReader): FeatureColumns {
  const v = reader.numeric(spec.column);
  const n = v.length;
  const out = newFeatureColumns(spec.outputs.length, n);
  const last = spec.outputs.length - 1;
  // Calendar parts depend on the day only, and tables hold far fewer days than rows.
  const byDay = new Map<number, Float64Array>();
  for (let i = 0; i < n; i++) {
    const t = v[i];
    if (!Number.isFinite(t)) {
      for (const col of out) col[i] = NaN;
      continue;
    }
    const day = Math.floor(t / DAY);
    let parts = byDay.get(day);
    if (!parts) {
      parts = calendarParts(day * DAY);
      if (byDay.size < 100_000) byDay.set(day, parts);
    }
    for (let j = 0; j < 6; j++) out[j][i] = parts[j];
    if (spec.timeOfDay) {
      const hour = (t - day * DAY) / DAY;
      out[6][i] = Math.sin(TAU * hour);
      out[7][i] = Math.cos(TAU * hour);
    }
    out[last][i] = (spec.reference - t) / DAY;
  }
  return out;
}
