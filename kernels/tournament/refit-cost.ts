// What the tournament expects things to cost, from the fold fits seen so far: a candidate's
// cross-validation, a refit on all training rows, and the final phase (refitting an ensemble's
// members once or twice, P at a time). The search stops when only the final phase still fits.
import type { ModelFamily } from '../learn/model';

export interface CostedRun {
  candidate: { family: ModelFamily };
  entry?: { fitSeconds: number; refitShare?: number };
}

export class RefitCost {
  private readonly foldSeconds = new Map<ModelFamily, { total: number; count: number }>();

  constructor(
    private readonly foldTrainRows: number,
    private readonly refitRows: number,
    private readonly parallelism: number,
    private readonly budgetSeconds: number,
  ) {}

  record(family: ModelFamily, seconds: number): void {
    const s = this.foldSeconds.get(family) ?? { total: 0, count: 0 };
    s.total += seconds;
    s.count++;
    this.foldSeconds.set(family, s);
  }

  meanFoldSeconds(family: ModelFamily): number | undefined {
    const s = this.foldSeconds.get(family);
    return s && s.count ? s.total / s.count : undefined;
  }

  /** Seconds a candidate's fold fits take, P at a time; a family not seen yet: twice the costliest seen. */
  candidateSeconds(family: ModelFamily, folds: number): number {
    let perFold = this.meanFoldSeconds(family);
    if (perFold === undefined) {
      const seen = [...this.foldSeconds.values()].map((s) => s.total / s.count);
      perFold = seen.length ? 2 * Math.max(...seen) : 0;
    }
    return (perFold * folds) / this.parallelism;
  }

  /**
   * Seconds to refit a candidate on all training rows: its fold fit time scaled by the rows; a
   * boosted refit trains √(rows ratio) × the kept rounds, without the early-stopping patience.
   */
  refitSeconds(run: CostedRun): number {
    const ratio = this.refitRows / Math.max(1, this.foldTrainRows);
    const fold = run.entry?.fitSeconds ?? this.meanFoldSeconds(run.candidate.family) ?? 0;
    const share = run.entry?.refitShare;
    return fold * ratio * (share === undefined ? 1 : share * Math.sqrt(ratio));
  }

  /** Seconds the final phase needs to refit `runs`, each `parts` times, P at a time. */
  finalSeconds(runs: readonly CostedRun[], parts: number): number {
    const costs = runs.map((r) => this.refitSeconds(r));
    const longest = Math.max(0, ...costs);
    const work = costs.reduce((a, b) => a + b, 0) * parts;
    return longest + Math.max(0, work / this.parallelism - longest) + 0.2 + 0.01 * this.budgetSeconds;
  }
}
