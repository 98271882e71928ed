// The model a tournament ships: one or more fitted members (weights sum to 1) over the same
// pipeline matrix, each possibly reading it through a categorical view, blended by weighted
// average of their predictions, then optionally calibrated. A single uncalibrated member without
// a view predicts exactly like that member on the pipeline's matrix.
import { loadModel } from '../learn/load-model';
import type { Matrix, Task } from '../learn/matrix';
import type { FittedModel, SerializedModel } from '../learn/model';
import { applyCalibration, type Calibration } from './calibrate';
import { applyCategoricalView, type CategoricalView } from './categorical-view';
import { blend } from './ensemble';

export const TOURNAMENT_MODEL_FORMAT = 1;

export interface TournamentModelJSON {
  kind: 'tournament-model';
  format: number;
  task: Task;
  nClasses: number;
  classes?: string[];
  positiveClass?: string;
  /** The pipeline matrix's features, in order (what predict() takes). */
  features: string[];
  members: { weight: number; model: SerializedModel; view?: CategoricalView }[];
  calibration?: Calibration;
}

interface Member {
  weight: number;
  model: FittedModel;
  view?: CategoricalView;
}

export class TournamentModel {
  readonly members: Member[];

  constructor(readonly spec: TournamentModelJSON) {
    if (!spec.members.length) throw new Error('a tournament model needs at least one member');
    this.members = spec.members.map((m) => ({ weight: m.weight, model: loadModel(m.model), ...(m.view ? { view: m.view } : {}) }));
  }

  get task(): Task {
    return this.spec.task;
  }

  get nClasses(): number {
    return this.spec.nClasses;
  }

  /** The pipeline features predict() takes. */
  get featureNames(): string[] {
    return this.spec.features;
  }

  private input(member: Member, X: Matrix): Matrix {
    return member.view ? applyCategoricalView(member.view, X) : X;
  }

  /** Blended, calibrated predictions in FittedModel.predict's shape. */
  predict(X: Matrix): Float64Array {
    return this.finish(this.blendMembers(X));
  }

  /** Blended member predictions before calibration. */
  blendMembers(X: Matrix): Float64Array {
    const predictions = this.members.map((m) => m.model.predict(this.input(m, X)));
    return predictions.length === 1 ? predictions[0] : blend(predictions, this.members.map((m) => m.weight));
  }

  /** Applies the calibration (if any) to blended predictions. */
  finish(blended: Float64Array): Float64Array {
    return this.spec.calibration ? applyCalibration(this.spec.calibration, blended) : blended;
  }

  /**
   * Names the members' features can have: the pipeline features, then the categorical code
   * features of any view (named after their raw column).
   */
  explainedNames(): string[] {
    const names = [...this.spec.features];
    const seen = new Set(names);
    for (const m of this.members) for (const g of m.view?.groups ?? []) if (!seen.has(g.name)) { seen.add(g.name); names.push(g.name); }
    return names;
  }

  /** Importance per explained name: each member's importances normalised to sum 1, weight-averaged. */
  featureImportance(): Float64Array {
    const names = this.explainedNames();
    const at = new Map(names.map((n, j) => [n, j]));
    const out = new Float64Array(names.length);
    for (const { weight, model } of this.members) {
      const imp = model.featureImportance();
      let total = 0;
      for (const v of imp) total += Math.abs(v);
      if (total > 0) model.featureNames.forEach((name, j) => { out[at.get(name)!] += (weight * Math.abs(imp[j])) / total; });
    }
    return out;
  }

  /**
   * Per-row contributions over explainedNames() (row-major nRows × nOutputs × (names + 1), bias
   * last): the members' own contributions to their raw scores, weight-averaged. Exact for one
   * member; for a blend it attributes the averaged raw score, a close stand-in for the blend.
   */
  contributions(X: Matrix): Float64Array {
    const names = this.explainedNames();
    const at = new Map(names.map((n, j) => [n, j]));
    const width = names.length + 1;
    const outputs = this.task === 'multiclass' ? this.nClasses : 1;
    const out = new Float64Array(X.nRows * outputs * width);
    for (const member of this.members) {
      const c = member.model.contributions(this.input(member, X));
      const own = member.model.featureNames;
      const ownWidth = own.length + 1;
      const map = own.map((name) => at.get(name)!);
      for (let block = 0; block < X.nRows * outputs; block++) {
        const src = block * ownWidth;
        const dst = block * width;
        for (let j = 0; j < own.length; j++) out[dst + map[j]] += member.weight * c[src + j];
        out[dst + names.length] += member.weight * c[src + own.length];
      }
    }
    return out;
  }

  toJSON(): TournamentModelJSON {
    return this.spec;
  }
}

export function loadTournamentModel(json: unknown): TournamentModel {
  const spec = json as TournamentModelJSON;
  if (!spec || typeof spec !== 'object' || spec.kind !== 'tournament-model') throw new Error('not a tournament model (expected kind "tournament-model")');
  if (spec.format !== TOURNAMENT_MODEL_FORMAT) throw new Error(`tournament model format ${spec.format} is not supported (expected ${TOURNAMENT_MODEL_FORMAT})`);
  if (!Array.isArray(spec.features)) throw new Error('tournament model: "features" must list the pipeline features');
  return new TournamentModel(spec);
}
