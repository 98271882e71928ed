// Tail probabilities the drift tests need: the chi-squared survival function (through the
// regularized upper incomplete gamma function) and the Kolmogorov distribution. Written here
// because no small pure-JS library in the project has them; accuracy ~1e-10, checked against
// closed forms and published tables in distributions.test.ts.

const EPS = 1e-15;
const MAX_ITERATIONS = 500;

/** ln Γ(x), Lanczos approximation (g = 7, 9 terms), x > 0. */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Q(a, x) = Γ(a, x) / Γ(a): series below a + 1, Lentz continued fraction above (Numerical Recipes 6.2). */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return NaN;
  if (x === 0) return 1;
  const front = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.max(0, 1 - sum * Math.exp(front));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.min(1, Math.exp(front) * h);
}

/** P(X ≥ x) for X ~ χ²(df). */
export function chiSquaredSurvival(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

/** Q_KS(λ) = 2 Σ (-1)^(k-1) exp(-2 k² λ²): P(√n·D > λ) in the limit (Numerical Recipes probks). */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda < 0.2) return 1; // the series converges badly there and the value is 1 to 1e-10
  let sum = 0;
  let sign = 1;
  let previous = 0;
  for (let k = 1; k <= 100; k++) {
    const term = sign * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) <= 1e-12 * previous || Math.abs(term) <= 1e-16 * sum) return Math.min(1, Math.max(0, 2 * sum));
    sign = -sign;
    previous = Math.abs(term);
  }
  return 1;
}
