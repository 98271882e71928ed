// "Email–company name similarity": a lead writing from jane@acme.com for "ACME Corp." is more
// likely real than one writing from x@gmail.com or from an unrelated domain. 0..1, NaN when either
// side is missing.
import { distance } from 'fastest-levenshtein';
import type { ColumnReader, FeatureColumns } from './context';
import type { EmailCompanySpec } from './types';
import { parseEmail } from './web/domain';

const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'plc',
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'se', 'sa', 'sas', 'sarl', 'sl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab',
  'as', 'pty', 'the', 'group', 'holding', 'holdings', 'and', 'und', 'et', 'y', 'cie',
]);

/** Company name as the words that could appear in its domain. */
export function companyWords(company: string): string[] {
  return company
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w));
}

/** Similarity of a domain's name part ("acme-corp") and a company name, 0..1. */
export function domainCompanySimilarity(domainName: string, company: string): number {
  const d = domainName.toLowerCase().replace(/[^a-z0-9]/g, '');
  const words = companyWords(company);
  if (d === '' || words.length === 0) return 0;
  const joined = words.join('');
  if (d === joined) return 1;
  // "acme" in "acmecorp" or "acmeretail" in "acme": one contains the other.
  const shorter = Math.min(d.length, joined.length);
  if (shorter >= 3 && (d.includes(joined) || joined.includes(d))) return 0.9;
  if (words.length >= 2) {
    const initials = words.map((w) => w[0]).join('');
    if (initials === d) return 0.9; // International Business Machines → ibm
  }
  if (words[0].length >= 4 && d.includes(words[0])) return 0.8;
  return Math.max(0, 1 - distance(d, joined) / Math.max(d.length, joined.length));
}

export function fitEmailCompany(email: string, company: string): EmailCompanySpec {
  return { kind: 'email-company', column: email, company, outputs: [`${email}~${company}:similarity`] };
}

export function applyEmailCompany(spec: EmailCompanySpec, reader: ColumnReader): FeatureColumns {
  const emails = reader.text(spec.column);
  const companies = reader.text(spec.company);
  const n = emails.length;
  const out = new Float32Array(n);
  const names = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const e = emails[i];
    const c = companies[i];
    if (e == null || c == null || e.trim() === '' || c.trim() === '') { out[i] = NaN; continue; }
    const at = e.lastIndexOf('@');
    const host = at >= 0 ? e.slice(at + 1).toLowerCase() : '';
    let name = names.get(host);
    if (name === undefined) {
      const p = parseEmail(`x@${host}`);
      name = p.valid && !p.personal ? p.name : '';
      if (names.size < 100_000) names.set(host, name);
    }
    out[i] = name === '' ? 0 : domainCompanySimilarity(name, c);
  }
  return [out];
}
