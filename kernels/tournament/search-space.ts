// Per-family hyperparameter spaces: the domains the search may move in, the parameters it never
// touches, and a short portfolio of strong defaults tried first (best-known first, so even a tiny
// budget gets a good model). Names are the learners' own (see kernels/learn/*/params).
import type { Task } from '../learn/matrix';
import type { ModelFamily } from '../learn/model';
import { familySupports } from '../learn/fit';
import { normal, type Random } from '../random/random';

export type ParamValue = number | string | boolean | null;
export type Params = Record<string, ParamValue>;

export type ParamDomain =
  | { kind: 'float'; low: number; high: number; log?: boolean }
  | { kind: 'int'; low: number; high: number; log?: boolean }
  | { kind: 'choice'; values: readonly ParamValue[] };

export interface FamilySpace {
  family: ModelFamily;
  /** Searched parameters. */
  domains: Record<string, ParamDomain>;
  /** Always passed as is. */
  fixed: Params;
  /** Tried first, in order; each is completed with `fixed` and the domains' middles. */
  defaults: Params[];
}

/** A user's change to one family's space (from the app template or the API). */
export interface FamilySpaceOverride {
  domains?: Record<string, ParamDomain | null>;
  fixed?: Params;
  defaults?: Params[];
}

export interface DataShape {
  task: Task;
  nRows: number;
  nFeatures: number;
  nClasses: number;
  /** Share of the rarest class (classification). */
  minorityShare?: number;
}

/** Rounds are capped by early stopping; this is only the ceiling. */
const GBDT_MAX_TREES = 3000;
const EARLY_STOPPING_ROUNDS = 40;

function gbdtSpace(shape: DataShape): FamilySpace {
  const small = shape.nRows < 2000;
  const minLeafHigh = Math.max(4, Math.min(200, Math.floor(shape.nRows / 20)));
  return {
    family: 'gbdt',
    domains: {
      learningRate: { kind: 'float', low: 0.01, high: 0.3, log: true },
      maxLeaves: { kind: 'int', low: 4, high: 128, log: true },
      minDataInLeaf: { kind: 'int', low: 2, high: minLeafHigh, log: true },
      featureFraction: { kind: 'float', low: 0.3, high: 1 },
      baggingFraction: { kind: 'float', low: 0.5, high: 1 },
      lambdaL2: { kind: 'float', low: 1e-3, high: 100, log: true },
      categorical: { kind: 'choice', values: ['codes', 'one-hot'] },
    },
    fixed: { trees: GBDT_MAX_TREES, earlyStoppingRounds: EARLY_STOPPING_ROUNDS, bins: 255, baggingFreq: 1 },
    defaults: [
      // LightGBM's defaults with light sampling: strong almost everywhere, and quick.
      { learningRate: 0.1, maxLeaves: 31, minDataInLeaf: Math.min(20, minLeafHigh), featureFraction: 0.8, baggingFraction: 0.8, lambdaL2: 1, categorical: 'codes' },
      // Small, regularised trees: what small or noisy tables want.
      { learningRate: 0.05, maxLeaves: 8, minDataInLeaf: Math.min(small ? 10 : 40, minLeafHigh), featureFraction: 0.6, baggingFraction: 0.8, lambdaL2: 5, categorical: 'one-hot' },
      // Larger trees, column sampling: interactions on bigger data.
      { learningRate: 0.08, maxLeaves: 96, minDataInLeaf: Math.min(10, minLeafHigh), featureFraction: 0.5, baggingFraction: 0.8, lambdaL2: 1, categorical: 'codes' },
    ],
  };
}

function linearSpace(shape: DataShape): FamilySpace {
  if (shape.task === 'regression') {
    return {
      family: 'linear',
      domains: {
        alpha: { kind: 'float', low: 1e-6, high: 1, log: true },
        l1Ratio: { kind: 'float', low: 0, high: 1 },
      },
      fixed: { tolerance: 1e-5 },
      defaults: [{ alpha: 1e-3, l1Ratio: 0 }, { alpha: 3e-2, l1Ratio: 0 }, { alpha: 1e-4, l1Ratio: 0.5 }],
    };
  }
  return {
    family: 'linear',
    domains: {
      C: { kind: 'float', low: 1e-3, high: 100, log: true },
      l1Ratio: { kind: 'choice', values: [0, 0.5, 1] },
    },
    // Searching needs ranking-grade solutions, not the last digits: a looser stop, far faster.
    fixed: { tolerance: 1e-5, maxIterations: 500 },
    defaults: [{ C: 1, l1Ratio: 0 }, { C: 0.05, l1Ratio: 0 }, { C: 0.3, l1Ratio: 1 }],
  };
}

function bayesSpace(): FamilySpace {
  return {
    family: 'bayes',
    domains: {
      varSmoothing: { kind: 'float', low: 1e-12, high: 0.1, log: true },
      alpha: { kind: 'float', low: 0.1, high: 10, log: true },
      categorical: { kind: 'choice', values: ['codes', 'one-hot'] },
    },
    fixed: {},
    // Categorical likelihoods fit category codes better than Gaussians fit 0/1 indicators.
    defaults: [{ varSmoothing: 1e-9, alpha: 1, categorical: 'codes' }, { varSmoothing: 1e-6, alpha: 3, categorical: 'one-hot' }],
  };
}

function forestSpace(shape: DataShape): FamilySpace {
  const sqrtShare = Math.min(1, Math.max(1, Math.round(Math.sqrt(Math.max(1, shape.nFeatures)))) / Math.max(1, shape.nFeatures));
  const regression = shape.task === 'regression';
  // Forest cost grows with trees × rows × classes: fewer trees on big or many-class data.
  const work = shape.nRows * (shape.task === 'multiclass' ? shape.nClasses : 1);
  const trees = work > 200_000 ? 50 : work > 50_000 ? 80 : 100;
  return {
    family: 'forest',
    domains: {
      featureFractionByNode: { kind: 'float', low: 0.05, high: 1 },
      minDataInLeaf: { kind: 'int', low: 2, high: 40, log: true },
      extraTrees: { kind: 'choice', values: [false, true] },
      categorical: { kind: 'choice', values: ['codes', 'one-hot'] },
    },
    // Depth-capped: full-depth trees cost several boosted models each and rarely win.
    fixed: { trees, maxDepth: 14 },
    defaults: [
      { featureFractionByNode: regression ? 1 / 3 : sqrtShare, minDataInLeaf: regression ? 5 : 3, extraTrees: false, categorical: 'codes' },
      { featureFractionByNode: regression ? 0.5 : Math.min(1, 2 * sqrtShare), minDataInLeaf: 3, extraTrees: true, categorical: 'codes' },
    ],
  };
}

/** The space of one family for a data set's shape, with a user's overrides applied. */
export function searchSpace(family: ModelFamily, shape: DataShape, override?: FamilySpaceOverride): FamilySpace {
  const base =
    family === 'gbdt' ? gbdtSpace(shape)
    : family === 'linear' ? linearSpace(shape)
    : family === 'bayes' ? bayesSpace()
    : forestSpace(shape);
  if (shape.task !== 'regression' && (shape.minorityShare ?? 0.5) < 0.2) {
    // Imbalanced classes: let the search try reweighting them (applied as sample weights).
    base.domains.classWeight = { kind: 'choice', values: [null, 'balanced'] };
    // A local step (at most INITIAL_STEP in unit coordinates) never flips a two-valued choice,
    // so without a default of its own 'balanced' would only come up in a random restart.
    base.defaults.push({ ...base.defaults[0], classWeight: 'balanced' });
  }
  if (!override) return base;
  const domains = { ...base.domains };
  for (const [name, domain] of Object.entries(override.domains ?? {})) {
    if (domain === null) delete domains[name];
    else domains[name] = domain;
  }
  return {
    family,
    domains,
    fixed: { ...base.fixed, ...override.fixed },
    defaults: override.defaults ?? base.defaults,
  };
}

/** Spaces for every requested family the task supports, in the order given. */
export function searchSpaces(families: readonly ModelFamily[], shape: DataShape, overrides: Partial<Record<ModelFamily, FamilySpaceOverride>> = {}): FamilySpace[] {
  return families.filter((f) => familySupports(f, shape.task)).map((f) => searchSpace(f, shape, overrides[f]));
}

// ---- moving in a space: every domain maps to [0, 1] so steps are comparable across parameters.

function toUnit(domain: ParamDomain, value: ParamValue): number {
  if (domain.kind === 'choice') {
    const i = domain.values.indexOf(value);
    return domain.values.length > 1 ? Math.max(0, i) / (domain.values.length - 1) : 0;
  }
  const v = typeof value === 'number' ? Math.min(domain.high, Math.max(domain.low, value)) : domain.low;
  if (domain.log) return (Math.log(v) - Math.log(domain.low)) / (Math.log(domain.high) - Math.log(domain.low));
  return domain.high > domain.low ? (v - domain.low) / (domain.high - domain.low) : 0;
}

function fromUnit(domain: ParamDomain, u: number): ParamValue {
  const t = Math.min(1, Math.max(0, u));
  if (domain.kind === 'choice') return domain.values[Math.round(t * (domain.values.length - 1))];
  const raw = domain.log
    ? Math.exp(Math.log(domain.low) + t * (Math.log(domain.high) - Math.log(domain.low)))
    : domain.low + t * (domain.high - domain.low);
  return domain.kind === 'int' ? Math.round(raw) : Number(raw.toPrecision(4));
}

/** A default completed: fixed parameters, then the default's values, then mid-domain values. */
export function completeParams(space: FamilySpace, partial: Params): Params {
  const out: Params = {};
  for (const [name, domain] of Object.entries(space.domains)) {
    out[name] = name in partial ? partial[name] : domain.kind === 'choice' ? domain.values[0] : fromUnit(domain, 0.5);
  }
  for (const [name, value] of Object.entries(partial)) if (!(name in out)) out[name] = value;
  return { ...out, ...space.fixed };
}

export function sampleParams(space: FamilySpace, random: Random): Params {
  const out: Params = {};
  for (const [name, domain] of Object.entries(space.domains)) out[name] = fromUnit(domain, random());
  return { ...out, ...space.fixed };
}

/**
 * A step of length `step` (in unit coordinates) from `params` in a random direction — the move
 * of a randomized direct search (as FLAML's CFO): cheap, local, and it never jumps to costly
 * corners of the space by chance. `direction` lets the caller retry the opposite way.
 */
export function stepParams(space: FamilySpace, params: Params, direction: Float64Array, step: number): Params {
  const out: Params = { ...params };
  Object.entries(space.domains).forEach(([name, domain], i) => {
    out[name] = fromUnit(domain, toUnit(domain, params[name] ?? null) + step * direction[i]);
  });
  return { ...out, ...space.fixed };
}

/** A random unit vector over the space's searched dimensions. */
export function randomDirection(space: FamilySpace, random: Random): Float64Array {
  const d = new Float64Array(Object.keys(space.domains).length);
  let norm = 0;
  for (let i = 0; i < d.length; i++) {
    d[i] = normal(random);
    norm += d[i] * d[i];
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < d.length; i++) d[i] /= norm;
  return d;
}

/** Canonical text of a configuration, to avoid evaluating the same one twice. */
/**
 * The configuration a candidate effectively is, so the search never spends budget on one that only
 * differs in settings that change nothing: naive Bayes with one-hot categoricals has no categorical
 * likelihoods for `alpha` to smooth, and a variance smoothing under a millionth of the largest
 * variance changes no prediction measurably (sklearn's default is 1e-9); numbers count to 3
 * significant digits.
 */
export function paramsKey(family: ModelFamily, params: Params): string {
  const effective: Params = { ...params };
  if (family === 'bayes') {
    if (effective.categorical === 'one-hot') delete effective.alpha;
    if (typeof effective.varSmoothing === 'number' && effective.varSmoothing <= NEGLIGIBLE_VAR_SMOOTHING) effective.varSmoothing = NEGLIGIBLE_VAR_SMOOTHING;
  }
  const rounded = (v: Params[string]) => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(3)) : v);
  return family + JSON.stringify(Object.keys(effective).sort().map((k) => [k, rounded(effective[k])]));
}

const NEGLIGIBLE_VAR_SMOOTHING = 1e-6;
