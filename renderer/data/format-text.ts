// Number formatting for labels in the data views.
const integer = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function formatPercent(fraction: number): string {
  if (fraction === 0) return '0%';
  if (fraction < 0.001) return '<0.1%';
  if (fraction < 0.1) return `${(fraction * 100).toFixed(1)}%`;
  return `${Math.round(fraction * 100)}%`;
}

/** "12,345 of 1,000,000 rows" — or "7,043 rows" when nothing is filtered out. */
export function formatRowCount(shown: number, total: number): string {
  return `${formatCount(shown)} of ${formatCount(total)} rows`;
}
