// View-model helpers for the Features view, kept apart from React so they can be tested.
import type { DerivedColumnInfo } from '../../kernels/features/types';

/** A derived value as the table shows it: integers plainly, others to 3 significant digits. */
export function formatFeatureValue(v: number): string {
  if (Number.isNaN(v)) return '∅';
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(3)));
}

/** A raw sample value as the column's type reads: dates as dates (2024-03-05), not epoch milliseconds. */
export function formatRawValue(raw: string | number | null, type: string): string {
  if (raw === null) return '∅';
  if (typeof raw === 'number' && (type === 'date' || type === 'datetime')) {
    if (!Number.isFinite(raw)) return '∅';
    const iso = new Date(raw).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/(:00)?\.000Z$/, '');
  }
  return String(raw);
}

/** Importance of a raw column: the sum over the features derived from it. */
export function columnImportance(info: DerivedColumnInfo, importance: Record<string, number> | undefined): number | undefined {
  if (!importance) return undefined;
  let sum = 0;
  for (const d of info.derivations) for (const f of d.features) sum += importance[f.name] ?? 0;
  return sum;
}

/** Columns in the order to show them: most important first, dropped ones last. */
export function orderColumns(infos: readonly DerivedColumnInfo[], importance: Record<string, number> | undefined): DerivedColumnInfo[] {
  const score = (i: DerivedColumnInfo) => (i.dropped ? -1 : columnImportance(i, importance) ?? 0);
  return infos.map((info, k) => ({ info, k })).sort((a, b) => score(b.info) - score(a.info) || a.k - b.k).map((x) => x.info);
}

/** Toggle `key` in a disabled list, returning a new list. */
export function toggleDisabled(disabled: readonly string[], key: string): string[] {
  return disabled.includes(key) ? disabled.filter((k) => k !== key) : [...disabled, key];
}
