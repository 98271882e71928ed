// What must agree between the documents of one model directory: the task, target and classes of
// meta.json, pipeline.json and the model; the model's class count; and the features the pipeline
// writes against the ones the model (and each tournament member, through its view) reads.
import type { ReferenceProfile } from '../monitor/reference-profile';
import { applyCategoricalView } from '../tournament/categorical-view';
import { parseTemplate, type TournamentTemplate } from '../tournament/template';
import { fail } from './errors';
import type { ModelMeta } from './meta-schema';
import type { LearnerJson } from './model-schema';
import { pipelineFeatures, type PipelineJson } from './pipeline-schema';
import type { TournamentJson } from './tournament-schema';

export interface ModelDocuments {
  meta: ModelMeta;
  pipeline: PipelineJson;
  tournament?: TournamentJson;
  model?: LearnerJson;
  report?: { task?: string; target?: string };
  template?: TournamentTemplate;
  /** The training reference monitoring compares production with. */
  reference?: ReferenceProfile;
}

const show = (v: unknown) => JSON.stringify(v);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Throws a ModelDirError naming the first document that disagrees with meta.json or the pipeline. */
export function checkDocuments(d: ModelDocuments, label: string): void {
  const { meta, pipeline } = d;
  const expectedClasses = meta.task === 'regression' ? 1 : meta.classes!.length;
  const agree = (file: string, field: string, value: unknown, expected: unknown, source = 'meta.json') => {
    if (value !== undefined && show(value) !== show(expected)) fail(label, file, `field "${field}": ${show(value)} does not match ${source} (${show(expected)})`);
  };
  agree('pipeline.json', 'task', pipeline.task, meta.task);
  agree('pipeline.json', 'target', pipeline.target, meta.target);
  if (meta.task !== 'regression') {
    agree('pipeline.json', 'classes', pipeline.classes, meta.classes);
    agree('pipeline.json', 'positiveClass', pipeline.positiveClass, meta.positiveClass ?? undefined);
  }
  const features = pipelineFeatures(pipeline);
  if (meta.featureNames && !sameList(meta.featureNames, features)) fail(label, 'meta.json', `field "featureNames": lists ${meta.featureNames.length} features, pipeline.json writes ${features.length} others`);

  const checkLearner = (file: string, prefix: string, m: LearnerJson, reads: string[]) => {
    agree(file, `${prefix}task`, m.task, meta.task);
    if (m.nClasses !== expectedClasses) fail(label, file, `field "${prefix}nClasses": the model has ${m.nClasses} classes, meta.json lists ${expectedClasses}`);
    if (!sameList(m.featureNames, reads)) {
      fail(label, file, `field "${prefix}featureNames": the model takes ${m.featureNames.length} features, pipeline.json writes ${reads.length}${m.featureNames.length === reads.length ? ' with other names' : ''}`);
    }
  };
  if (d.tournament) {
    const t = d.tournament;
    agree('tournament.json', 'task', t.task, meta.task);
    if (t.nClasses !== expectedClasses) fail(label, 'tournament.json', `field "nClasses": the model has ${t.nClasses} classes, meta.json lists ${expectedClasses}`);
    if (meta.task !== 'regression') {
      agree('tournament.json', 'classes', t.classes, meta.classes);
      agree('tournament.json', 'positiveClass', t.positiveClass, meta.positiveClass ?? undefined);
    }
    if (!sameList(t.features, features)) fail(label, 'tournament.json', `field "features": the model takes ${t.features.length} features, pipeline.json writes ${features.length}${t.features.length === features.length ? ' with other names' : ''}`);
    t.members.forEach((member, i) => checkLearner('tournament.json', `members[${i}].model.`, member.model, member.view ? viewNames(member.view, features) : features));
  }
  if (d.model) checkLearner('model.json', '', d.model, features);
  if (d.model && meta.kind === 'fixed') agree('meta.json', 'family', meta.family, d.model.family, 'model.json');
  if (d.report) {
    agree('report.json', 'task', d.report.task, meta.task);
    agree('report.json', 'target', d.report.target, meta.target);
  }
  if (d.reference) agree('reference-profile.json', 'task', d.reference.task, meta.task);
  if (d.template) {
    agree('template.json', 'target', d.template.target, meta.target);
    if (d.template.task !== 'auto') agree('template.json', 'task', d.template.task, meta.task);
  }
}

/** The features a member reads through its categorical view. */
function viewNames(view: NonNullable<TournamentJson['members'][number]['view']>, features: string[]): string[] {
  return applyCategoricalView(view, { nRows: 0, columns: features.map(() => new Float32Array(0)), featureNames: features }).featureNames;
}

/** template.json through the tournament's own template checks. */
export function readTemplate(json: unknown, label: string): TournamentTemplate {
  try {
    return parseTemplate(json);
  } catch (err) {
    return fail(label, 'template.json', (err as Error).message.replace(/^tournament template: /, ''));
  }
}
