// The model a tournament ships: one or more fitted members (weights sum to 1) over the same
// feature matrix, blended by weighted average of their predictions, then optionally
// calibrated. A single uncalibrated member predicts exactly like that member.
import { loadModel } from '../learn/load-model';
import type { Matrix, Task } from '../learn/matrix';
import type { FittedModel, SerializedModel } from '../learn/model';
import { applyCalibration, type Calibration } from './calibrate';
import { blend } from './ensemble';

export const TOURNAMENT_MODEL_FORMAT = 1;

export interface TournamentModelJSON {
  kind: 'tournament-model';
  format: number;
  task: Task;
  nClasses: number;
  classes?: string[];
  positiveClass?: string;
  members: { weight: number; model: SerializedModel }[];
  calibration?: Calibration;
}

export class TournamentModel {
  readonly members: { weight: number; model: FittedModel }[];

  constructor(readonly spec: TournamentModelJSON) {
    if (!spec.members.length) throw new Error('a tournament model needs at least one member');
    this.members = spec.members.map((m) => ({ weight: m.weight, model: loadModel(m.model) }));
  }

  get task(): Task {
    return this.spec.task;
  }

  get nClasses(): number {
    return this.spec.nClasses;
  }

  get featureNames(): string[] {
    return this.members[0].model.featureNames;
  }

  /** Blended, calibrated predictions in FittedModel.predict's shape. */
  predict(X: Matrix): Float64Array {
    return this.finish(this.blendMembers(X));
  }

  /** Blended member predictions before calibration. */
  blendMembers(X: Matrix): Float64Array {
    if (this.members.length === 1) return this.members[0].model.predict(X);
    return blend(this.members.map((m) => m.model.predict(X)), this.members.map((m) => m.weight));
  }

  /** Applies the calibration (if any) to blended predictions. */
  finish(blended: Float64Array): Float64Array {
    return this.spec.calibration ? applyCalibration(this.spec.calibration, blended) : blended;
  }

  /** Importance per feature: members' importances normalised to sum 1, then weight-averaged. */
  featureImportance(): Float64Array {
    const out = new Float64Array(this.featureNames.length);
    for (const { weight, model } of this.members) {
      const imp = model.featureImportance();
      let total = 0;
      for (const v of imp) total += Math.abs(v);
      if (total > 0) for (let j = 0; j < out.length; j++) out[j] += (weight * Math.abs(imp[j])) / total;
    }
    return out;
  }

  /**
   * Per-row contributions (row-major nRows × nOutputs × (nFeatures + 1), bias last): the
   * members' own contributions to their raw scores, weight-averaged. Exact for one member; for a
   * blend it attributes the averaged raw score, a close stand-in for the averaged probability.
   */
  contributions(X: Matrix): Float64Array {
    if (this.members.length === 1) return this.members[0].model.contributions(X);
    let out: Float64Array | undefined;
    for (const { weight, model } of this.members) {
      const c = model.contributions(X);
      if (!out) out = new Float64Array(c.length);
      for (let i = 0; i < c.length; i++) out[i] += weight * c[i];
    }
    return out!;
  }

  toJSON(): TournamentModelJSON {
    return this.spec;
  }
}

export function loadTournamentModel(json: unknown): TournamentModel {
  const spec = json as TournamentModelJSON;
  if (!spec || typeof spec !== 'object' || spec.kind !== 'tournament-model') throw new Error('not a tournament model (expected kind "tournament-model")');
  if (spec.format !== TOURNAMENT_MODEL_FORMAT) throw new Error(`tournament model format ${spec.format} is not supported (expected ${TOURNAMENT_MODEL_FORMAT})`);
  return new TournamentModel(spec);
}
