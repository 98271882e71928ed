// Side-by-side data for two runs or two versions: settings diff, metrics, leaderboards, dropped
// columns and the importance diff (by raw column, from report.json). Plain data: the app's
// Compare view and the CLI render it.
import type { Experiment, ModelVersion } from './documents';
import { readModelDirSummary, SUMMARY_FILES, type ModelDirSummary } from './model-dir-summary';
import { RegistryError } from './parse-document';
import type { RegistryStore } from './store';

export interface SettingChange {
  /** Dotted path ('features.maxTerms', 'models'). */
  path: string;
  a: unknown;
  b: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Every leaf that differs (arrays compared whole), sorted by path; absent on one side is `undefined`. */
export function diffSettings(a: unknown, b: unknown, prefix = ''): SettingChange[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => diffSettings(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path: prefix || '(all)', a, b }];
}

export interface VersionSide {
  version: ModelVersion;
  summary: ModelDirSummary;
}

export interface MetricRow {
  name: string;
  on: 'cv' | 'test';
  a: number | null;
  b: number | null;
  /** b − a. */
  delta: number | null;
}

export interface VersionComparison {
  a: { model: string; version: number; family: string };
  b: { model: string; version: number; family: string };
  metrics: MetricRow[];
  leaderboards: { a: { model: string; cvScore: number | null; fitSeconds: number }[]; b: { model: string; cvScore: number | null; fitSeconds: number }[] };
  dropped: { onlyA: { column: string; reason: string }[]; onlyB: { column: string; reason: string }[]; both: string[] };
  /** By raw column, largest change first. */
  importance: { column: string; a: number | null; b: number | null; delta: number }[];
  features: { onlyA: string[]; onlyB: string[] };
  settings: SettingChange[];
}

function scoreMap(metric: string | null, cvScore: number | null | undefined, test: { score: number; metrics: Record<string, number> } | null | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (cvScore != null) out.set(`cv:${metric ?? ''}`, cvScore);
  for (const [name, v] of Object.entries(test?.metrics ?? {})) out.set(`test:${name}`, v);
  if (test && metric) out.set(`test:${metric}`, test.score);
  return out;
}

const metricMap = (side: VersionSide) => scoreMap(side.version.summary.metric, side.summary.report?.winner?.cvScore, side.summary.report?.test);

const importanceOf = (side: VersionSide) => new Map((side.summary.report?.insights?.importance.byColumn ?? []).map((c) => [c.column, c.importance]));

/** Metric rows from two maps keyed 'cv:<metric>' / 'test:<metric>'. */
function metricRows(ma: ReadonlyMap<string, number>, mb: ReadonlyMap<string, number>): MetricRow[] {
  return [...new Set([...ma.keys(), ...mb.keys()])].sort().map((key): MetricRow => {
    const [on, name] = key.split(/:(.*)/s) as ['cv' | 'test', string];
    const va = ma.get(key) ?? null;
    const vb = mb.get(key) ?? null;
    return { name, on, a: va, b: vb, delta: va !== null && vb !== null ? vb - va : null };
  });
}

type Dropped = { column: string; reason: string };

function droppedDiff(da: readonly Dropped[], db: readonly Dropped[]): VersionComparison['dropped'] {
  const namesA = new Set(da.map((d) => d.column));
  const namesB = new Set(db.map((d) => d.column));
  return { onlyA: da.filter((d) => !namesB.has(d.column)), onlyB: db.filter((d) => !namesA.has(d.column)), both: [...namesA].filter((c) => namesB.has(c)).sort() };
}

export function compareVersions(a: VersionSide, b: VersionSide): VersionComparison {
  const board = (s: VersionSide) => (s.summary.report?.leaderboard ?? []).map((e) => ({ model: e.model, cvScore: e.cvScore, fitSeconds: e.fitSeconds }));
  const ia = importanceOf(a);
  const ib = importanceOf(b);
  const importance = [...new Set([...ia.keys(), ...ib.keys()])]
    .map((column) => ({ column, a: ia.get(column) ?? null, b: ib.get(column) ?? null, delta: (ib.get(column) ?? 0) - (ia.get(column) ?? 0) }))
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.column.localeCompare(y.column));
  return {
    a: { model: a.version.model, version: a.version.version, family: a.version.summary.family },
    b: { model: b.version.model, version: b.version.version, family: b.version.summary.family },
    metrics: metricRows(metricMap(a), metricMap(b)),
    leaderboards: { a: board(a), b: board(b) },
    dropped: droppedDiff(a.summary.report?.dropped ?? [], b.summary.report?.dropped ?? []),
    importance,
    features: { onlyA: [...ia.keys()].filter((c) => !ib.has(c)).sort(), onlyB: [...ib.keys()].filter((c) => !ia.has(c)).sort() },
    settings: diffSettings(a.summary.template ?? {}, b.summary.template ?? {}),
  };
}

/** Compare data for two stored versions, reading only the files the summary needs. */
export async function compareStoredVersions(store: RegistryStore, a: { name: string; version: number }, b: { name: string; version: number }): Promise<VersionComparison> {
  const side = async ({ name, version }: { name: string; version: number }): Promise<VersionSide> => {
    const doc = await store.getVersion(name, version);
    if (!doc) throw new RegistryError(`model "${name}" has no version ${version}`);
    return { version: doc, summary: readModelDirSummary(await store.readVersionFiles(name, version, SUMMARY_FILES)) };
  };
  const [sa, sb] = await Promise.all([side(a), side(b)]);
  return compareVersions(sa, sb);
}

export interface ExperimentComparison {
  a: { id: string; createdAt: string; winner: string };
  b: { id: string; createdAt: string; winner: string };
  /** Same data file (content hash)? Scores of runs on different data compare less directly. */
  sameData: boolean;
  metrics: MetricRow[];
  leaderboards: { a: Experiment['leaderboard']; b: Experiment['leaderboard'] };
  dropped: VersionComparison['dropped'];
  settings: SettingChange[];
  timings: { a: Experiment['timings']; b: Experiment['timings'] };
}

/** Two runs side by side: metrics (CV of the winner, test), leaderboards, dropped columns, settings diff. */
export function compareExperiments(a: Experiment, b: Experiment): ExperimentComparison {
  const scores = (e: Experiment) => scoreMap(e.metric, e.winner.cvScore, e.test);
  return {
    a: { id: a.id, createdAt: a.createdAt, winner: a.winner.model },
    b: { id: b.id, createdAt: b.createdAt, winner: b.winner.model },
    sameData: a.dataset.sha256 === b.dataset.sha256,
    metrics: metricRows(scores(a), scores(b)),
    leaderboards: { a: a.leaderboard, b: b.leaderboard },
    dropped: droppedDiff(a.dropped, b.dropped),
    settings: diffSettings(a.settings, b.settings),
    timings: { a: a.timings, b: b.timings },
  };
}
