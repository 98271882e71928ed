import { describe, expect, it } from 'vitest';
import { binaryLogisticObjective, multinomialObjective } from './logistic-loss';
import { linearWasmModule, WasmArena } from './wasm-design';

/** A deterministic uniform stream in [0, 1). */
function stream(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** exp / log of xs through the module's accuracy exports. */
function throughWasm(name: 'expArray' | 'logArray', xs: number[]): Float64Array {
  const arena = new WasmArena(linearWasmModule()!);
  const n = xs.length + (xs.length & 1);
  const inAt = arena.alloc(n * 8);
  const outAt = arena.alloc(n * 8);
  arena.seal();
  arena.f64(inAt, n).set(xs);
  if (n > xs.length) arena.f64(inAt, n)[n - 1] = name === 'logArray' ? 1 : 0;
  arena.kernels[name](inAt, outAt, n);
  return arena.f64(outAt, xs.length).slice();
}

describe('linear WebAssembly kernels', () => {
  it('compile here (Node 20 has WebAssembly SIMD)', () => {
    expect(linearWasmModule()).toBeInstanceOf(WebAssembly.Module);
  });

  it('exp is within 2 ulp of Math.exp on [−708, 0], 0 below, NaN for NaN', () => {
    const next = stream(1);
    const xs = [0, -1e-300, -0.5 * Math.LN2, -Math.LN2, -1, -30.5, -707.9, ...Array.from({ length: 20000 }, () => -next() * 708)];
    const got = throughWasm('expArray', xs);
    xs.forEach((x, i) => {
      const want = Math.exp(x);
      expect(Math.abs(got[i] - want), `exp(${x})`).toBeLessThanOrEqual(2 * Number.EPSILON * want);
    });
    const edge = throughWasm('expArray', [-708.5, -1000, -Infinity, NaN]);
    expect(Array.from(edge.slice(0, 3))).toEqual([0, 0, 0]);
    expect(edge[3]).toBeNaN();
  });

  it('log is within 1 ulp of Math.log on normal positive numbers', () => {
    const next = stream(2);
    const xs = [1, 1 + Number.EPSILON, Math.SQRT2, Math.SQRT1_2, 2, 26, 1e-300, 1e300, ...Array.from({ length: 20000 }, () => Math.exp((next() - 0.5) * 1400))];
    xs.push(...Array.from({ length: 5000 }, () => 1 + next()));
    const got = throughWasm('logArray', xs);
    xs.forEach((x, i) => {
      const want = Math.log(x);
      expect(Math.abs(got[i] - want), `log(${x})`).toBeLessThanOrEqual(Number.EPSILON * Math.max(Math.abs(want), Number.MIN_VALUE));
    });
  });
});

/** Columns of every storage kind: dense, mostly-zero (sparse), 0/1 flags; n odd so a padding row exists. */
function design(n: number, p: number, seed: number) {
  const next = stream(seed);
  const columns = Array.from({ length: p }, (_, j) =>
    Float64Array.from({ length: n }, () => (j % 3 === 0 ? (next() < 0.1 ? next() * 3 : 0) : j % 3 === 1 ? next() * 4 - 2 : next() < 0.2 ? 1 : 0)),
  );
  const weights = Float64Array.from({ length: n }, () => 0.5 + next());
  return { columns, weights, next };
}

function expectClose(a: Float64Array, b: Float64Array) {
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i]), `entry ${i}`).toBeLessThan(1e-13 * Math.max(1, Math.abs(b[i])));
}

describe('logistic losses: WebAssembly and JavaScript engines agree to rounding', () => {
  it.each([[1001, 11], [1000, 6], [3, 2]])('binary, %i rows × %i columns, weighted', (n, p) => {
    const { columns, weights, next } = design(n, p, n + p);
    const y = Float64Array.from({ length: n }, () => (next() < 0.4 ? 1 : 0));
    const x = Float64Array.from({ length: p + 1 }, () => next() * 6 - 3);
    const [gw, gj] = [new Float64Array(p + 1), new Float64Array(p + 1)];
    const fw = binaryLogisticObjective({ columns, y, weights, l2: 0.01 }, 'wasm')(x, gw);
    const fj = binaryLogisticObjective({ columns, y, weights, l2: 0.01 }, 'js')(x, gj);
    expect(Math.abs(fw - fj)).toBeLessThan(1e-13 * fj);
    expectClose(gw, gj);
  });

  it('binary with logits far beyond exp’s range (separable data) stays finite', () => {
    const { columns, next } = design(501, 5, 9);
    const y = Float64Array.from({ length: 501 }, () => (next() < 0.5 ? 1 : 0));
    const x = Float64Array.from({ length: 6 }, (_, j) => (j % 2 ? 900 : -800));
    const [gw, gj] = [new Float64Array(6), new Float64Array(6)];
    const fw = binaryLogisticObjective({ columns, y, l2: 0 }, 'wasm')(x, gw);
    const fj = binaryLogisticObjective({ columns, y, l2: 0 }, 'js')(x, gj);
    expect(Number.isFinite(fw)).toBe(true);
    expect(Math.abs(fw - fj)).toBeLessThan(1e-12 * fj);
    expectClose(gw, gj);
  });

  it.each([[1001, 7, 5], [998, 9, 4], [5, 3, 3]])('multinomial, %i rows × %i columns, %i classes, weighted', (n, p, k) => {
    const { columns, weights, next } = design(n, p, n * k);
    const y = Float64Array.from({ length: n }, () => Math.floor(next() * k));
    const x = Float64Array.from({ length: k * (p + 1) }, () => next() * 6 - 3);
    const [gw, gj] = [new Float64Array(x.length), new Float64Array(x.length)];
    const fw = multinomialObjective({ columns, y, weights, l2: 0.01 }, k, 'wasm')(x, gw);
    const fj = multinomialObjective({ columns, y, weights, l2: 0.01 }, k, 'js')(x, gj);
    expect(Math.abs(fw - fj)).toBeLessThan(1e-13 * fj);
    expectClose(gw, gj);
  });

  it('an objective evaluates the same twice (its buffers are rewritten, not accumulated)', () => {
    const { columns, next } = design(301, 6, 4);
    const y = Float64Array.from({ length: 301 }, () => Math.floor(next() * 3));
    const f = multinomialObjective({ columns, y, l2: 0.1 }, 3, 'wasm');
    const x = Float64Array.from({ length: 21 }, () => next() - 0.5);
    const [g1, g2] = [new Float64Array(21), new Float64Array(21)];
    expect(f(x, g1)).toBe(f(x, g2));
    expect(Array.from(g2)).toEqual(Array.from(g1));
  });
});
