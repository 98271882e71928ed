// URLs: whether they parse to a real registrable domain, and indicators for frequent domains
// (linkedin.com vs a company site says where a lead came from).
import type { ColumnReader, FeatureColumns, FitContext } from './context';
import { newFeatureColumns } from './context';
import { frequentValues, OTHER } from './one-hot';
import type { UrlSpec } from './types';
import { parseUrl, type UrlParts } from './web/domain';

export function fitUrl(ctx: FitContext): UrlSpec {
  const domains = ctx.reader.text(ctx.name).map((s) => (s == null ? null : parseUrl(s).domain || null));
  const { values, hasOther } = frequentValues(domains, ctx.options.topK, ctx.options.minSupport);
  const outputs = [`${ctx.name}:valid`, ...values.map((d) => `${ctx.name}:domain=${d}`)];
  if (hasOther && values.length) outputs.push(`${ctx.name}:domain=${OTHER}`);
  return { kind: 'url', column: ctx.name, domains: values, outputs };
}

export function applyUrl(spec: UrlSpec, reader: ColumnReader): FeatureColumns {
  const cells = reader.text(spec.column);
  const n = cells.length;
  const out = newFeatureColumns(spec.outputs.length, n);
  const index = new Map(spec.domains.map((d, j) => [d, 1 + j]));
  const other = spec.outputs.length > 1 + spec.domains.length ? 1 + spec.domains.length : -1;
  const memo = new Map<string, UrlParts>();
  for (let i = 0; i < n; i++) {
    const s = cells[i];
    if (s == null || s.trim() === '') { out[0][i] = NaN; continue; }
    let p = memo.get(s);
    if (!p) {
      p = parseUrl(s);
      if (memo.size < 100_000) memo.set(s, p);
    }
    out[0][i] = p.valid ? 1 : 0;
    if (!p.domain) continue;
    const j = index.get(p.domain);
    if (j !== undefined) out[j][i] = 1;
    else if (other >= 0) out[other][i] = 1;
  }
  return out;
}
