// "Empty fields": whether a cell is missing is often information in itself (no phone given, no
// company filled in). One indicator per column that had missing values when fitted.
import type { ColumnReader, FeatureColumns, FitContext } from './context';
import type { NullIndicatorSpec } from './types';

export function fitNullIndicator(ctx: FitContext): NullIndicatorSpec | null {
  const missing = missingMask(ctx.reader, ctx.name, ctx.storage === 'numeric');
  let count = 0;
  for (let i = 0; i < missing.length; i++) count += missing[i];
  if (count === 0 || count === missing.length) return null;
  return { kind: 'null-indicator', column: ctx.name, outputs: [`${ctx.name} is null`] };
}

export function applyNullIndicator(spec: NullIndicatorSpec, reader: ColumnReader, numeric: boolean): FeatureColumns {
  const m = missingMask(reader, spec.column, numeric);
  const out = new Float32Array(m.length);
  for (let i = 0; i < m.length; i++) out[i] = m[i];
  return [out];
}

/** 1 where missing: NaN for numeric inputs, null or blank text otherwise. */
export function missingMask(reader: ColumnReader, name: string, numeric: boolean): Uint8Array {
  const n = reader.nRows;
  const out = new Uint8Array(n);
  if (numeric) {
    const v = reader.numeric(name);
    for (let i = 0; i < n; i++) out[i] = Number.isNaN(v[i]) ? 1 : 0;
  } else {
    const v = reader.text(name);
    for (let i = 0; i < n; i++) {
      const s = v[i];
      out[i] = s == null || s === '' || (s.charCodeAt(0) <= 32 && s.trim() === '') ? 1 : 0;
    }
  }
  return out;
}
