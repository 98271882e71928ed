// Phone numbers: only whether the number is plausible (a fake "123" or "n/a" says something about
// a lead). Plausible = after dropping formatting, an optional + or 00 and an extension, 7 to 15
// digits (E.164 allows at most 15) and not one digit repeated.
import type { ColumnReader, FeatureColumns, FitContext } from './context';
import type { PhoneSpec } from './types';

export function isPlausiblePhone(raw: string): boolean {
  const t = raw.trim().replace(/\s*(ext\.?|x|#)\s*\d{1,6}$/i, '');
  if (!/^[+\d\s().\-/]+$/.test(t)) return false;
  const digits = t.replace(/^\s*(\+|00)/, '').replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  return !/^(\d)\1+$/.test(digits);
}

export function fitPhone(ctx: FitContext): PhoneSpec {
  return { kind: 'phone', column: ctx.name, outputs: [`${ctx.name}:valid`] };
}

export function applyPhone(spec: PhoneSpec, reader: ColumnReader): FeatureColumns {
  const cells = reader.text(spec.column);
  const out = new Float32Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const s = cells[i];
    out[i] = s == null || s.trim() === '' ? NaN : isPlausiblePhone(s) ? 1 : 0;
  }
  return [out];
}
