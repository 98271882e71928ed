// Dates: day of week, month and day of year as points on the unit circle (so December sits next
// to January), the hour too for datetimes whose time varies, and the age in days before the
// latest training date (fixed in the spec, so scoring next year gives the same features for the
// same date). All UTC, as the table stores epoch milliseconds.
import type { ColumnReader, FeatureColumns, FitContext } from './context';
import { newFeatureColumns } from './context';
import type { DateSpec } from './types';

const DAY = 86_400_000;
const TAU = 2 * Math.PI;

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
  for (let i = 0; i < n; i++) {
    const t = v[i];
    if (!Number.isFinite(t)) {
      for (const col of out) col[i] = NaN;
      continue;
    }
    const d = new Date(t);
    const dow = d.getUTCDay() / 7;
    const month = d.getUTCMonth() / 12;
    const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
    const doy = (t - startOfYear) / DAY / 365.25;
    out[0][i] = Math.sin(TAU * dow);
    out[1][i] = Math.cos(TAU * dow);
    out[2][i] = Math.sin(TAU * month);
    out[3][i] = Math.cos(TAU * month);
    out[4][i] = Math.sin(TAU * doy);
    out[5][i] = Math.cos(TAU * doy);
    if (spec.timeOfDay) {
      const hour = (((t % DAY) + DAY) % DAY) / DAY;
      out[6][i] = Math.sin(TAU * hour);
      out[7][i] = Math.cos(TAU * hour);
    }
    out[last][i] = (spec.reference - t) / DAY;
  }
  return out;
}
