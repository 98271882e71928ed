// "Email domain of a user": whether the address is well-formed, whether it is a free-mail
// (personal) address rather than a company one, and indicators for frequent domains.
import type { ColumnReader, FeatureColumns, FitContext } from './context';
import { newFeatureColumns } from './context';
import { frequentValues, OTHER } from './one-hot';
import type { EmailSpec } from './types';
import { parseEmail, type EmailParts } from './web/domain';

export function fitEmail(ctx: FitContext): EmailSpec {
  const cells = ctx.reader.text(ctx.name);
  const domains = cells.map((s) => (s == null ? null : parseEmail(s).domain || null));
  const { values, hasOther } = frequentValues(domains, ctx.options.topK, ctx.options.minSupport);
  const outputs = [`${ctx.name}:valid`, `${ctx.name}:personal_domain`, ...values.map((d) => `${ctx.name}:domain=${d}`)];
  if (hasOther && values.length) outputs.push(`${ctx.name}:domain=${OTHER}`);
  return { kind: 'email', column: ctx.name, domains: values, outputs };
}

export function applyEmail(spec: EmailSpec, reader: ColumnReader): FeatureColumns {
  const cells = reader.text(spec.column);
  const n = cells.length;
  const out = newFeatureColumns(spec.outputs.length, n);
  const index = new Map(spec.domains.map((d, j) => [d, 2 + j]));
  const other = spec.outputs.length > 2 + spec.domains.length ? 2 + spec.domains.length : -1;
  const memo = new Map<string, EmailParts>();
  for (let i = 0; i < n; i++) {
    const s = cells[i];
    if (s == null || s.trim() === '') {
      out[0][i] = NaN;
      out[1][i] = NaN;
      continue;
    }
    // Many rows share a domain but not an address: memoise on the domain part.
    const at = s.lastIndexOf('@');
    const key = at >= 0 ? s.slice(at).toLowerCase() : s;
    let p = memo.get(key);
    if (!p) {
      p = parseEmail(at >= 0 ? `x${s.slice(at)}` : s);
      if (memo.size < 100_000) memo.set(key, p);
    }
    const validLocal = at > 0 && !/\s/.test(s.slice(0, at).trim());
    out[0][i] = p.valid && validLocal ? 1 : 0;
    out[1][i] = p.personal ? 1 : 0;
    if (!p.domain) continue;
    const j = index.get(p.domain);
    if (j !== undefined) out[j][i] = 1;
    else if (other >= 0) out[other][i] = 1;
  }
  return out;
}
