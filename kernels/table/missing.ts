// Which cell texts mean "no value". The list follows pandas' default `na_values` (so a file
// loads with the same missing cells in Tourney and in pandas), plus whitespace-only cells,
// which a person never means as a value. "None" is deliberately absent: Ames uses it as a
// real category ("no masonry veneer").

const MISSING_TOKENS = new Set([
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN',
  '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'n/a', 'nan', 'null',
]);

/** True when a cell's text means a missing value. */
export function isMissingText(text: string): boolean {
  if (MISSING_TOKENS.has(text)) return true;
  // Whitespace-only (and padded tokens like " NA ") are missing too. Text that starts and ends with
  // a printable ASCII character trims to itself: no trim() (the scorer asks for every text cell).
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return false;
  const trimmed = text.trim();
  return trimmed.length !== text.length && MISSING_TOKENS.has(trimmed);
}
