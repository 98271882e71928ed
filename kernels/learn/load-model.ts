// Rebuilds any fitted model from its toJSON() output, dispatching on `family`.
import { loadBayesModel } from './bayes';
import { loadLinearModel } from './linear';
import type { FittedModel, SerializedModel } from './model';
import { TreeEnsembleModel } from './tree/tree-ensemble-model';

export function loadModel(json: unknown): FittedModel {
  if (!json || typeof json !== 'object') throw new Error('model JSON is not an object');
  const family = (json as { family?: unknown }).family;
  switch (family) {
    case 'gbdt':
    case 'forest':
      return TreeEnsembleModel.fromJSON(json as SerializedModel);
    case 'linear':
      return loadLinearModel(json);
    case 'bayes':
      return loadBayesModel(json);
    default:
      throw new Error(`unknown model family ${JSON.stringify(family)} (expected gbdt, forest, linear or bayes)`);
  }
}
