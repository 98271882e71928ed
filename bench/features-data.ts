// A seeded 20-column mixed lead table (plus the target) for the transform-speed benchmark: ids,
// titles, emails, companies, counts, money, dates, a datetime, short descriptions (half from
// templates, half unique), phones, URLs, a boolean and categoricals, with missing values.
import type { Column, DataTable } from '../kernels/table/types';

function prng(seed: number): () => number {
  let s = (seed * 2654435761 + 1) >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

const TITLES = ['CEO', 'CTO', 'VP Sales', 'Senior VP', 'Vice President Marketing', 'Director of IT', 'Head of Engineering', 'Sales Manager', 'Account Executive', 'Software Engineer', 'Data Analyst', 'Marketing Intern', 'Geschäftsführer', 'Vertriebsleiter', 'Gerente de Ventas', 'Directeur Commercial', 'Product Manager', 'HR Coordinator', 'Controller', 'Chairperson'];
// [template, follow-up in the same language with a topic slot]
const DESCRIPTIONS: [string, string][] = [
  ['Very interested in a demo next week', 'asked about {} and the timeline'], ['No budget this year', 'maybe revisit {} next quarter'],
  ['Asked for pricing and a trial', 'wants to know more about {}'], ['Sehr interessiert an einer Demo', 'Fragen zu {} und zum Zeitplan'],
  ['Muy interesados en el producto', 'preguntaron por {} y el precio'], ['Le produit a fait bonne impression', 'questions sur {} et le calendrier'],
  ['Evaluating several vendors', 'the decision depends on {}'], ['Not a good fit, too small', 'no need for {} right now'],
  ['Great call, decision maker engaged', 'next step is a call about {}'], ['Disappointed by the missing features', 'especially {} is lacking'],
];
const WORDS = ['pricing', 'integration', 'security', 'timeline', 'budget', 'renewal', 'pilot', 'contract', 'support', 'migration'];

export function mixedTable(n: number, seed: number): DataTable {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const companies = Array.from({ length: 300 }, (_, i) => `${pick(['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Nordlicht', 'Soylent', 'Vandelay'])} ${pick(['Systems', 'Labs', 'Foods', 'Media', 'Motors'])} ${i} ${pick(['Inc.', 'GmbH', 'SA', 'Ltd', 'LLC'])}`);
  const str = (name: string, type: Column['type'], values: (string | null)[]): Column => ({ name, type, storage: 'string', values });
  const num = (name: string, type: Column['type'], values: number[]): Column => ({ name, type, storage: 'numeric', values: Float64Array.from(values) });
  const cols: Record<string, (string | number | null)[]> = {};
  const add = (k: string, v: string | number | null) => (cols[k] ??= []).push(v);
  const t0 = Date.UTC(2022, 0, 1);
  for (let i = 0; i < n; i++) {
    const company = pick(companies);
    const personal = r() < 0.3;
    const title = r() < 0.05 ? null : pick(TITLES);
    const employees = r() < 0.1 ? NaN : Math.floor(Math.exp(r() * 9));
    const spend = Math.round(Math.exp(r() * 10) * 100) / 100;
    add('lead_id', `L${String(i).padStart(7, '0')}`);
    add('title', title);
    add('email', r() < 0.05 ? null : `u${i}@${personal ? pick(['gmail.com', 'yahoo.com', 'gmx.de', 'orange.fr']) : company.split(' ')[0].toLowerCase() + '.com'}`);
    add('company', company);
    add('employees', employees);
    add('country', pick(['US', 'DE', 'FR', 'ES', 'UK', 'CA', 'IT', 'NL', 'AT', 'CH', 'MX', 'BR']));
    add('lead_source', pick(['Web', 'Referral', 'Partner', 'Trade Show', 'Cold Call', 'Webinar', 'Ads', 'Email']));
    add('industry', `industry ${Math.floor(r() * 20)}`);
    const [template, followUp] = pick(DESCRIPTIONS);
    add('description', r() < 0.1 ? null : r() < 0.5 ? template : `${template}; ${followUp.replace('{}', pick(WORDS))} (#${i})`);
    add('created_date', t0 + Math.floor(r() * 900) * 86_400_000);
    add('last_activity', t0 + Math.floor(r() * 900 * 86_400) * 1000);
    add('historical_spend', spend);
    add('annual_revenue', r() < 0.2 ? NaN : Math.round(Math.exp(10 + r() * 8)));
    add('page_views', Math.floor(r() * 50));
    add('email_opens', Math.floor(r() * 20));
    add('score_a', r() * 100);
    add('phone', r() < 0.1 ? null : r() < 0.1 ? '123' : `+49 30 ${Math.floor(1e6 + r() * 8e6)}`);
    add('website', r() < 0.2 ? null : `https://www.${company.split(' ')[0].toLowerCase()}.com/about`);
    add('is_customer', r() < 0.3 ? 1 : 0);
    add('region', pick(['NA', 'EMEA', 'APAC', 'LATAM', 'DACH']));
    const logit = -1 + (title && /CEO|VP|Vice|Director|Head|Geschäfts/.test(title) ? 1 : 0) + (personal ? -0.7 : 0) + (spend > 1000 ? 0.8 : 0) + (employees > 100 ? 0.5 : 0);
    add('converted', r() < 1 / (1 + Math.exp(-logit)) ? 'Yes' : 'No');
  }
  const s = (k: string) => cols[k] as (string | null)[];
  const x = (k: string) => cols[k] as number[];
  const columns: Column[] = [
    str('lead_id', 'id', s('lead_id')), str('title', 'categorical', s('title')), str('email', 'email', s('email')),
    str('company', 'categorical', s('company')), num('employees', 'integer', x('employees')), str('country', 'categorical', s('country')),
    str('lead_source', 'categorical', s('lead_source')), str('industry', 'categorical', s('industry')), str('description', 'text', s('description')),
    num('created_date', 'date', x('created_date')), num('last_activity', 'datetime', x('last_activity')), num('historical_spend', 'number', x('historical_spend')),
    num('annual_revenue', 'number', x('annual_revenue')), num('page_views', 'integer', x('page_views')), num('email_opens', 'integer', x('email_opens')),
    num('score_a', 'number', x('score_a')), str('phone', 'phone', s('phone')), str('website', 'url', s('website')),
    num('is_customer', 'boolean', x('is_customer')), str('region', 'categorical', s('region')), str('converted', 'categorical', s('converted')),
  ];
  return { name: 'mixed', rowCount: n, columns };
}
