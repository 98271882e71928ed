// Column profiles as plain data (posted from workers, printed by the CLI, drawn with vega-lite).
import type { ColumnType } from '../table/types';

export interface ValueCount {
  value: string;
  count: number;
}

export interface HistogramBin {
  /** Bin bounds [x0, x1): values, epoch ms for dates, or text lengths. */
  x0: number;
  x1: number;
  count: number;
}

export type Histogram =
  /** Numeric, date and text-length distributions. `of` says what was binned. */
  | {
      kind: 'bins'; of: 'value' | 'length'; bins: HistogramBin[];
      /** A skewed non-negative number: the same values in bins of equal width on a log(1 + x) scale. */
      logBins?: HistogramBin[];
    }
  /** Categorical-like columns: the most frequent values, and how many cells hold any other value. */
  | { kind: 'bars'; bars: ValueCount[]; other: number }
  | { kind: 'none' };

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  rows: number;
  missing: number;
  /** missing / rows (0 for an empty table). */
  missingShare: number;
  /** Distinct non-missing values (exact unless distinctApproximate). */
  distinct: number;
  /** Set when `distinct` is an estimate (numeric columns with over 100,000 distinct values, ±1%). */
  distinctApproximate?: boolean;
  /** Number columns: cells holding inf or -inf, left out of min, max, mean, std and quantiles. */
  infinite?: number;
  // Numeric-like columns (integer, number, boolean, date, datetime): epoch ms for dates; finite values only.
  min?: number;
  max?: number;
  mean?: number;
  /** Sample standard deviation (n − 1), like pandas. */
  std?: number;
  p5?: number;
  p25?: number;
  p50?: number;
  p75?: number;
  p95?: number;
  /** Dates: min and max as ISO text. */
  minText?: string;
  maxText?: string;
  /** Most frequent values (up to 10), for categorical-like, boolean and low-cardinality integers. */
  top?: ValueCount[];
  /** String columns: length of the texts, in characters. */
  length?: { min: number; max: number; mean: number; p50: number };
  histogram: Histogram;
}

export interface TableProfile {
  name: string;
  rows: number;
  columns: ColumnProfile[];
}
