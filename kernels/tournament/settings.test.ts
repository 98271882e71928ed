import { describe, expect, it } from 'vitest';
import { resolveSettings, tournamentMaxTerms } from './settings';

describe('text terms per column', () => {
  it('are 500 from 1,000 training rows on, and up to 3,000 on fewer rows (a cell budget)', () => {
    expect(tournamentMaxTerms(50_000)).toBe(500);
    expect(tournamentMaxTerms(1000)).toBe(500);
    expect(tournamentMaxTerms(500)).toBe(1000);
    expect(tournamentMaxTerms(186)).toBe(2688);
    expect(tournamentMaxTerms(20)).toBe(3000);
    expect(tournamentMaxTerms(0)).toBe(3000);
  });

  it('stay unset in the resolved settings unless given, so a template picks them anew for its table', () => {
    expect(resolveSettings({ target: 'y' }).features?.maxTerms).toBeUndefined();
    expect(resolveSettings({ target: 'y', features: { maxTerms: 50 } }).features?.maxTerms).toBe(50);
  });
});
