// Seeded generator of the bundled CRM-lead sample (sample-data/public/leads.csv), modelled on the
// lead-scoring example in the Einstein talks: messy business titles, corporate vs personal email,
// multilingual free-text descriptions, skewed employee counts, historical spend.
//
//   node --import tsx sample-data/generate-leads.ts [--rows 5000] [--seed 42] [--out path]
//
// `converted` is drawn from a logistic model over *hidden* signals (seniority, email kind, tone and
// length of the description, employees bucket, log spend, lead source, quarter) plus unobserved
// noise. The CSV only shows those signals through raw, noisy columns, so a model that derives
// features (title seniority across spellings, personal vs corporate email, sentiment and word
// count, log spend) clearly beats one-hot encoding of the raw cells. No column is computed from the
// label, so there is nothing to leak. The committed CSV is checked byte-for-byte against a fresh run
// by generate-leads.test.ts: change the generator, then re-run it; never edit the CSV by hand.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom, type Random } from './prng';
import {
  COMPANY_KINDS, COMPANY_STEMS, COUNTRIES, DEPARTMENTS, FIRST_NAMES, LAST_NAMES, LEAD_SOURCES, LEGAL_FORMS,
  SENTENCES, TITLE_GROUPS, type Country, type Language, type LeadSource, type TitleGroup,
} from './lead-vocabulary';

export const DEFAULT_ROWS = 5000;
export const DEFAULT_SEED = 42;

export const LEAD_COLUMNS = [
  'lead_id', 'name', 'title', 'email', 'company', 'employees', 'country', 'lead_source', 'description',
  'created_date', 'historical_spend', 'converted',
] as const;

export type Lead = Record<(typeof LEAD_COLUMNS)[number], string>;

export type Seniority = TitleGroup['level'] | 'none';
export type EmailKind = 'corporate' | 'personal' | 'malformed' | 'empty';

/** The hidden values the label is drawn from; exposed so tests can check the label follows them. */
export interface LeadSignals {
  seniority: Seniority;
  emailKind: EmailKind;
  /** Positive minus negative sentences in the description. */
  sentiment: number;
  descriptionWords: number;
  employees: number | null;
  spend: number | null;
  source: LeadSource;
  month: number;
  /** What no column shows: the part of the outcome the data cannot explain. */
  unobserved: number;
}

export interface GeneratedLead {
  lead: Lead;
  signals: LeadSignals;
  probability: number;
}

interface Company {
  name: string;
  domain: string;
  country: Country;
  employees: number;
}

// ---- the label model --------------------------------------------------------------------------

const SENIORITY_EFFECT: Record<Seniority, number> = {
  'c-level': 1.6, svp: 1.25, vp: 1.0, director: 0.55, manager: 0, individual: -0.55, junior: -1.6, none: -0.4,
};
const EMAIL_EFFECT: Record<EmailKind, number> = { corporate: 0.75, personal: -0.35, malformed: -0.6, empty: -0.7 };
const SOURCE_EFFECT: Record<LeadSource, number> = {
  Web: 0, Referral: 0.7, 'Trade Show': 0.3, Partner: 0.5, 'Cold Call': -0.6, Webinar: 0.15,
  'Email Campaign': -0.2, 'Purchased List': -0.9,
};
const INTERCEPT = -2.5;
const UNOBSERVED_SD = 0.4;
/** Scales every observed effect at once: tunes how well a good model can do (AUROC ~0.8-0.85). */
const SIGNAL_STRENGTH = 1.35;

/** Mid-sized companies buy most; the smallest lack budget, the largest have long procurement. */
function employeesEffect(employees: number | null): number {
  if (employees === null) return -0.2;
  if (employees < 10) return -0.7;
  if (employees < 50) return -0.1;
  if (employees < 250) return 0.35;
  if (employees < 1000) return 0.45;
  if (employees < 5000) return 0.1;
  return -0.25;
}

/** Existing customers convert more, roughly with the log of what they spent. */
function spendEffect(spend: number | null): number {
  if (spend === null || spend === 0) return -0.2;
  return 0.3 * (Math.log(spend) - 6.5);
}

export function conversionLogit(s: LeadSignals): number {
  const sentiment = Math.max(-3, Math.min(3, s.sentiment));
  const description = s.descriptionWords === 0 ? -0.45 : 0.25 * Math.log1p(s.descriptionWords) - 0.5;
  const observed = SENIORITY_EFFECT[s.seniority]
    + EMAIL_EFFECT[s.emailKind]
    + 0.5 * sentiment
    + description
    + employeesEffect(s.employees)
    + spendEffect(s.spend)
    + SOURCE_EFFECT[s.source]
    + (s.month >= 10 ? 0.2 : 0);
  return INTERCEPT + SIGNAL_STRENGTH * observed + s.unobserved;
}

// ---- columns ------------------------------------------------------------------------------------

/** Lower-case ASCII letters and digits only: "Müller & Söhne" → "mullersohne". */
export function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function makeCompanies(rng: Random, count: number): Company[] {
  const companies: Company[] = [];
  const seen = new Set<string>();
  while (companies.length < count) {
    const country = rng.weighted(COUNTRIES);
    const stem = rng.pick(COMPANY_STEMS);
    const kind = rng.pick(COMPANY_KINDS);
    const base = `${stem} ${kind}`;
    if (seen.has(base)) continue;
    seen.add(base);
    const legal = rng.pick(LEGAL_FORMS[country.language]);
    const tld = rng.chance(0.5) ? 'com' : country.tld;
    const domainBase = rng.chance(0.3) ? slug(stem) + '-' + slug(kind) : slug(base);
    // Log-normal head count, median ~120, a long tail to six digits.
    const employees = Math.max(1, Math.min(250_000, Math.round(Math.exp(4.8 + 1.9 * rng.normal()))));
    companies.push({ name: legal ? `${base} ${legal}` : base, domain: `${domainBase}.${tld}`, country, employees });
  }
  return companies;
}

/** Real-world spelling noise: case, stray spaces, one typo. */
function addSpellingNoise(rng: Random, text: string): string {
  let out = text;
  if (rng.chance(0.07)) out = typo(rng, out);
  const casing = rng.next();
  if (casing < 0.1) out = out.toLowerCase();
  else if (casing < 0.16) out = out.toUpperCase();
  const spacing = rng.next();
  if (spacing < 0.04) out = ` ${out}`;
  else if (spacing < 0.08) out = `${out}  `;
  else if (spacing < 0.12) out = out.replace(' ', '  ');
  return out;
}

function typo(rng: Random, text: string): string {
  if (text.length < 4) return text;
  const at = rng.int(1, text.length - 2);
  switch (rng.int(0, 2)) {
    case 0: return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2); // swap
    case 1: return text.slice(0, at) + text.slice(at + 1); // drop
    default: return text.slice(0, at) + text[at] + text.slice(at); // double
  }
}

const LEVEL_WEIGHTS: readonly (readonly [TitleGroup, number])[] = TITLE_GROUPS.map((group) => [
  group,
  { 'c-level': 8, svp: 6, vp: 10, director: 14, manager: 22, individual: 30, junior: 10 }[group.level],
]);

function makeTitle(rng: Random, language: Language): { title: string; seniority: Seniority } {
  if (rng.chance(0.04)) return { title: '', seniority: 'none' };
  const group = rng.weighted(LEVEL_WEIGHTS);
  const local = group.local?.[language];
  const r = rng.next();
  const title = local && r < 0.35
    ? rng.pick(local)
    : group.withDepartment && r < 0.7
      ? rng.pick(group.withDepartment).replace('{d}', rng.pick(DEPARTMENTS))
      : rng.pick(group.spellings);
  return { title: addSpellingNoise(rng, title), seniority: group.level };
}

function makeEmail(rng: Random, first: string, last: string, company: Company): { email: string; kind: EmailKind } {
  const f = slug(first);
  const l = slug(last);
  const kind = rng.weighted<EmailKind>([['corporate', 55], ['personal', 30], ['malformed', 7], ['empty', 8]]);
  switch (kind) {
    case 'empty':
      return { email: '', kind };
    case 'corporate': {
      const local = rng.weighted([[`${f}.${l}`, 5], [`${f[0]}.${l}`, 2], [`${f}${l}`, 1], [`${f}_${l}`, 1], [f, 1]] as const);
      return { email: `${local}@${company.domain}`, kind };
    }
    case 'personal': {
      const local = rng.weighted([[`${f}.${l}`, 3], [`${f}${l}${rng.int(1, 99)}`, 2], [`${f}${rng.int(1960, 2001)}`, 1]] as const);
      return { email: `${local}@${rng.pick(company.country.personalDomains)}`, kind };
    }
    case 'malformed': {
      const domain = rng.chance(0.5) ? company.domain : rng.pick(company.country.personalDomains);
      const broken = [
        `${f}.${l}.${domain}`, // missing @
        `${f}.${l}@@${domain}`,
        `${f} ${l}@${domain}`,
        `${f}.${l}@${domain.split('.')[0]}`, // missing top-level domain
        `@${domain}`,
        `${f}.${l}@${domain},`,
      ];
      return { email: rng.pick(broken), kind };
    }
  }
}

function makeDescription(rng: Random, language: Language): { text: string; sentiment: number; words: number } {
  if (rng.chance(0.12)) return { text: '', sentiment: 0, words: 0 };
  const sentences = SENTENCES[rng.chance(0.85) ? language : 'en'];
  // A per-lead mood makes the sentences of one description agree in tone, as real notes do.
  const mood = rng.normal();
  const positiveShare = 1 / (1 + Math.exp(-1.6 * mood));
  const count = Math.min(6, 1 + Math.floor(-Math.log(1 - rng.next()) * 1.3));
  const parts: string[] = [];
  let sentiment = 0;
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    if (r < 0.35) parts.push(rng.pick(sentences.neutral));
    else if (rng.chance(positiveShare)) { parts.push(rng.pick(sentences.positive)); sentiment++; }
    else { parts.push(rng.pick(sentences.negative)); sentiment--; }
  }
  const text = parts.join(' ');
  return { text, sentiment, words: text.split(/\s+/).length };
}

function makeSpend(rng: Random, employees: number): number | null {
  if (rng.chance(0.07)) return null;
  if (rng.chance(0.35)) return 0;
  // Bigger companies spend more, with a wide log-normal spread.
  const mu = 5.6 + 0.35 * Math.log(employees);
  return Math.round(Math.exp(mu + 1.3 * rng.normal()) * 100) / 100;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2023, 0, 1);
const DAYS = 730;

/** Draws leads with their hidden signals and conversion probability. */
export function generateLeadRecords(options: { rows?: number; seed?: number } = {}): GeneratedLead[] {
  const rows = options.rows ?? DEFAULT_ROWS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a positive integer, got ${rows}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const rng = createRandom(seed);
  const companies = makeCompanies(rng, Math.min(600, Math.max(40, Math.round(rows / 8))));
  const sources: readonly (readonly [LeadSource, number])[] = LEAD_SOURCES.map((s) => [s, {
    Web: 30, Referral: 10, 'Trade Show': 12, Partner: 8, 'Cold Call': 14, Webinar: 10, 'Email Campaign': 10,
    'Purchased List': 6,
  }[s]]);
  const width = String(rows).length < 6 ? 6 : String(rows).length;
  const out: GeneratedLead[] = [];
  for (let i = 0; i < rows; i++) {
    // Squaring skews the draw: a few companies send many leads, most send one or two.
    const company = companies[Math.floor(rng.next() ** 2 * companies.length)];
    const language: Language = rng.chance(0.85) ? company.country.language : 'en';
    const first = rng.pick(FIRST_NAMES[language]);
    const last = rng.pick(LAST_NAMES[language]);
    const { title, seniority } = makeTitle(rng, language);
    const { email, kind } = makeEmail(rng, first, last, company);
    const description = makeDescription(rng, language);
    const employees = rng.chance(0.1) ? null : company.employees;
    const spend = makeSpend(rng, company.employees);
    const source = rng.weighted(sources);
    const created = new Date(FIRST_DAY + rng.int(0, DAYS - 1) * DAY_MS);
    const signals: LeadSignals = {
      seniority, emailKind: kind, sentiment: description.sentiment, descriptionWords: description.words,
      employees, spend, source, month: created.getUTCMonth() + 1, unobserved: UNOBSERVED_SD * rng.normal(),
    };
    const probability = 1 / (1 + Math.exp(-conversionLogit(signals)));
    const converted = rng.chance(probability) ? 'Yes' : 'No';
    out.push({
      lead: {
        lead_id: `L${String(i + 1).padStart(width, '0')}`,
        name: `${first} ${last}`,
        title,
        email,
        company: company.name,
        employees: employees === null ? '' : String(employees),
        country: company.country.name,
        lead_source: source,
        description: description.text,
        created_date: created.toISOString().slice(0, 10),
        historical_spend: spend === null ? '' : spend.toFixed(2),
        converted,
      },
      signals,
      probability,
    });
  }
  return out;
}

/** RFC 4180 quoting; stray leading/trailing spaces are quoted too so readers keep them. */
function csvField(value: string): string {
  return /[",\n\r]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function leadsToCsv(leads: readonly Lead[]): string {
  const lines = [LEAD_COLUMNS.join(',')];
  for (const lead of leads) lines.push(LEAD_COLUMNS.map((c) => csvField(lead[c])).join(','));
  return lines.join('\n') + '\n';
}

export function generateLeads(options: { rows?: number; seed?: number } = {}): string {
  return leadsToCsv(generateLeadRecords(options).map((r) => r.lead));
}

export const DEFAULT_OUT = fileURLToPath(new URL('./public/leads.csv', import.meta.url));

export function parseArgs(argv: readonly string[]): { rows: number; seed: number; out: string } {
  const args = { rows: DEFAULT_ROWS, seed: DEFAULT_SEED, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag !== '--rows' && flag !== '--seed' && flag !== '--out') throw new Error(`unknown argument ${flag}`);
    if (value === undefined) throw new Error(`${flag} needs a value`);
    i++;
    if (flag === '--out') args.out = resolve(value);
    else {
      const n = Number(value);
      if (!Number.isInteger(n)) throw new Error(`${flag} must be an integer, got "${value}"`);
      if (flag === '--rows') args.rows = n;
      else args.seed = n;
    }
  }
  return args;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { rows, seed, out } = parseArgs(process.argv.slice(2));
    writeFileSync(out, generateLeads({ rows, seed }));
    console.log(`wrote ${rows} leads (seed ${seed}) to ${out}`);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(2);
  }
}
