import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OUT, LEAD_COLUMNS, generateLeadRecords, generateLeads, parseArgs, slug, type Lead,
} from './generate-leads';

/** Minimal RFC 4180 reader, enough to check the generator's own output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

function toLeads(csv: string): Lead[] {
  const [header, ...body] = parseCsv(csv);
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])) as Lead);
}

function rate(leads: readonly Lead[]): number {
  return leads.filter((l) => l.converted === 'Yes').length / leads.length;
}

const PERSONAL = /@(gmail|yahoo|hotmail|outlook|aol|web|gmx|t-online|orange|free|bluewin|bigpond|btinternet|aon|skynet)\./;
const VALID = /^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;

describe('generateLeads', () => {
  const csv = generateLeads();
  const leads = toLeads(csv);

  it('reproduces the committed sample-data/public/leads.csv byte for byte', () => {
    expect(readFileSync(DEFAULT_OUT, 'utf8') === csv).toBe(true);
  });

  it('is deterministic per seed and differs across seeds', () => {
    expect(generateLeads({ rows: 300, seed: 7 })).toBe(generateLeads({ rows: 300, seed: 7 }));
    expect(generateLeads({ rows: 300, seed: 8 })).not.toBe(generateLeads({ rows: 300, seed: 7 }));
  });

  it('writes 5,000 rows with every column and unique ids', () => {
    expect(csv.split('\n')[0]).toBe(LEAD_COLUMNS.join(','));
    expect(leads).toHaveLength(5000);
    for (const lead of leads) expect(Object.keys(lead)).toHaveLength(LEAD_COLUMNS.length);
    expect(new Set(leads.map((l) => l.lead_id)).size).toBe(5000);
  });

  it('has a 15-30% positive rate and only Yes/No labels', () => {
    expect(new Set(leads.map((l) => l.converted))).toEqual(new Set(['Yes', 'No']));
    expect(rate(leads)).toBeGreaterThan(0.15);
    expect(rate(leads)).toBeLessThan(0.3);
  });

  it('carries the messiness the feature engineering has to handle', () => {
    const titles = new Set(leads.map((l) => l.title));
    expect(titles.size).toBeGreaterThan(500); // many spellings of few seniorities
    expect([...titles].some((t) => t !== t.trim())).toBe(true);
    expect([...titles].some((t) => /^[A-Z .,&-]+$/.test(t) && t.length > 4)).toBe(true);
    const emails = leads.map((l) => l.email);
    expect(emails.filter((e) => e === '').length).toBeGreaterThan(100);
    expect(emails.filter((e) => e !== '' && !VALID.test(e)).length).toBeGreaterThan(100);
    expect(emails.filter((e) => PERSONAL.test(e)).length).toBeGreaterThan(500);
    expect(leads.filter((l) => l.employees === '').length).toBeGreaterThan(100);
    expect(leads.filter((l) => l.historical_spend === '0.00').length).toBeGreaterThan(500);
    expect(leads.filter((l) => l.historical_spend === '').length).toBeGreaterThan(100);
    const descriptions = leads.map((l) => l.description).join(' ');
    for (const word of ['interested', 'interessiert', 'interesado', 'intéressé', 'Wurst']) {
      expect(descriptions).toContain(word);
    }
    const dates = leads.map((l) => l.created_date).sort();
    expect(dates[0] >= '2023-01-01' && dates[dates.length - 1] <= '2024-12-31').toBe(true);
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  });

  it('derives corporate email domains from the company name', () => {
    const corporate = leads.filter((l) => VALID.test(l.email) && !PERSONAL.test(l.email));
    const matching = corporate.filter((l) => {
      const domain = slug(l.email.split('@')[1].split('.')[0]);
      return slug(l.company).startsWith(domain);
    });
    expect(matching.length / corporate.length).toBeGreaterThan(0.95);
  });

  it('converts C-level titles far more often than interns (read from the raw title text)', () => {
    const cLevel = leads.filter((l) => /\b(ceo|chief|chair)/i.test(l.title));
    const interns = leads.filter((l) => /\b(intern|praktikant|stagiaire|becari)/i.test(l.title));
    expect(cLevel.length).toBeGreaterThan(100);
    expect(interns.length).toBeGreaterThan(100);
    expect(rate(cLevel)).toBeGreaterThan(rate(interns) + 0.2);
  });

  it('converts corporate emails more often than personal ones', () => {
    const corporate = leads.filter((l) => VALID.test(l.email) && !PERSONAL.test(l.email));
    const personal = leads.filter((l) => PERSONAL.test(l.email) && VALID.test(l.email));
    expect(rate(corporate)).toBeGreaterThan(rate(personal) + 0.1);
  });

  it('converts positive descriptions, referrals and big spenders more often', () => {
    const records = generateLeadRecords();
    const by = (pick: (r: (typeof records)[number]) => boolean) => rate(records.filter(pick).map((r) => r.lead));
    expect(by((r) => r.signals.sentiment > 0)).toBeGreaterThan(by((r) => r.signals.sentiment < 0) + 0.1);
    expect(by((r) => r.lead.lead_source === 'Referral')).toBeGreaterThan(by((r) => r.lead.lead_source === 'Purchased List') + 0.1);
    expect(by((r) => (r.signals.spend ?? 0) > 5000)).toBeGreaterThan(by((r) => r.signals.spend === 0) + 0.1);
  });
});

describe('parseArgs', () => {
  it('reads rows, seed and out', () => {
    expect(parseArgs(['--rows', '10', '--seed', '3', '--out', '/tmp/x.csv'])).toEqual({ rows: 10, seed: 3, out: '/tmp/x.csv' });
  });

  it('names the bad argument', () => {
    expect(() => parseArgs(['--rows', 'many'])).toThrow('--rows must be an integer, got "many"');
    expect(() => parseArgs(['--colour', 'red'])).toThrow('unknown argument --colour');
    expect(() => parseArgs(['--seed'])).toThrow('--seed needs a value');
    expect(() => generateLeads({ rows: 0 })).toThrow('rows must be a positive integer');
  });
});
