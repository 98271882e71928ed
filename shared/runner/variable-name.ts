// The variable a table gets in code cells (kept apart from arquero so the editor can use it too).

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** A table name as a variable name: `leads 2024.csv` -> `leads_2024_csv`, `2020` -> `_2020`. */
export function variableName(tableName: string, taken: ReadonlySet<string> = new Set()): string {
  let name = tableName.normalize('NFKD').replace(/[^\w$]+/g, '_').replace(/^_+|_+$/g, '') || 'table';
  if (/^\d/.test(name)) name = `_${name}`;
  if (RESERVED.has(name) || taken.has(name)) name = `${name}_table`;
  return name;
}
