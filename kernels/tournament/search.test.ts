import { describe, expect, it } from 'vitest';
import { TournamentSearch, type Candidate } from './search';
import { paramsKey, searchSpaces, type DataShape, type ParamDomain } from './search-space';

const shape: DataShape = { task: 'binary', nRows: 1000, nFeatures: 10, nClasses: 2, minorityShare: 0.4 };

function run(seed: number, scoreOf: (c: Candidate) => number, n = 25): Candidate[] {
  const search = new TournamentSearch(searchSpaces(['gbdt', 'linear', 'bayes'], shape), { seed });
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const c = search.ask();
    if (!c) break;
    out.push(c);
    search.tell({ candidate: c, score: scoreOf(c), seconds: c.family === 'gbdt' ? 2 : 0.2 });
  }
  return out;
}

const fakeScore = (c: Candidate) =>
  c.family === 'gbdt' ? 0.8 - Math.abs(Math.log((c.params.learningRate as number) / 0.03)) * 0.02 : c.family === 'linear' ? 0.78 : 0.7;

describe('TournamentSearch', () => {
  it('tries every family portfolio first, a GBDT (it stops itself at the budget) first, then linear and naive Bayes', () => {
    const candidates = run(1, fakeScore, 8);
    expect(candidates.slice(0, 3).map((c) => c.family)).toEqual(['gbdt', 'linear', 'bayes']);
    expect(candidates.slice(0, 8).every((c) => c.origin === 'default')).toBe(true);
  });

  it('never spends a candidate on a naive Bayes configuration equivalent to one already tried', () => {
    expect(paramsKey('bayes', { varSmoothing: 1e-9, alpha: 1, categorical: 'one-hot' })).toBe(paramsKey('bayes', { varSmoothing: 3e-11, alpha: 7.5, categorical: 'one-hot' }));
    expect(paramsKey('bayes', { varSmoothing: 1e-9, alpha: 1, categorical: 'codes' })).not.toBe(paramsKey('bayes', { varSmoothing: 1e-9, alpha: 7.5, categorical: 'codes' }));
    expect(paramsKey('bayes', { varSmoothing: 0.01, alpha: 1, categorical: 'codes' })).not.toBe(paramsKey('bayes', { varSmoothing: 1e-9, alpha: 1, categorical: 'codes' }));
    // A search where naive Bayes looks best keeps proposing it: no two of its candidates are equivalent.
    const bayesFirst = (c: Candidate) => (c.family === 'bayes' ? 0.9 : 0.5);
    const bayes = run(5, bayesFirst, 80).filter((c) => c.family === 'bayes');
    expect(bayes.length).toBeGreaterThan(3);
    expect(new Set(bayes.map((c) => paramsKey('bayes', c.params))).size).toBe(bayes.length);
  });

  it('proposes the same candidates for the same seed and outcomes', () => {
    expect(run(7, fakeScore)).toEqual(run(7, fakeScore));
    expect(run(7, fakeScore).slice(8)).not.toEqual(run(8, fakeScore).slice(8));
  });

  it('never proposes the same configuration twice and keeps values in their domains', () => {
    const candidates = run(3, fakeScore, 60);
    const keys = new Set(candidates.map((c) => c.family + JSON.stringify(c.params)));
    expect(keys.size).toBe(candidates.length);
    const spaces = searchSpaces(['gbdt', 'linear', 'bayes'], shape);
    for (const c of candidates) {
      const space = spaces.find((s) => s.family === c.family)!;
      for (const [name, domain] of Object.entries(space.domains) as [string, ParamDomain][]) {
        const v = c.params[name];
        if (domain.kind === 'choice') expect(domain.values).toContain(v);
        else {
          expect(v as number).toBeGreaterThanOrEqual(domain.low);
          expect(v as number).toBeLessThanOrEqual(domain.high);
        }
      }
    }
  });

  it('spends most of the local-search time on the leading family and moves toward better scores', () => {
    const candidates = run(5, fakeScore, 60);
    const local = candidates.filter((c) => c.origin !== 'default');
    const seconds = (cs: Candidate[]) => cs.reduce((a, c) => a + (c.family === 'gbdt' ? 2 : 0.2), 0);
    expect(seconds(local.filter((c) => c.family === 'gbdt'))).toBeGreaterThan(0.7 * seconds(local));
    const gbdt = candidates.filter((c) => c.family === 'gbdt');
    const bestLate = Math.max(...gbdt.slice(-10).map(fakeScore));
    expect(bestLate).toBeGreaterThan(Math.max(...gbdt.slice(0, 3).map(fakeScore)));
  });

  it('retires families that stop improving, and then has nothing more to propose', () => {
    const candidates = run(2, (c) => (c.family === 'linear' ? 0.8 : 0.7), 2000);
    expect(candidates.length).toBeLessThan(200);
    expect(candidates.filter((c) => c.origin === 'random').length).toBeGreaterThan(0);
  });

  it('stops at maxCandidates', () => {
    const search = new TournamentSearch(searchSpaces(['linear'], shape), { seed: 1, maxCandidates: 2 });
    expect(search.ask()).toBeDefined();
    expect(search.ask()).toBeDefined();
    expect(search.ask()).toBeUndefined();
  });
});
