// GBDT hyperparameters: names follow the CLI contract (trees, maxLeaves, maxDepth, learningRate,
// bins) and LightGBM's meaning for the rest. Unknown names and bad values are rejected with a
// message naming them, since they usually come from a user's --fixed JSON.
import type { ObjectiveName } from '../objective/create-objective';

export interface GbdtParams {
  /** Boosting rounds (trees per output). */
  trees: number;
  learningRate: number;
  maxLeaves: number;
  /** ≤ 0: unlimited. */
  maxDepth: number;
  /** Value bins per feature (≤ 255). */
  bins: number;
  minDataInLeaf: number;
  minSumHessianInLeaf: number;
  lambdaL1: number;
  lambdaL2: number;
  minSplitGain: number;
  /** Fraction of rows sampled without replacement for each tree (every baggingFreq rounds). */
  baggingFraction: number;
  baggingFreq: number;
  /** Fraction of features sampled for each tree. */
  featureFraction: number;
  /** Fraction of the tree's features sampled at each split. */
  featureFractionByNode: number;
  extraTrees: boolean;
  /** Stop when the validation loss has not improved for this many rounds (0: off; needs a validation set). */
  earlyStoppingRounds: number;
  /** Default: from the task. */
  objective?: ObjectiveName;
  huberDelta: number;
  catL2: number;
  catSmooth: number;
  maxCatThreshold: number;
  /**
   * Choose splits from gradients rounded to a few bits (LightGBM's quantized training; leaf values
   * stay exact) when there are at least QUANTIZED_MIN_ROWS training rows. Off by default since the
   * histograms run in WebAssembly: an exact bin's gradient and hessian go in one 128-bit addition,
   * as many as a packed bin's, so the rounding pass made training 2–7 % slower on one thread and
   * 12–23 % on two (docs/BENCHMARKS.md, GBDT training speed). Below QUANTIZED_MIN_ROWS the
   * rounding noise measurably cost accuracy (lending_club, 7,886 rows, 5 % positives: −0.009
   * AUROC over 10 splits), so splits use the exact gradients whatever this says.
   */
  quantizedGradients: boolean;
  seed: number;
}

export const QUANTIZED_MIN_ROWS = 100_000;

export const GBDT_DEFAULTS: GbdtParams = {
  trees: 100,
  learningRate: 0.1,
  maxLeaves: 31,
  maxDepth: -1,
  bins: 255,
  minDataInLeaf: 20,
  minSumHessianInLeaf: 1e-3,
  lambdaL1: 0,
  lambdaL2: 0,
  minSplitGain: 0,
  baggingFraction: 1,
  baggingFreq: 1,
  featureFraction: 1,
  featureFractionByNode: 1,
  extraTrees: false,
  earlyStoppingRounds: 0,
  objective: undefined,
  huberDelta: 1,
  catL2: 10,
  catSmooth: 10,
  maxCatThreshold: 32,
  quantizedGradients: false,
  seed: 0,
};

type Check = (v: number) => boolean;
const positiveInt: Check = (v) => Number.isInteger(v) && v >= 1;
const nonNegative: Check = (v) => v >= 0;
const fraction: Check = (v) => v > 0 && v <= 1;

const NUMERIC_CHECKS: Record<string, [Check, string]> = {
  trees: [positiveInt, 'a positive integer'],
  learningRate: [(v) => v > 0, 'positive'],
  maxLeaves: [(v) => Number.isInteger(v) && v >= 2, 'an integer ≥ 2'],
  maxDepth: [Number.isInteger, 'an integer (≤ 0 for unlimited)'],
  bins: [(v) => Number.isInteger(v) && v >= 2 && v <= 255, 'an integer from 2 to 255'],
  minDataInLeaf: [(v) => Number.isInteger(v) && v >= 1, 'a positive integer'],
  minSumHessianInLeaf: [nonNegative, '≥ 0'],
  lambdaL1: [nonNegative, '≥ 0'],
  lambdaL2: [nonNegative, '≥ 0'],
  minSplitGain: [nonNegative, '≥ 0'],
  baggingFraction: [fraction, 'in (0, 1]'],
  baggingFreq: [(v) => Number.isInteger(v) && v >= 0, 'a non-negative integer'],
  featureFraction: [fraction, 'in (0, 1]'],
  featureFractionByNode: [fraction, 'in (0, 1]'],
  earlyStoppingRounds: [(v) => Number.isInteger(v) && v >= 0, 'a non-negative integer'],
  huberDelta: [(v) => v > 0, 'positive'],
  catL2: [nonNegative, '≥ 0'],
  catSmooth: [nonNegative, '≥ 0'],
  maxCatThreshold: [positiveInt, 'a positive integer'],
  seed: [Number.isInteger, 'an integer'],
};

const OBJECTIVES: readonly string[] = ['binary', 'multiclass', 'regression', 'huber'];

/** Defaults overlaid with `given`, validated. Throws naming the first bad parameter. */
export function resolveParams<T extends object>(defaults: T, given: Record<string, unknown>, family: string): T {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!(name in defaults)) {
      throw new Error(`unknown ${family} parameter "${name}" (known: ${Object.keys(defaults).join(', ')})`);
    }
    if (name === 'objective') {
      if (typeof value !== 'string' || !OBJECTIVES.includes(value)) {
        throw new Error(`${family} parameter "objective" must be one of ${OBJECTIVES.join(', ')}, got ${JSON.stringify(value)}`);
      }
    } else if (name === 'extraTrees' || name === 'bootstrap' || name === 'quantizedGradients') {
      if (typeof value !== 'boolean') throw new Error(`${family} parameter "${name}" must be true or false, got ${JSON.stringify(value)}`);
    } else if (name in NUMERIC_CHECKS) {
      const [check, what] = NUMERIC_CHECKS[name];
      if (typeof value !== 'number' || !Number.isFinite(value) || !check(value)) {
        throw new Error(`${family} parameter "${name}" must be ${what}, got ${JSON.stringify(value)}`);
      }
    }
    out[name] = value;
  }
  return out as T;
}

export function resolveGbdtParams(given: Record<string, unknown> = {}): GbdtParams {
  return resolveParams(GBDT_DEFAULTS, given, 'gbdt');
}
