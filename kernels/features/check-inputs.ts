// Before a fitted pipeline scores a table (predict, evaluate, the app's scoring): does the table
// hold what the model reads? Scoring itself never fails on the shape of the data (a missing
// column reads as all-missing, text in a number column as missing), so without this check a file
// holding only the target gets the same prediction on every row, and three missing columns
// silently change many labels. Works on either pipeline document: the feature pipeline spec
// (tournament) or the table-to-matrix state (`train --fixed`).
import type { TableToMatrixState } from '../learn/table-to-matrix';
import { isMissingText } from '../table/missing';
import { indexColumns, looseName, matchColumn } from '../table/match-columns';
import type { ColumnType, DataTable } from '../table/types';
import { parseNumberCell } from './coerce-column';
import type { FeaturePipelineSpec } from './types';

/** A raw column the model reads, and whether it wants it as numbers. */
export interface ModelColumn {
  name: string;
  /** Set for columns read as numbers: the type their text is parsed as. */
  numberType?: ColumnType;
}

export interface InputCheck {
  /** Raw columns the model reads. */
  modelColumns: ModelColumn[];
  /** Model columns found in the table (exactly or apart from case/spaces). */
  present: number;
  /** Model columns the table lacks: they read as missing on every row. */
  missing: string[];
  /** Per model column read as numbers (or dates): cells holding text that is not one (read as missing). */
  notNumbers: { column: string; count: number; example: string; expected: 'number' | 'date' }[];
  /** Table columns the model neither reads nor dropped at training, nor the target: ignored. */
  extra: string[];
  /** Model columns matched by several headers that differ only by case/spaces (no exact match). */
  ambiguous: { column: string; headers: string[] }[];
  /** Model columns found only apart from case/spaces: which header was read. */
  renamed: { column: string; header: string }[];
  /** Sentences for `warning:` lines (without the file name). */
  warnings: string[];
  /** Set when scoring must be refused: one sentence (without the file name). */
  error?: string;
}

/** The raw columns a pipeline document reads, the target, and the columns it dropped at training. */
export function pipelineColumns(pipeline: unknown): { columns: ModelColumn[]; target?: string; known: string[] } {
  const doc = pipeline as Partial<FeaturePipelineSpec & TableToMatrixState> | null;
  if (!doc || typeof doc !== 'object') return { columns: [], known: [] };
  const target = typeof doc.target === 'string' ? doc.target : undefined;
  if (doc.kind === 'table-to-matrix') {
    const state = doc as TableToMatrixState;
    const columns = (state.features ?? []).map((f) => (f.kind === 'numeric' ? { name: f.name, numberType: 'number' as ColumnType } : { name: f.name }));
    return { columns, target, known: (state.dropped ?? []).map((d) => d.column) };
  }
  const spec = doc as FeaturePipelineSpec;
  const features = new Set(spec.features ?? []);
  const used = new Set<string>();
  for (const d of spec.derivations ?? []) {
    if (!d.outputs.some((o) => features.has(o))) continue;
    used.add(d.column);
    if (d.kind === 'email-company') used.add(d.company);
  }
  const inputs = new Map((spec.inputs ?? []).map((i) => [i.name, i]));
  const columns = [...used].map((name) => {
    const input = inputs.get(name);
    return input?.storage === 'numeric' && input.type !== 'boolean' ? { name, numberType: input.type } : { name };
  });
  const known = [...(spec.inputs ?? []).map((i) => i.name), ...(spec.dropped ?? []).map((d) => d.column)];
  return { columns, target, known };
}

const SHOWN = 8;
function list(names: readonly string[]): string {
  const quoted = names.slice(0, SHOWN).map((n) => JSON.stringify(n));
  return quoted.join(', ') + (names.length > SHOWN ? `, … (${names.length} in all)` : '');
}

export function checkInputs(pipeline: unknown, table: DataTable): InputCheck {
  const { columns, target, known } = pipelineColumns(pipeline);
  const index = indexColumns(table);
  const missing: string[] = [];
  const notNumbers: InputCheck['notNumbers'] = [];
  const ambiguous: InputCheck['ambiguous'] = [];
  const renamed: InputCheck['renamed'] = [];
  const shadowed: { column: string; headers: string[] }[] = [];
  const read = new Set<string>();
  let present = 0;
  for (const model of columns) {
    const match = matchColumn(index, model.name);
    for (const c of match.looseMatches) read.add(c.name);
    if (!match.column) {
      if (match.looseMatches.length > 1) ambiguous.push({ column: model.name, headers: match.looseMatches.map((c) => c.name) });
      else missing.push(model.name);
      continue;
    }
    present++;
    if (match.column.name !== model.name) renamed.push({ column: model.name, header: match.column.name });
    else if (match.looseMatches.length > 1) shadowed.push({ column: model.name, headers: match.looseMatches.map((c) => c.name).filter((h) => h !== model.name) });
    const column = match.column;
    if (model.numberType && column.storage === 'string') {
      let count = 0;
      let example: string | undefined;
      for (const s of column.values) {
        if (s === null || s.trim() === '' || isMissingText(s)) continue;
        if (Number.isNaN(parseNumberCell(s, model.numberType))) {
          count++;
          example ??= s;
        }
      }
      if (count) notNumbers.push({ column: model.name, count, example: example!, expected: model.numberType === 'date' || model.numberType === 'datetime' ? 'date' : 'number' });
    }
  }
  const knownKeys = new Set([...known, ...(target !== undefined ? [target] : [])].map(looseName));
  const extra = table.columns.map((c) => c.name).filter((name) => !read.has(name) && !knownKeys.has(looseName(name)));

  const warnings: string[] = [];
  if (missing.length && present) {
    warnings.push(`${missing.length} of ${columns.length} columns the model reads are missing (read as missing on every row): ${list(missing)}`);
  }
  for (const n of notNumbers) {
    warnings.push(`column ${JSON.stringify(n.column)}: ${n.count} of ${table.rowCount} values are not ${n.expected}s (e.g. ${JSON.stringify(n.example)}) and are read as missing`);
  }
  for (const s of shadowed) warnings.push(`header${s.headers.length > 1 ? 's' : ''} ${list(s.headers)} also match${s.headers.length > 1 ? '' : 'es'} model column ${JSON.stringify(s.column)} apart from case/spaces; the exact ${JSON.stringify(s.column)} is read`);
  for (const r of renamed) warnings.push(`model column ${JSON.stringify(r.column)} read from header ${JSON.stringify(r.header)} (differs in case or spaces)`);
  if (extra.length && missing.length) warnings.push(`${extra.length} columns the model does not know are ignored: ${list(extra)}`);

  let error: string | undefined;
  if (ambiguous.length) {
    const a = ambiguous[0];
    error = `headers ${list(a.headers)} all match model column ${JSON.stringify(a.column)} apart from case/spaces; rename all but one` +
      (ambiguous.length > 1 ? ` (${ambiguous.length} model columns are ambiguous)` : '');
  } else if (columns.length > 0 && present === 0) {
    error = `none of the ${columns.length} columns the model reads is present (it reads ${list(columns.map((c) => c.name))}); every prediction would be the same`;
  }
  return { modelColumns: columns, present, missing, notNumbers, extra, ambiguous, renamed, warnings, ...(error ? { error } : {}) };
}
