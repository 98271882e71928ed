// The tournament as a reusable, data-set independent template (plain JSON): which column to
// predict and how to judge, the feature settings, the search space, the budget. The app saves
// one per use case and applies it to every customer's table ("one pipeline template, many
// tenants, many models"); `checkTemplate` says up front what a given table is missing.
import type { ModelFamily } from '../learn/model';
import { METRIC_NAMES } from '../learn/metric';
import type { FeatureSettings } from './features';
import type { FamilySpaceOverride, ParamDomain } from './search-space';
import { DEFAULT_MODELS, resolveSettings, type TournamentSettings } from './settings';

export const TEMPLATE_KIND = 'tourney-tournament-template';
export const TEMPLATE_FORMAT = 1;

export interface TournamentTemplate {
  kind: typeof TEMPLATE_KIND;
  format: number;
  name: string;
  description?: string;
  target: string;
  task: 'auto' | 'binary' | 'multiclass' | 'regression';
  metric?: string;
  positiveClass?: string;
  models: ModelFamily[];
  timeBudgetSeconds: number;
  seed: number;
  folds?: number;
  testFraction: number;
  ensemble: boolean;
  calibration: 'auto' | 'none' | 'platt' | 'isotonic' | 'temperature';
  refitOnAllRows: boolean;
  features: FeatureSettings;
  searchSpace: Partial<Record<ModelFamily, FamilySpaceOverride>>;
}

/** A template from settings (defaults filled in, so the JSON says exactly what will run). */
export function createTemplate(settings: TournamentSettings, name: string, description?: string): TournamentTemplate {
  const r = resolveSettings(settings);
  return {
    kind: TEMPLATE_KIND,
    format: TEMPLATE_FORMAT,
    name,
    ...(description ? { description } : {}),
    target: r.target,
    task: r.task,
    ...(r.metric ? { metric: r.metric } : {}),
    ...(r.positiveClass !== undefined ? { positiveClass: r.positiveClass } : {}),
    models: r.models,
    timeBudgetSeconds: r.timeBudgetSeconds,
    seed: r.seed,
    ...(r.folds !== undefined ? { folds: r.folds } : {}),
    testFraction: r.testFraction,
    ensemble: r.ensemble,
    calibration: r.calibration,
    refitOnAllRows: r.refitOnAllRows,
    features: r.features ?? {},
    searchSpace: r.searchSpace ?? {},
  };
}

/** Settings to run a template with, optionally changed for this run (budget, seed, …). */
export function templateSettings(template: TournamentTemplate, overrides: Partial<TournamentSettings> = {}): TournamentSettings {
  const { kind: _kind, format: _format, name: _name, description: _description, ...settings } = template;
  return { ...settings, ...overrides };
}

const KNOWN_FIELDS = new Set([
  'kind', 'format', 'name', 'description', 'target', 'task', 'metric', 'positiveClass', 'models', 'timeBudgetSeconds',
  'seed', 'folds', 'testFraction', 'ensemble', 'calibration', 'refitOnAllRows', 'features', 'searchSpace',
]);

/** Reads a template from JSON, naming the first thing wrong with it. */
export function parseTemplate(json: unknown): TournamentTemplate {
  const t = json as Record<string, unknown>;
  const fail = (message: string): never => {
    throw new Error(`tournament template: ${message}`);
  };
  if (!t || typeof t !== 'object' || Array.isArray(t)) fail('not a JSON object');
  if (t.kind !== TEMPLATE_KIND) fail(`"kind" must be "${TEMPLATE_KIND}"`);
  if (t.format !== TEMPLATE_FORMAT) fail(`format ${String(t.format)} is not supported (expected ${TEMPLATE_FORMAT})`);
  for (const key of Object.keys(t)) if (!KNOWN_FIELDS.has(key)) fail(`unknown field "${key}"`);
  if (typeof t.name !== 'string' || !t.name.trim()) fail('"name" must be a non-empty string');
  if (typeof t.target !== 'string' || !t.target.trim()) fail('"target" must name the column to predict');
  if (!['auto', 'binary', 'multiclass', 'regression'].includes(t.task as string)) fail('"task" must be auto, binary, multiclass or regression');
  if (t.metric !== undefined && !METRIC_NAMES.includes(t.metric as never)) fail(`unknown metric "${String(t.metric)}" (known: ${METRIC_NAMES.join(', ')})`);
  if (!Array.isArray(t.models) || !t.models.length) fail('"models" must list at least one model family');
  for (const m of t.models as unknown[]) if (!DEFAULT_MODELS.includes(m as ModelFamily)) fail(`unknown model family "${String(m)}" (known: ${DEFAULT_MODELS.join(', ')})`);
  if (typeof t.timeBudgetSeconds !== 'number' || !(t.timeBudgetSeconds > 0)) fail('"timeBudgetSeconds" must be a positive number');
  if (!Number.isInteger(t.seed)) fail('"seed" must be an integer');
  if (t.folds !== undefined && !(Number.isInteger(t.folds) && (t.folds as number) >= 2)) fail('"folds" must be an integer ≥ 2');
  if (typeof t.testFraction !== 'number' || !(t.testFraction >= 0 && t.testFraction < 0.9)) fail('"testFraction" must be in [0, 0.9)');
  if (typeof t.ensemble !== 'boolean') fail('"ensemble" must be true or false');
  if (!['auto', 'none', 'platt', 'isotonic', 'temperature'].includes(t.calibration as string)) fail('"calibration" must be auto, none, platt, isotonic or temperature');
  if (typeof t.refitOnAllRows !== 'boolean') fail('"refitOnAllRows" must be true or false');
  if (!t.features || typeof t.features !== 'object') fail('"features" must be an object of feature pipeline options');
  if (!t.searchSpace || typeof t.searchSpace !== 'object') fail('"searchSpace" must be an object keyed by model family');
  for (const [family, override] of Object.entries(t.searchSpace as Record<string, FamilySpaceOverride>)) {
    if (!DEFAULT_MODELS.includes(family as ModelFamily)) fail(`searchSpace: unknown model family "${family}"`);
    for (const [name, domain] of Object.entries(override.domains ?? {})) {
      if (domain !== null) checkDomain(`searchSpace.${family}.domains.${name}`, domain, fail);
    }
  }
  return t as unknown as TournamentTemplate;
}

function checkDomain(where: string, d: ParamDomain, fail: (m: string) => never): void {
  if (d.kind === 'choice') {
    if (!Array.isArray(d.values) || !d.values.length) fail(`${where}: a choice needs a non-empty "values" list`);
    return;
  }
  if (d.kind !== 'float' && d.kind !== 'int') fail(`${where}: "kind" must be float, int or choice`);
  if (!(typeof d.low === 'number' && typeof d.high === 'number' && d.low <= d.high)) fail(`${where}: needs numbers low ≤ high`);
  if (d.log && !(d.low > 0)) fail(`${where}: a log-scale domain needs low > 0`);
}

/** Reads a template file's text; errors start with `name` ("… is not valid JSON", "…: tournament template: …"). */
export function parseTemplateText(text: string, name: string): TournamentTemplate {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${name} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  try {
    return parseTemplate(json);
  } catch (err) {
    throw new Error(`${name}: ${(err as Error).message}`, { cause: err });
  }
}

/** What a table lacks for this template (empty when it can run). */
export function checkTemplate(template: TournamentTemplate, table: { columns: readonly { name: string }[] }): string[] {
  const names = new Set(table.columns.map((c) => c.name));
  const problems: string[] = [];
  if (!names.has(template.target)) problems.push(`the table has no target column "${template.target}"`);
  for (const column of Object.keys(template.features.types ?? {})) {
    if (!names.has(column)) problems.push(`the feature settings name column "${column}", which the table does not have`);
  }
  return problems;
}
