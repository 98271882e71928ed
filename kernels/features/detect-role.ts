// The table reader knows types (number, email, text, ...); feature engineering also needs to know
// meaning where the type can't say it: a text column of business titles, a company name, an
// identifier that happens to be numbers or names. Name and values both count as evidence.
import type { Column } from '../table/types';
import { titleLikeShare } from './title/parse-title';
import { decideStringRole } from './string-role';
import type { FeatureRole } from './types';

const TITLE_NAME = /(^|[^a-z])(job[ _-]?)?(title|position|designation|job[ _-]?role|role|cargo|puesto|poste|funktion|berufsbezeichnung)([^a-z]|$)/i;
const COMPANY_NAME = /(^|[^a-z])(company|account([ _-]?name)?|organi[sz]ation|employer|firm|business[ _-]?name|org|empresa|firma|entreprise|societe|société|unternehmen)([^a-z]|$)/i;
/** Text-typed columns of at most this many words on average are short strings, not free text. */
const MAX_SHORT_WORDS = 3;
const ID_NAME = /(^|[^a-z])(id|uuid|guid|key|ref|reference|number|no|nr)$/i;

export interface RoleDecision { role: FeatureRole; reason?: string }

export function detectRole(column: Column): RoleDecision {
  const type = column.type;
  const n = column.values.length;
  if (type === 'empty') return { role: 'empty', reason: 'empty: no values' };
  if (type === 'constant') return { role: 'constant' };
  if (type === 'id') return { role: 'id', reason: 'identifier: a different value on (almost) every row' };
  if (column.storage === 'numeric') {
    if ((type === 'integer' || type === 'number') && ID_NAME.test(column.name) && uniqueShare(column.values, n) >= 0.95) {
      return { role: 'id', reason: `identifier: named like a key and ${pct(uniqueShare(column.values, n))} of values are unique` };
    }
    return { role: type };
  }
  const values = column.values;
  if (type === 'categorical' || type === 'text') {
    const sample = nonBlankSample(values, 400);
    if (TITLE_NAME.test(column.name) && titleLikeShare(sample) >= 0.3) return { role: 'title' };
    if (COMPANY_NAME.test(column.name)) return { role: 'company' };
    if (titleLikeShare(sample) >= 0.8 && averageWords(sample) <= 5) return { role: 'title' };
    // Free text (reviews, comments) stays text; short strings are decided by their token
    // statistics, not cardinality alone (string-role.ts): titles of works and product names keep
    // their words, person and city names stay categories or identifiers.
    if (type === 'categorical' || averageWords(sample) <= MAX_SHORT_WORDS) return decideStringRole(values);
  }
  return { role: type };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function nonBlankSample(values: readonly (string | null)[], max: number): string[] {
  const out: string[] = [];
  const step = Math.max(1, Math.floor(values.length / max));
  for (let i = 0; i < values.length && out.length < max; i += step) {
    const s = values[i];
    if (s != null && s.trim() !== '') out.push(s);
  }
  return out;
}

function averageWords(values: readonly string[]): number {
  if (!values.length) return 0;
  let words = 0;
  for (const v of values) words += v.trim().split(/\s+/).length;
  return words / values.length;
}

function uniqueShare(values: ArrayLike<number | string | null>, n: number): number {
  const seen = new Set<number | string>();
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null || (typeof v === 'number' && Number.isNaN(v))) continue;
    present++;
    seen.add(v);
  }
  return present ? seen.size / present : 0;
}
