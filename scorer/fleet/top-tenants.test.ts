import { describe, expect, it } from 'vitest';
import { OTHER_TENANTS, TopTenants } from './top-tenants';

describe('TopTenants', () => {
  it('labels the first tenants while there is room, then counts the rest as other', () => {
    const top = new TopTenants(2);
    expect(top.record('a').label).toBe('a');
    expect(top.record('b').label).toBe('b');
    expect(top.record('c').label).toBe(OTHER_TENANTS);
    expect(top.labels().sort()).toEqual(['a', 'b']);
  });

  it('a tenant that clearly passes the quietest labelled one takes its place; the set never grows past its size', () => {
    const top = new TopTenants(2);
    top.record('a');
    top.record('b');
    for (let i = 0; i < 5; i++) top.record('a');
    let demoted: string | undefined;
    let label = '';
    for (let i = 0; i < 12 && !demoted; i++) ({ label, demoted } = top.record('c'));
    expect(demoted).toBe('b');
    expect(label).toBe('c');
    expect(top.labels().sort()).toEqual(['a', 'c']);
    expect(top.record('b').label).toBe(OTHER_TENANTS);
  });

  it('a thousand tenants in random order: never more than size labels, and the busiest end up labelled', () => {
    const top = new TopTenants(10);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      // Tenants 0-4 are hot (half the traffic), the other 995 share the rest.
      const id = random() < 0.5 ? `hot${Math.floor(random() * 5)}` : `t${Math.floor(random() * 995)}`;
      const { label } = top.record(id);
      seen.add(label);
      expect(top.labels().length).toBeLessThanOrEqual(10);
    }
    for (let h = 0; h < 5; h++) expect(top.labels()).toContain(`hot${h}`);
    expect(seen.has(OTHER_TENANTS)).toBe(true);
  });
});
