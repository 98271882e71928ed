// The budgeted search: which candidate to evaluate next. It starts from each family's portfolio
// of strong defaults (cheapest families first, round-robin), then runs a cost-frugal local search
// per family in the spirit of FLAML (CFO + ECI): a randomized direct search steps from the
// family's incumbent in a random direction (the opposite one if that failed, a smaller step if
// both did), and the family to improve next is drawn with probability inversely proportional to
// its Estimated Cost for Improvement — the time it took the family to improve last, or the time
// it would need to catch up with the leader at its recent rate of improvement.
// Everything random comes from the seed, and proposals depend only on the outcomes told, in
// the order told, so the same seed and outcomes give the same candidates.
import type { ModelFamily } from '../learn/model';
import { createRandom, type Random, TOURNAMENT_STREAM } from '../random/random';
import {
  completeParams, paramsKey, randomDirection, sampleParams, stepParams,
  type FamilySpace, type Params,
} from './search-space';

export interface Candidate {
  /** Sequence number, 0-based, in proposal order. */
  id: number;
  family: ModelFamily;
  params: Params;
  origin: 'default' | 'local' | 'random';
}

export interface Outcome {
  candidate: Candidate;
  /** Cross-validated score oriented so that higher is better; NaN when the candidate failed. */
  score: number;
  /** Compute seconds the candidate cost (all folds). */
  seconds: number;
}

export interface SearchOptions {
  seed: number;
  /** Stop proposing after this many candidates. */
  maxCandidates?: number;
}

/**
 * The portfolio's order. The first candidate is a GBDT: it stops itself at the budget with the rounds
 * it reached, so even a short budget ends with a sensible model (naive Bayes first left a 10 s run on
 * a 9-class table with naive Bayes alone); then the cheap linear model and naive Bayes.
 */
const COST_ORDER: Record<ModelFamily, number> = { gbdt: 0, linear: 1, bayes: 2, forest: 3 };
/** Portfolio round in which a family's defaults start: forests are costly and rarely win alone. */
const FIRST_ROUND: Record<ModelFamily, number> = { bayes: 0, linear: 0, gbdt: 0, forest: 1 };
const INITIAL_STEP = 0.25;
const MIN_STEP = 0.03;
const STEP_SHRINK = 0.6;
/** An improvement smaller than this share of the score is noise, not progress. */
const RELATIVE_TOLERANCE = 1e-4;
/** A family that has not improved in this many tries (plus two per dimension) restarts; */
const STALE_TRIES = 8;
/** after this many fruitless restarts it retires, and when all have, the search is done. */
const MAX_RESTARTS = 2;

interface FamilyState {
  space: FamilySpace;
  incumbent?: Params;
  best: number;
  /** Seconds spent on the family in total, and when it last improved. */
  spent: number;
  spentAtImprovement: number;
  /** Seconds its last improvement took, and by how much it improved. */
  lastImprovementCost: number;
  lastImprovement: number;
  step: number;
  /** Direction of the last local step not yet told, and whether it was the reversed try. */
  tried?: { id: number; direction: Float64Array; reversed: boolean };
  retryOpposite?: Float64Array;
  failures: number;
  told: number;
  outstanding: number;
  /** Tries since the family last improved, and random restarts so far. */
  stale: number;
  restarts: number;
  retired: boolean;
}

export class TournamentSearch {
  private readonly random: Random;
  private readonly families: Map<ModelFamily, FamilyState>;
  private readonly portfolio: { family: ModelFamily; params: Params }[] = [];
  private readonly seen = new Set<string>();
  private nextId = 0;
  private best = -Infinity;

  constructor(spaces: readonly FamilySpace[], private readonly options: SearchOptions) {
    if (!spaces.length) throw new Error('the tournament has no model family to try');
    this.random = createRandom(options.seed, TOURNAMENT_STREAM);
    this.families = new Map(spaces.map((space) => [space.family, {
      space, best: -Infinity, spent: 0, spentAtImprovement: 0, lastImprovementCost: 0,
      lastImprovement: 0, step: INITIAL_STEP, failures: 0, told: 0, outstanding: 0,
      stale: 0, restarts: 0, retired: false,
    }]));
    const ordered = [...spaces].sort((a, b) => COST_ORDER[a.family] - COST_ORDER[b.family]);
    const rounds = Math.max(...ordered.map((s) => s.defaults.length + FIRST_ROUND[s.family]));
    for (let r = 0; r < rounds; r++) {
      for (const space of ordered) {
        // A family asked for alone starts at once.
        const start = ordered.length > 1 ? FIRST_ROUND[space.family] : 0;
        const d = r - start;
        if (d >= 0 && d < space.defaults.length) this.portfolio.push({ family: space.family, params: completeParams(space, space.defaults[d]) });
      }
    }
  }

  get proposed(): number {
    return this.nextId;
  }

  /** Whether the next candidate comes from the portfolio (it does not depend on any outcome). */
  get nextIsDefault(): boolean {
    return this.portfolio.length > 0 && (this.options.maxCandidates === undefined || this.nextId < this.options.maxCandidates);
  }

  /** The next candidate, or undefined once `maxCandidates` were proposed or nothing is left. */
  ask(): Candidate | undefined {
    if (this.options.maxCandidates !== undefined && this.nextId >= this.options.maxCandidates) return undefined;
    while (this.portfolio.length) {
      const { family, params } = this.portfolio.shift()!;
      const candidate = this.propose(family, params, 'default');
      if (candidate) return candidate;
    }
    const family = this.pickFamily();
    if (!family) return undefined;
    const state = this.families.get(family)!;
    for (let attempt = 0; attempt < 8; attempt++) {
      const local = this.localStep(state);
      if (local) {
        const candidate = this.propose(family, local.params, 'local');
        if (candidate) {
          state.tried = { id: candidate.id, direction: local.direction, reversed: local.reversed };
          return candidate;
        }
      }
    }
    // The neighbourhood is exhausted: restart from a random point of the space.
    for (let attempt = 0; attempt < 8; attempt++) {
      const candidate = this.propose(family, sampleParams(state.space, this.random), 'random');
      if (candidate) return candidate;
    }
    return undefined;
  }

  tell(outcome: Outcome): void {
    const state = this.families.get(outcome.candidate.family);
    if (!state) return;
    state.outstanding--;
    state.told++;
    state.spent += Math.max(outcome.seconds, 1e-3);
    const score = outcome.score;
    const tried = state.tried?.id === outcome.candidate.id ? state.tried : undefined;
    if (tried) state.tried = undefined;
    const tolerance = Number.isFinite(state.best) ? RELATIVE_TOLERANCE * Math.abs(state.best) + 1e-9 : 0;
    if (Number.isFinite(score) && score > state.best + tolerance) {
      state.stale = 0;
      if (Number.isFinite(state.best)) {
        state.lastImprovement = score - state.best;
        state.lastImprovementCost = state.spent - state.spentAtImprovement;
      }
      state.best = score;
      state.incumbent = outcome.candidate.params;
      state.spentAtImprovement = state.spent;
      state.failures = 0;
      state.retryOpposite = undefined;
      this.best = Math.max(this.best, score);
      return;
    }
    if (!state.incumbent && outcome.candidate.origin === 'random' && Number.isFinite(score)) {
      // A restart point becomes the centre of the next local search, better or not.
      state.incumbent = outcome.candidate.params;
    }
    if (Number.isFinite(score) && score > state.best) {
      // Better, but only by noise: take the point, do not count it as progress.
      state.best = score;
      state.incumbent = outcome.candidate.params;
      this.best = Math.max(this.best, score);
    }
    if (!Number.isFinite(score)) state.failures++;
    if (outcome.candidate.origin !== 'default' && ++state.stale >= STALE_TRIES + 2 * Object.keys(state.space.domains).length) {
      state.stale = 0;
      if (state.restarts >= MAX_RESTARTS) state.retired = true;
      else {
        state.restarts++;
        state.incumbent = undefined; // the next proposal is a random restart
        state.step = INITIAL_STEP;
        state.retryOpposite = undefined;
      }
      return;
    }
    if (tried && !tried.reversed) {
      state.retryOpposite = tried.direction.map((d) => -d);
    } else if (tried) {
      state.step = state.step * STEP_SHRINK;
      if (state.step < MIN_STEP) {
        // Converged here: a random restart, with a fresh step.
        state.step = INITIAL_STEP;
        state.incumbent = undefined;
      }
    }
  }

  private propose(family: ModelFamily, params: Params, origin: Candidate['origin']): Candidate | undefined {
    const key = paramsKey(family, params);
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    this.families.get(family)!.outstanding++;
    return { id: this.nextId++, family, params, origin };
  }

  private localStep(state: FamilyState): { params: Params; direction: Float64Array; reversed: boolean } | undefined {
    if (!state.incumbent) return undefined;
    if (state.retryOpposite) {
      const direction = state.retryOpposite;
      state.retryOpposite = undefined;
      return { params: stepParams(state.space, state.incumbent, direction, state.step), direction, reversed: true };
    }
    const direction = randomDirection(state.space, this.random);
    return { params: stepParams(state.space, state.incumbent, direction, state.step), direction, reversed: false };
  }

  /** Draws a family with probability ∝ 1 / estimated cost for improvement. */
  private pickFamily(): ModelFamily | undefined {
    const alive = [...this.families.entries()].filter(([, s]) => !s.retired && s.failures < 3 && Object.keys(s.space.domains).length > 0);
    if (!alive.length) return undefined;
    const weights = alive.map(([, s]) => 1 / this.costForImprovement(s));
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.random() * total;
    for (let i = 0; i < alive.length; i++) {
      r -= weights[i];
      if (r <= 0) return alive[i][0];
    }
    return alive[alive.length - 1][0];
  }

  private costForImprovement(s: FamilyState): number {
    const perCandidate = s.spent / Math.max(1, s.told);
    if (!s.told) return 1e-3;
    // Time since the last improvement or the time that improvement took, whichever is larger.
    const sinceImprovement = s.spent - s.spentAtImprovement;
    const own = Math.max(sinceImprovement, s.lastImprovementCost, perCandidate);
    if (!Number.isFinite(s.best)) return own * 10;
    const gap = this.best - s.best;
    if (gap <= 0) return own;
    // A family behind the leader must first catch up, at its recent rate of improvement.
    const rate = s.lastImprovement > 0 ? s.lastImprovement / Math.max(s.lastImprovementCost, perCandidate) : 0;
    return rate > 0 ? Math.max(own, gap / rate) : own * 2 + gap * 1000 * perCandidate;
  }
}
