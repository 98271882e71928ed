// Small projections of the registry's documents for listing them: what a list shows, without
// the big parts (model cards, reference profiles, file manifests, leaderboards, data profiles).
// The app keeps them in their own IndexedDB tables, written in the same transaction as the
// documents, so the Registry view opens on a few kilobytes however large the registry grows.
import type { Aliases, Experiment, ModelVersion, RegisteredModel } from './documents';

export interface ModelRow {
  name: string;
  description: string;
  latestVersion: number;
  /** The latest version's winner family ('' before the first version). */
  family: string;
  versionCount: number;
  aliases: Record<string, number>;
  updatedAt: string;
}

export type VersionRow = Pick<ModelVersion, 'model' | 'version' | 'createdAt' | 'source' | 'summary' | 'tags' | 'notes'>;

/** The fields experiment lists filter, sort and show (filterExperiments/sortExperiments take these). */
export interface ExperimentRow {
  id: string;
  createdAt: string;
  source: Experiment['source'];
  notebook: string | null;
  dataset: { sha256: string; fileName: string | null; rows: number };
  task: Experiment['task'];
  target: string;
  metric: string;
  higherIsBetter: boolean;
  winner: Experiment['winner'];
  test: { score: number } | null;
  timings: { totalSeconds: number };
  candidates: number;
}

export function modelRow(model: RegisteredModel, aliases: Aliases | undefined, latest: Pick<ModelVersion, 'version' | 'summary'> | undefined, versionCount: number): ModelRow {
  return {
    name: model.name,
    description: model.description,
    latestVersion: latest?.version ?? 0,
    family: latest?.summary.family ?? '',
    versionCount,
    aliases: { ...(aliases?.aliases ?? {}) },
    updatedAt: model.updatedAt,
  };
}

export function versionRow(doc: ModelVersion): VersionRow {
  const { model, version, createdAt, source, summary, tags, notes } = doc;
  return { model, version, createdAt, source, summary, tags, notes };
}

export function experimentRow(e: Experiment): ExperimentRow {
  return {
    id: e.id,
    createdAt: e.createdAt,
    source: e.source,
    notebook: e.notebook,
    dataset: { sha256: e.dataset.sha256, fileName: e.dataset.fileName, rows: e.dataset.rows },
    task: e.task,
    target: e.target,
    metric: e.metric,
    higherIsBetter: e.higherIsBetter,
    winner: e.winner,
    test: e.test ? { score: e.test.score } : null,
    timings: { totalSeconds: e.timings.totalSeconds },
    candidates: e.candidates,
  };
}
