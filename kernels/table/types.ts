// The in-memory table every layer shares: columnar, typed, cheap to post between workers.
// Numeric-like columns (integer, number, boolean, date, datetime) are Float64Array with NaN for
// missing (booleans are 0/1, dates and datetimes are epoch milliseconds, UTC). Every other
// type keeps its cell text, with null for missing.

export type ColumnType =
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'categorical'
  | 'text'
  | 'email'
  | 'phone'
  | 'url'
  | 'id'
  | 'constant'
  | 'empty';

export const COLUMN_TYPES: readonly ColumnType[] = [
  'integer', 'number', 'boolean', 'date', 'datetime', 'categorical', 'text',
  'email', 'phone', 'url', 'id', 'constant', 'empty',
];

export interface NumericColumn {
  name: string;
  type: ColumnType;
  storage: 'numeric';
  values: Float64Array;
  /** For booleans read from text (Yes/No, true/false): the labels for 0 and 1. */
  labels?: [string, string];
}

export interface StringColumn {
  name: string;
  type: ColumnType;
  storage: 'string';
  values: (string | null)[];
}

export type Column = NumericColumn | StringColumn;

export interface DataTable {
  /** Display name, usually the file name without extension. */
  name: string;
  rowCount: number;
  columns: Column[];
  /** Things the reader decided that a person should know (e.g. tokens read as missing). */
  notes?: string[];
}

/** A problem with input data, carrying where it was found so messages can name it. */
export class DataError extends Error {
  constructor(
    message: string,
    readonly where: { file?: string; line?: number; column?: string } = {},
  ) {
    super(message);
    this.name = 'DataError';
  }
}
