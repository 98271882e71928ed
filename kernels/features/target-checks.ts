// Target values that make no sense as given, checked the same way by the tournament
// (kernels/tournament/target.ts) and `train --fixed` (kernels/learn/table-to-matrix.ts), so the
// app and the CLI refuse or warn alike:
//   - labels that differ only by case or spaces ("no", "No", "NO ") are one class, merged into
//     the most frequent spelling, with a warning naming the spellings. Refusing would make people
//     clean the file elsewhere for what is nearly always a data-entry slip; keeping them apart
//     (as scikit-learn or pandas would) turns one class into several tiny ones the model cannot
//     tell apart, and cross-validation scores them as errors. The warning makes the merge visible.
//   - rows without a target value are left out and counted;
//   - an identifier-like target (most classes seen on a single row) is refused: cross-validation
//     can never predict a class seen once, so the score would be meaningless;
//   - in the tournament, a class with fewer than MIN_CLASS_ROWS rows is refused (its cross-validated
//     score rests on a handful of rows: 3 positives in 10,000 rows gave a CV AUROC of 0.80 and 0.55
//     on test); `train --fixed` reports no score, so there it is a warning. Below WARN_CLASS_ROWS
//     a class is allowed with a warning.
import { DataError } from '../table/types';

/** Fewest rows of every class a classification target needs (two per fold of 5-fold CV). */
export const MIN_CLASS_ROWS = 10;
/** Classes seen once before a target counts as identifier-like (a tiny table proves nothing). */
const MIN_SINGLETONS_FOR_ID = 10;
/** Below this many rows of a class, scores are noisy: allowed, with a warning. */
export const WARN_CLASS_ROWS = 50;

/** The key two labels share when they differ only by case and spaces. */
export function looseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface FoldedLabels {
  /** Cell texts with every spelling replaced by its class's canonical spelling (null missing). */
  texts: (string | null)[];
  /** One warning sentence per merged class (empty when nothing was merged). */
  warnings: string[];
}

/**
 * Merges labels that differ only by case/spaces into their most frequent spelling (the first seen
 * on a tie). Blank cells become null. `texts` is returned as is when nothing needs merging.
 */
export function foldLabelSpellings(target: string, texts: readonly (string | null)[]): FoldedLabels {
  const counts = new Map<string, number>();
  for (const t of texts) if (t !== null && t.trim() !== '') counts.set(t, (counts.get(t) ?? 0) + 1);
  const groups = new Map<string, [string, number][]>();
  for (const [spelling, count] of counts) {
    const key = looseLabel(spelling);
    const group = groups.get(key);
    if (group) group.push([spelling, count]);
    else groups.set(key, [[spelling, count]]);
  }
  const canonical = new Map<string, string>();
  const warnings: string[] = [];
  for (const group of groups.values()) {
    // A trailing-space variant alone ("Yes " beside nothing else) is trimmed without a warning.
    const best = group.reduce((a, b) => (b[1] > a[1] ? b : a));
    const name = best[0].trim();
    for (const [spelling] of group) if (spelling !== name) canonical.set(spelling, name);
    const spellings = new Set(group.map(([s]) => s.trim()));
    if (spellings.size > 1) {
      const shown = group.sort((a, b) => b[1] - a[1]).map(([s, c]) => `${JSON.stringify(s)} (${c})`).join(', ');
      warnings.push(`target column ${JSON.stringify(target)}: labels that differ only by case or spaces are one class ${JSON.stringify(name)}: ${shown}`);
    }
  }
  const blank = texts.some((t) => t !== null && t.trim() === '');
  if (canonical.size === 0 && !blank) return { texts: texts as (string | null)[], warnings };
  return { texts: texts.map((t) => (t === null || t.trim() === '' ? null : canonical.get(t) ?? t)), warnings };
}

/** The warning for rows left out because their target is missing (undefined when none are). */
export function missingTargetWarning(target: string, missing: number, rows: number): string | undefined {
  if (missing === 0) return undefined;
  return `target column ${JSON.stringify(target)}: ${missing} of ${rows} rows have no value and are left out`;
}

/**
 * Refuses identifier-like targets and classes too small to learn or score; returns warnings for
 * small classes. `counts` are rows per class; `numeric` says the target's values are numbers.
 */
export function checkClassCounts(
  target: string, counts: ReadonlyMap<string, number>, numeric: boolean,
  options: { refuseBelow?: number } = {},
): string[] {
  const refuseBelow = options.refuseBelow ?? MIN_CLASS_ROWS;
  const k = counts.size;
  let rows = 0;
  let singletons = 0;
  for (const c of counts.values()) {
    rows += c;
    if (c === 1) singletons++;
  }
  const where = { column: target };
  if (k > 2 && singletons * 2 >= k && singletons >= MIN_SINGLETONS_FOR_ID) {
    const hint = numeric || mostlyNumbers([...counts.keys()])
      ? 'its values are numbers: train with --task regression to predict them'
      : 'it looks like an identifier or free text, not a class label: choose another target';
    throw new DataError(
      `target column ${JSON.stringify(target)} has ${k} distinct values in ${rows} rows, ${singletons} of them on a single row: a class seen once can never be predicted in cross-validation; ${hint}`,
      where,
    );
  }
  const small = [...counts].filter(([, c]) => c < WARN_CLASS_ROWS).sort((a, b) => a[1] - b[1]);
  if (small.length && small[0][1] < refuseBelow) {
    const [name, count] = small[0];
    throw new DataError(
      `class ${JSON.stringify(name)} of target column ${JSON.stringify(target)} has only ${count} of ${rows} rows; every class needs at least ${MIN_CLASS_ROWS} for a cross-validated score to mean anything: add rows of that class, or merge or remove it`,
      where,
    );
  }
  return small.map(([name, count]) =>
    `target column ${JSON.stringify(target)}: class ${JSON.stringify(name)} has only ${count} of ${rows} rows; a model learns little from so few and scores on them vary widely (${WARN_CLASS_ROWS} or more are advisable)`);
}

function mostlyNumbers(labels: string[]): boolean {
  let numbers = 0;
  for (const l of labels) if (l.trim() !== '' && Number.isFinite(Number(l))) numbers++;
  return numbers > 0.9 * labels.length;
}
