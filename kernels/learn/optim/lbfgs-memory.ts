// The limited-memory inverse-Hessian approximation shared by L-BFGS and OWL-QN: a ring of
// (s, y) correction pairs applied with the two-loop recursion (Nocedal & Wright, Alg. 7.4).
import { dot } from './types';

export class LbfgsMemory {
  private readonly s: Float64Array[] = [];
  private readonly y: Float64Array[] = [];
  private readonly rho: number[] = [];
  private readonly alpha: Float64Array;
  private head = 0;
  private count = 0;

  constructor(
    private readonly dim: number,
    private readonly capacity: number,
  ) {
    for (let k = 0; k < capacity; k++) {
      this.s.push(new Float64Array(dim));
      this.y.push(new Float64Array(dim));
      this.rho.push(0);
    }
    this.alpha = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Stores the pair if it has positive curvature (s·y > 0); returns whether it was kept. */
  push(s: Float64Array, y: Float64Array): boolean {
    const sy = dot(s, y);
    if (!(sy > 1e-300)) return false;
    const slot = this.head;
    this.s[slot].set(s);
    this.y[slot].set(y);
    this.rho[slot] = 1 / sy;
    this.head = (this.head + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
    return true;
  }

  clear(): void {
    this.count = 0;
    this.head = 0;
  }

  /** out = -H·g, H the current inverse-Hessian approximation (scaled identity when empty). */
  direction(g: Float64Array, out: Float64Array): void {
    const n = this.dim;
    for (let i = 0; i < n; i++) out[i] = -g[i];
    const m = this.count;
    for (let k = 0; k < m; k++) {
      const slot = (this.head - 1 - k + 2 * this.capacity) % this.capacity;
      const a = this.rho[slot] * dot(this.s[slot], out);
      this.alpha[slot] = a;
      const y = this.y[slot];
      for (let i = 0; i < n; i++) out[i] -= a * y[i];
    }
    if (m > 0) {
      const last = (this.head - 1 + this.capacity) % this.capacity;
      const yy = dot(this.y[last], this.y[last]);
      const gamma = 1 / (this.rho[last] * yy); // s·y / y·y
      for (let i = 0; i < n; i++) out[i] *= gamma;
    }
    for (let k = m - 1; k >= 0; k--) {
      const slot = (this.head - 1 - k + 2 * this.capacity) % this.capacity;
      const b = this.rho[slot] * dot(this.y[slot], out);
      const s = this.s[slot];
      const c = this.alpha[slot] - b;
      for (let i = 0; i < n; i++) out[i] += c * s[i];
    }
  }
}
