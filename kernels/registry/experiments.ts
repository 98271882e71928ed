// Experiments: one document per tournament (or --fixed) run, built from what the run wrote into
// its model directory (meta.json, report.json, template.json) plus the data fingerprint; and the
// rules for listing them (filters, sort orders).
import { canonicalJson } from './canonical-json';
import type { DatasetFingerprint, Experiment, LeaderboardRow, Source } from './documents';
import { sha256OfText } from './hash';
import type { ExperimentRow } from './listing';
import type { ModelDirSummary } from './model-dir-summary';
import { REGISTRY_SCHEMA_VERSION } from './schema-version';

export interface ExperimentInput {
  createdAt: string;
  source: Source;
  notebook: string | null;
  tourneyVersion: string;
  dataset: DatasetFingerprint;
  summary: ModelDirSummary;
  /** Wall-clock seconds of the whole run (file read included), when the caller measured it. */
  totalSeconds?: number;
  /** `train --fixed`: the one model's fit time (there is no report.json). */
  fitSeconds?: number;
}

export function createExperiment(input: ExperimentInput): Experiment {
  const { meta, report, template } = input.summary;
  const leaderboard: LeaderboardRow[] = report
    ? report.leaderboard.map((e, i) => ({ rank: i + 1, model: e.model, params: e.params, cvScore: e.cvScore, foldScores: e.foldScores ?? [], fitSeconds: e.fitSeconds }))
    : [{ rank: 1, model: meta.family, params: (meta.params as Record<string, unknown>) ?? {}, cvScore: null, foldScores: [], fitSeconds: input.fitSeconds ?? 0 }];
  const settings = report?.settings ?? { ...(template ?? {}) };
  const body: Omit<Experiment, 'id'> = {
    kind: 'experiment',
    schemaVersion: REGISTRY_SCHEMA_VERSION,
    createdAt: input.createdAt,
    source: input.source,
    notebook: input.notebook,
    tourneyVersion: input.tourneyVersion,
    dataset: input.dataset,
    task: meta.task,
    target: meta.target,
    metric: meta.metric ?? '',
    higherIsBetter: report?.higherIsBetter ?? !['rmse', 'mae', 'logloss', 'brier'].includes(meta.metric ?? ''),
    template,
    settings,
    seed: typeof settings.seed === 'number' ? settings.seed : (meta.seed ?? null),
    leaderboard,
    winner: { model: report?.winner?.model ?? meta.family, cvScore: report?.winner?.cvScore ?? null },
    test: report?.test ?? null,
    dropped: report?.dropped ?? [],
    timings: {
      totalSeconds: input.totalSeconds ?? report?.seconds ?? input.fitSeconds ?? 0,
      ...(report?.timing ?? {}),
    },
    candidates: report?.candidatesEvaluated ?? 1,
  };
  return { id: experimentId(body), ...body };
}

/** `exp-<UTC time>-<8 hex of the content>`: sorts by time, differs between runs in the same second. */
export function experimentId(body: Omit<Experiment, 'id'>): string {
  const time = body.createdAt.replace(/[-:]/g, '').replace(/\.\d+/, '').replace(/[^0-9TZ]/g, '');
  return `exp-${time}-${sha256OfText(canonicalJson(body)).slice(0, 8)}`;
}

export interface ExperimentFilter {
  /** Matched case-insensitively against the id, target, file name, notebook and winner family. */
  text?: string;
  task?: Experiment['task'];
  target?: string;
  source?: Source;
  datasetSha256?: string;
  /** ISO times, inclusive. */
  since?: string;
  until?: string;
}

export function filterExperiments<T extends ExperimentRow>(experiments: readonly T[], filter: ExperimentFilter): T[] {
  const text = filter.text?.trim().toLowerCase();
  return experiments.filter((e) => {
    if (filter.task && e.task !== filter.task) return false;
    if (filter.target && e.target !== filter.target) return false;
    if (filter.source && e.source !== filter.source) return false;
    if (filter.datasetSha256 && e.dataset.sha256 !== filter.datasetSha256) return false;
    if (filter.since && Date.parse(e.createdAt) < Date.parse(filter.since)) return false;
    if (filter.until && Date.parse(e.createdAt) > Date.parse(filter.until)) return false;
    if (text) {
      const haystack = [e.id, e.target, e.dataset.fileName ?? '', e.notebook ?? '', e.winner.model, e.metric].join(' ').toLowerCase();
      if (!haystack.includes(text)) return false;
    }
    return true;
  });
}

export type ExperimentSortKey = 'createdAt' | 'score' | 'rows' | 'seconds';

/** The score an experiment is ranked by: held-out test score, else the winner's CV score. */
export function experimentScore(e: ExperimentRow): number | null {
  return e.test?.score ?? e.winner.cvScore;
}

/**
 * Sorted copy. 'score' puts the best first in each experiment's own metric direction
 * (direction 'desc' = best first) and runs without a score last, whatever the direction.
 */
export function sortExperiments<T extends ExperimentRow>(experiments: readonly T[], key: ExperimentSortKey, direction: 'asc' | 'desc' = 'desc'): T[] {
  const sign = direction === 'desc' ? -1 : 1;
  const value = (e: ExperimentRow): number | null => {
    switch (key) {
      case 'createdAt': return Date.parse(e.createdAt);
      case 'rows': return e.dataset.rows;
      case 'seconds': return e.timings.totalSeconds;
      case 'score': {
        const s = experimentScore(e);
        return s === null ? null : e.higherIsBetter ? s : -s;
      }
    }
  };
  return [...experiments].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1;
    return va === vb ? a.id.localeCompare(b.id) : sign * (va - vb);
  });
}
