// "Business titles of a user": seniority as a rank (intern 0 … C-level 6) and as indicators, and
// the business function, so "SVP Sales", "Vice President, Sales" and "vp sales" are one thing.
import type { ColumnReader, FeatureColumns, FitContext } from './context';
import { newFeatureColumns } from './context';
import { frequentValues } from './one-hot';
import { parseTitle, type ParsedTitle } from './title/parse-title';
import type { TitleSpec } from './types';

export function fitTitle(ctx: FitContext): TitleSpec | null {
  const parsed = ctx.reader.text(ctx.name).map((s) => (s == null ? null : parseTitle(s)));
  if (parsed.every((p) => p == null)) return null;
  const support = Math.max(1, Math.floor(ctx.options.minSupport / 2));
  const levels = frequentValues(parsed.map((p) => p?.seniority ?? null), 99, support).values;
  const functions = frequentValues(parsed.map((p) => p?.func ?? null), 99, support).values;
  return {
    kind: 'title',
    column: ctx.name,
    levels,
    functions,
    outputs: [
      `${ctx.name}:seniority_rank`,
      ...levels.map((l) => `${ctx.name}:seniority=${l}`),
      ...functions.map((f) => `${ctx.name}:function=${f}`),
    ],
  };
}

export function applyTitle(spec: TitleSpec, reader: ColumnReader): FeatureColumns {
  const cells = reader.text(spec.column);
  const n = cells.length;
  const out = newFeatureColumns(spec.outputs.length, n);
  const levelIndex = new Map(spec.levels.map((l, j) => [l, 1 + j]));
  const funcIndex = new Map(spec.functions.map((f, j) => [f, 1 + spec.levels.length + j]));
  const memo = new Map<string, ParsedTitle | null>();
  for (let i = 0; i < n; i++) {
    const s = cells[i];
    let p: ParsedTitle | null | undefined = null;
    if (s != null) {
      p = memo.get(s);
      if (p === undefined) {
        p = parseTitle(s);
        if (memo.size < 100_000) memo.set(s, p);
      }
    }
    if (!p) { out[0][i] = NaN; continue; }
    out[0][i] = p.rank;
    const l = levelIndex.get(p.seniority);
    if (l !== undefined) out[l][i] = 1;
    const f = funcIndex.get(p.func);
    if (f !== undefined) out[f][i] = 1;
  }
  return out;
}
