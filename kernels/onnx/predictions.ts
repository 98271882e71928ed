// From a fitted learner to its predictions in FittedModel.predict's shape, as ONNX: the family's
// raw scores, then its link — logistic (binary GBDT, logistic regression, naive Bayes), softmax
// (multiclass GBDT, multinomial, naive Bayes), identity (regression, binary forests) or the
// forests' normalised class votes. The result is [N, 1] (binary P(class 1) or the value) or
// [N, k] class probabilities.
import { LinearModel } from '../learn/linear';
import { NaiveBayesModel } from '../learn/bayes';
import type { FittedModel } from '../learn/model';
import { TreeEnsembleModel, type Link } from '../learn/tree/tree-ensemble-model';
import { naiveBayesRaw } from './bayes';
import type { GraphBuilder } from './graph-builder';
import { linearRaw } from './linear';
import { treeEnsembleRaw } from './trees';

export function modelPredictions(g: GraphBuilder, model: FittedModel, x: string): string {
  if (model instanceof TreeEnsembleModel) return applyLink(g, model.link, treeEnsembleRaw(g, model, x), model.nOutputs);
  if (model instanceof LinearModel) {
    const kind = model.state.kind;
    return applyLink(g, kind === 'least-squares' ? 'identity' : kind === 'logistic' ? 'logistic' : 'softmax', linearRaw(g, model, x));
  }
  if (model instanceof NaiveBayesModel) return applyLink(g, model.task === 'binary' ? 'logistic' : 'softmax', naiveBayesRaw(g, model, x));
  throw new Error(`ONNX export: no exporter for model family "${model.family}"`);
}

function applyLink(g: GraphBuilder, link: Link, raw: string, nOutputs = 1): string {
  switch (link) {
    case 'identity':
      return raw;
    case 'logistic':
      return g.op1('Sigmoid', [raw], 'probability');
    case 'softmax':
      return g.op1('Softmax', [raw], 'probabilities', [{ name: 'axis', int: 1 }]);
    case 'normalize': {
      // Votes clipped at 0, each row rescaled to sum 1 (uniform when nothing is left).
      const votes = g.op1('Max', [raw, g.scalar('zero', 0)], 'votes');
      const total = g.reduceSum(votes, 1, 'vote_total');
      const positive = g.op1('Greater', [total, g.scalar('zero', 0)], 'has_votes');
      return g.where(positive, g.div(votes, total, 'vote_share'), g.scalar('uniform', 1 / nOutputs), 'probabilities');
    }
  }
}
