// Interning and counting of a string column in one pass: every repeated value shares one string
// (1M "Yes"/"No" cells cost two strings, not a million), and the distinct values with their
// counts and per-row codes feed type inference and profiles without a second hash pass.
import { isMissingText } from './missing';

export interface StringStats {
  /** Row values with missing tokens ("", "NA", "null", …) replaced by null; repeats share one string. */
  values: (string | null)[];
  /** Per row: index into `uniques`, or -1 when missing. */
  codes: Int32Array;
  /** Distinct non-missing values in first-seen order. */
  uniques: string[];
  /** Occurrences of each unique. */
  counts: number[];
  missing: number;
}

/** Builds StringStats cell by cell (the CSV reader feeds it straight from the bytes). */
export class StringInterner {
  private readonly index = new Map<string, number>();
  private readonly uniques: string[] = [];
  private readonly counts: number[] = [];
  private readonly values: (string | null)[];
  private readonly codes: Int32Array;
  private missing = 0;
  private row = 0;

  constructor(rowCount: number) {
    this.values = new Array<string | null>(rowCount);
    this.codes = new Int32Array(rowCount);
  }

  add(text: string | null): void {
    const row = this.row++;
    if (text === null || text.length === 0) {
      this.values[row] = null;
      this.codes[row] = -1;
      this.missing++;
      return;
    }
    let code = this.index.get(text);
    if (code === undefined) {
      code = isMissingText(text) ? -1 : this.uniques.length;
      this.index.set(text, code);
      if (code >= 0) {
        this.uniques.push(text);
        this.counts.push(0);
      }
    }
    this.codes[row] = code;
    if (code < 0) {
      this.values[row] = null;
      this.missing++;
    } else {
      this.values[row] = this.uniques[code];
      this.counts[code]++;
    }
  }

  finish(): StringStats {
    if (this.row !== this.values.length) throw new Error(`interner got ${this.row} of ${this.values.length} rows`);
    return { values: this.values, codes: this.codes, uniques: this.uniques, counts: this.counts, missing: this.missing };
  }
}

// Stats computed while reading, keyed by the column's values array, so profiling a freshly
// loaded column does not count it again. Column arrays are never mutated after they are built
// (retyping makes new ones), which keeps a remembered entry valid for the array's lifetime.
const remembered = new WeakMap<object, StringStats>();

/** StringStats of an existing array of cell texts (reusing the reader's when it is that array). */
export function stringStats(values: ArrayLike<string | null | undefined>): StringStats {
  const known = remembered.get(values);
  if (known) return known;
  const interner = new StringInterner(values.length);
  for (let i = 0; i < values.length; i++) interner.add(values[i] ?? null);
  const stats = interner.finish();
  if (Array.isArray(values)) remembered.set(values, stats);
  return stats;
}

/** Records the stats of a values array built by a reader. */
export function rememberStringStats(stats: StringStats): void {
  remembered.set(stats.values, stats);
}
