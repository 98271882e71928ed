// The last tournament result per table, kept in IndexedDB (Dexie) so a page reload or a Cancel
// does not lose finished work (and the Features view's last result per table beside it). It holds what the view draws (leaderboard, best-so-far curve, the
// summary with its charts), never the fitted model: that lives in the AutoML worker, so a restored
// result shows everything but the what-if form until it is run again. Until the model registry
// stores experiments, this is where a result lives between sessions.
import Dexie, { type Table } from 'dexie';
import type { LeaderboardEntry } from '../../kernels/tournament/run-tournament';
import type { AutoMLSummary } from '../../workers/automl/automl-service';
import type { FeaturesResult } from '../../workers/features/features-service';

export interface CurvePoint {
  seconds: number;
  score: number;
  best: number;
  model: string;
}

export interface SavedResult {
  /** The table the tournament ran on (the key: one result per table). */
  table: string;
  target: string;
  metric: string;
  /** 'cancelled': stopped by the user; the leaderboard is what had finished by then. */
  status: 'done' | 'cancelled';
  /** When the run ended (ms since the epoch). */
  finishedAt: number;
  budgetSeconds: number;
  /** Seconds the run took until it ended or was cancelled. */
  seconds: number;
  /** Best first. */
  leaderboard: LeaderboardEntry[];
  curve: CurvePoint[];
  /** The full result (winner, charts, importance) of a finished run. */
  summary?: AutoMLSummary;
}

class ResultsDatabase extends Dexie {
  results!: Table<SavedResult, string>;
  /** The Features view's last result per table. */
  features!: Table<FeaturesResult, string>;

  constructor() {
    super('tourney-results');
    this.version(1).stores({ results: 'table', features: 'table' });
  }
}

let database: ResultsDatabase | null = null;

function db(): ResultsDatabase {
  database ??= new ResultsDatabase();
  return database;
}

export async function saveResult(result: SavedResult): Promise<void> {
  await db().results.put(result);
}

/** Every table's last result, by table name. */
export async function loadResults(): Promise<Record<string, SavedResult>> {
  const all = await db().results.toArray();
  return Object.fromEntries(all.map((r) => [r.table, r]));
}

export async function saveFeaturesResult(result: FeaturesResult): Promise<void> {
  await db().features.put(result);
}

/** Every table's last Features result, by table name. */
export async function loadFeaturesResults(): Promise<Record<string, FeaturesResult>> {
  const all = await db().features.toArray();
  return Object.fromEntries(all.map((r) => [r.table, r]));
}

/**
 * What a result says about itself: which table, target and metric, when, and how it ended.
 * "loans → default · AUROC · 12 candidates · finished 14:02 (20 s budget)".
 */
export function describeResult(result: SavedResult, metricLabel: string, now = Date.now()): string {
  const when = new Date(result.finishedAt);
  const sameDay = new Date(now).toDateString() === when.toDateString();
  const time = sameDay ? when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : when.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  const candidates = result.leaderboard.filter((e) => e.id >= 0).length;
  const count = `${candidates} candidate${candidates === 1 ? '' : 's'}`;
  const ended = result.status === 'cancelled' ? `cancelled after ${Math.round(result.seconds)} s at ${time}` : `finished at ${time}`;
  return `${result.table} → ${result.target} · ${metricLabel} · ${count} · ${ended} (${result.budgetSeconds} s budget)`;
}

/** Why a table's saved result does not match what is selected now (null: it matches). */
export function staleReason(result: SavedResult, selection: { target: string; metric: string }): string | null {
  if (selection.target && selection.target !== result.target) return `these results are for target “${result.target}”, not “${selection.target}”: run again for the new target`;
  if (selection.metric && selection.metric !== result.metric) return `these results were ranked by ${result.metric}, not ${selection.metric}: run again to rank by it`;
  return null;
}
