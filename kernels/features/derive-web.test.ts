import { describe, expect, it } from 'vitest';
import { tableReader } from './context';
import { applyDate, fitDate } from './derive-date';
import { applyEmail, fitEmail } from './derive-email';
import { domainCompanySimilarity } from './derive-email-company';
import { isPlausiblePhone } from './derive-phone';
import { makeTable } from './testing/make-table';
import { parseUrl } from './web/domain';

const OPTIONS = { topK: 20, minSupport: 2, maxTerms: 0, maxBuckets: 6 };
const LABELS = (n: number) => ({ task: 'binary' as const, y: new Float64Array(n) });

describe('email, phone, URL and date derivations', () => {
  it('reads email validity, personal vs corporate domain and frequent domains', () => {
    const values = ['ann@acme.com', 'bob@acme.com', 'eve@gmail.com', 'zoe@GMX.de', 'not an email', 'x@localhost', null];
    const t = makeTable({ email: { type: 'email', values } });
    const reader = tableReader(t, [{ name: 'email', type: 'email', role: 'email', storage: 'string' }]);
    const spec = fitEmail({ name: 'email', type: 'email', role: 'email', storage: 'string', reader, labels: LABELS(values.length), options: OPTIONS });
    expect(spec.domains).toEqual(['acme.com']);
    const [valid, personal, acme, other] = applyEmail(spec, reader);
    expect(Array.from(valid)).toEqual([1, 1, 1, 1, 0, 0, NaN]);
    expect(Array.from(personal)).toEqual([0, 0, 1, 1, 0, 0, NaN]);
    expect(Array.from(acme)).toEqual([1, 1, 0, 0, 0, 0, 0]);
    // An address without a proper domain has no domain to count.
    expect(Array.from(other)).toEqual([0, 0, 1, 1, 0, 0, 0]);
  });

  it('scores email domain against company name', () => {
    expect(domainCompanySimilarity('acme', 'ACME Corp.')).toBe(1);
    expect(domainCompanySimilarity('acme-retail', 'Acme')).toBe(0.9);
    expect(domainCompanySimilarity('ibm', 'International Business Machines')).toBe(0.9);
    expect(domainCompanySimilarity('nordlichtfoods', 'Nordlicht Foods GmbH & Co. KG')).toBe(1);
    expect(domainCompanySimilarity('zenith', 'Oceanic Logistics')).toBeLessThan(0.3);
  });

  it('tells plausible phone numbers from junk', () => {
    for (const p of ['+49 30 1234567', '(415) 555-0134', '0044 20 7946 0958', '+1 650 253 0000 ext. 12']) expect(isPlausiblePhone(p), p).toBe(true);
    for (const p of ['123', 'n/a', '0000000000', 'call me', '+1 234 567 890 123 456 7']) expect(isPlausiblePhone(p), p).toBe(false);
  });

  it('reads the registrable domain of URLs', () => {
    expect(parseUrl('https://www.shop.acme.co.uk/about?x=1')).toEqual({ valid: true, domain: 'acme.co.uk' });
    expect(parseUrl('linkedin.com/in/someone')).toEqual({ valid: true, domain: 'linkedin.com' });
    expect(parseUrl('not a url').valid).toBe(false);
  });

  it('puts dates on the unit circle and counts days before the latest training date', () => {
    const days = [Date.UTC(2024, 0, 1), Date.UTC(2024, 6, 1), Date.UTC(2024, 11, 31), NaN];
    const t = makeTable({ d: { type: 'date', values: days } });
    const reader = tableReader(t, [{ name: 'd', type: 'date', role: 'date', storage: 'numeric' }]);
    const spec = fitDate({ name: 'd', type: 'date', role: 'date', storage: 'numeric', reader, labels: LABELS(4), options: OPTIONS })!;
    expect(spec.timeOfDay).toBe(false);
    const out = applyDate(spec, reader);
    const col = (name: string) => out[spec.outputs.indexOf(`d:${name}`)];
    expect(Array.from(col('days_since'))).toEqual([365, 183, 0, NaN]);
    expect(col('month_cos')[0]).toBeCloseTo(1);
    expect(col('month_cos')[1]).toBeCloseTo(-1);
    // 31 December sits next to 1 January on the circle.
    expect(Math.hypot(col('day_of_year_sin')[2] - col('day_of_year_sin')[0], col('day_of_year_cos')[2] - col('day_of_year_cos')[0])).toBeLessThan(0.05);
    // 1 January 2024 was a Monday: 1/7 of the way round.
    expect(col('day_of_week_sin')[0]).toBeCloseTo(Math.sin((2 * Math.PI) / 7), 5);
  });
});
