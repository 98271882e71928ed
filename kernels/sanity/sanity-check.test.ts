import { describe, expect, it } from 'vitest';
import { fitFeaturePipeline } from '../features/fit-pipeline';
import { makeTable } from '../features/testing/make-table';

/** A table with honest signal and one kind of leak. */
function withLeak(kind: 'numeric' | 'categorical' | 'text' | 'missing' | 'none', n = 1000) {
  let seed = 3;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const y: string[] = [];
  const x: number[] = [];
  const cat: string[] = [];
  const leak: (string | number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const xi = rand() * 10;
    const yes = rand() < 0.2 + 0.05 * xi;
    y.push(yes ? 'Yes' : 'No');
    x.push(xi);
    cat.push(['a', 'b', 'c'][Math.floor(rand() * 3)]);
    if (kind === 'numeric') leak.push((yes ? 100 : 0) + rand());
    else if (kind === 'categorical') leak.push(yes ? (rand() < 0.5 ? 'Closed Won' : 'Won - Renewal') : (rand() < 0.5 ? 'Closed Lost' : 'No decision'));
    else if (kind === 'text') leak.push(`Call notes ${i % 7}: ${yes ? 'contract signed, invoice sent' : 'follow up later maybe'} with the team`);
    else if (kind === 'missing') leak.push(yes ? `2024-0${1 + (i % 9)}-15` : null);
    else leak.push(rand());
  }
  const leakType = kind === 'numeric' || kind === 'none' ? 'number' : kind === 'categorical' ? 'categorical' : kind === 'text' ? 'text' : 'categorical';
  return makeTable({
    x: { type: 'number', values: x },
    segment: { type: 'categorical', values: cat },
    suspicious: { type: leakType, values: leak },
    converted: { type: 'categorical', values: y },
  });
}

describe('sanity checker: label leaks', () => {
  it.each(['numeric', 'categorical', 'text', 'missing'] as const)('flags a %s leak with a readable reason and drops the column', (kind) => {
    const fit = fitFeaturePipeline(withLeak(kind), 'converted');
    const leak = fit.dropped.filter((d) => d.kind === 'leak');
    expect(leak.map((d) => d.column)).toEqual(['suspicious']);
    expect(leak[0].reason).toMatch(/label leak/);
    if (kind === 'missing') expect(leak[0].reason).toMatch(/empty/);
    expect(fit.matrix.featureNames.some((f) => f.startsWith('suspicious'))).toBe(false);
    expect(fit.matrix.featureNames).toContain('x');
  });

  it('does not flag honest columns', () => {
    const fit = fitFeaturePipeline(withLeak('none'), 'converted');
    expect(fit.dropped.filter((d) => d.kind === 'leak')).toEqual([]);
  });

  it('flags a leak in a regression target', () => {
    const n = 500;
    const y = Array.from({ length: n }, (_, i) => (i * 7919) % 1000);
    const t = makeTable({ noise: { type: 'number', values: y.map((_, i) => (i * 31) % 17) }, copy: { type: 'number', values: y.map((v) => v * 2 + 1) }, price: { type: 'number', values: y } });
    const fit = fitFeaturePipeline(t, 'price');
    expect(fit.dropped.filter((d) => d.kind === 'leak').map((d) => d.column)).toEqual(['copy']);
  });

  it('keeps flagged columns when asked, still reporting them', () => {
    const fit = fitFeaturePipeline(withLeak('numeric'), 'converted', { keepFlagged: true });
    expect(fit.dropped.some((d) => d.kind === 'leak')).toBe(true);
    expect(fit.matrix.featureNames).toContain('suspicious');
  });
});

describe('sanity checker: useless features', () => {
  it('drops near-zero-variance and duplicate features with a reason each', () => {
    const n = 2000;
    const a = Array.from({ length: n }, (_, i) => (i * 37) % 101);
    const t = makeTable({
      a: { type: 'number', values: a },
      twice: { type: 'number', values: a.map((v) => 2 * v + 3) },
      rare: { type: 'number', values: a.map((v, i) => (i < 2 ? null : v % 5)) },
      y: { type: 'categorical', values: a.map((v, i) => ((v + i) % 3 === 0 ? 'Yes' : 'No')) },
    });
    const fit = fitFeaturePipeline(t, 'y', { disabled: ['a:buckets', 'twice:buckets', 'rare:buckets'] });
    const dup = fit.dropped.find((d) => d.feature === 'twice');
    expect(dup?.kind).toBe('duplicate');
    expect(dup?.reason).toMatch(/near-duplicate of 'a'/);
    const nzv = fit.dropped.find((d) => d.feature === 'rare is null');
    expect(nzv?.kind).toBe('near-zero-variance');
    expect(nzv?.reason).toMatch(/only 2 of 2000 rows/);
    expect(fit.matrix.featureNames).toEqual(['a', 'rare']);
  });
});
