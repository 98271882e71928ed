// ONNX export of what Tourney ships: a tournament model (tournament.json: weighted members, each
// maybe reading the matrix through a categorical view, then optional calibration) or a plain
// learner model (model.json of `train --fixed`). The graph's output IS the final prediction:
//   input          double [N, nFeatures]   the pipeline's numeric matrix, NaN for missing
//   probabilities  double [N, k]           classification (binary: [1 − p, p])
//   label          int64 [N]               classification: the predicted class index
//   value          double [N, 1]           regression
// Operators: ai.onnx opset 17 and ai.onnx.ml opset 3 (IR version 8), what onnxruntime 1.30 (node
// and web) runs and Debian's python3-onnx 1.12 checker knows. Everything is computed in double.
import { loadModel } from '../learn/load-model';
import type { Task } from '../learn/matrix';
import type { FittedModel, SerializedModel } from '../learn/model';
import { loadTournamentModel, type TournamentModel } from '../tournament/tournament-model';
import { calibrated } from './calibration';
import { viewedMatrix } from './categorical-view';
import { GraphBuilder, ML_DOMAIN } from './graph-builder';
import { modelPredictions } from './predictions';
import { DataType, encodeModel, type ValueInfo } from './proto';

export const ONNX_INPUT = 'input';
export const ONNX_IR_VERSION = 8;
export const ONNX_OPSET = 17;
export const ONNX_ML_OPSET = 3;

export interface OnnxExportOptions {
  /** Class names in code order (a plain model.json of a tree learner does not carry them; meta.json does). */
  classes?: string[];
  positiveClass?: string;
  target?: string;
  /** Pipeline feature names (a plain model's own names by default). */
  featureNames?: string[];
  producerVersion?: string;
}

interface Shipped {
  task: Task;
  nClasses: number;
  features: string[];
  classes?: string[];
  positiveClass?: string;
  /** Predictions ([N, 1] or [N, k]) from the input. */
  build(g: GraphBuilder, x: string): string;
}

/** The ONNX bytes of a tournament.json or model.json document. */
export function exportOnnx(document: unknown, options: OnnxExportOptions = {}): Uint8Array {
  const shipped = readDocument(document, options);
  const g = new GraphBuilder([ONNX_INPUT, 'probabilities', 'label', 'value']);
  const p = shipped.build(g, ONNX_INPUT);
  const outputs: ValueInfo[] = [];
  if (shipped.task === 'regression') {
    g.nodes.push({ opType: 'Identity', inputs: [p], outputs: ['value'], name: 'value_node' });
    outputs.push({ name: 'value', elemType: DataType.DOUBLE, shape: ['N', 1] });
  } else {
    const k = shipped.nClasses;
    let probabilities: string;
    let label: string;
    if (shipped.task === 'binary') {
      probabilities = g.concat([g.sub(g.scalar('one', 1), p, 'p_negative'), p], 1, 'binary_probabilities');
      const positive = g.op1('GreaterOrEqual', [p, g.scalar('half', 0.5)], 'is_positive');
      label = g.reshape(g.cast(positive, DataType.INT64, 'label_column'), [-1], 'label_index');
    } else {
      probabilities = p;
      label = g.op1('ArgMax', [p], 'label_index', [{ name: 'axis', int: 1 }, { name: 'keepdims', int: 0 }]);
    }
    g.nodes.push({ opType: 'Identity', inputs: [probabilities], outputs: ['probabilities'], name: 'probabilities_node' });
    g.nodes.push({ opType: 'Identity', inputs: [label], outputs: ['label'], name: 'label_node' });
    outputs.push({ name: 'probabilities', elemType: DataType.DOUBLE, shape: ['N', k] }, { name: 'label', elemType: DataType.INT64, shape: ['N'] });
  }
  const metadata: Record<string, string> = {
    task: shipped.task,
    features: JSON.stringify(shipped.features),
    ...(shipped.classes ? { classes: JSON.stringify(shipped.classes) } : {}),
    ...(shipped.positiveClass !== undefined ? { positive_class: shipped.positiveClass } : {}),
    ...(options.target !== undefined ? { target: options.target } : {}),
  };
  return encodeModel({
    irVersion: ONNX_IR_VERSION,
    opsets: [{ domain: '', version: ONNX_OPSET }, { domain: ML_DOMAIN, version: ONNX_ML_OPSET }],
    producerName: 'tourney',
    producerVersion: options.producerVersion ?? '1',
    docString: `Tourney ${shipped.task} model: input double [N, ${shipped.features.length}] (the pipeline's matrix, NaN for missing)`,
    graph: g.graph('tourney', [{ name: ONNX_INPUT, elemType: DataType.DOUBLE, shape: ['N', shipped.features.length] }], outputs),
    metadata,
  });
}

function readDocument(document: unknown, options: OnnxExportOptions): Shipped {
  if (!document || typeof document !== 'object') throw new Error('ONNX export: the model document is not a JSON object');
  if ((document as { kind?: unknown }).kind === 'tournament-model') return tournamentShipped(loadTournamentModel(document), options);
  if (typeof (document as { family?: unknown }).family === 'string') return plainShipped(loadModel(document as SerializedModel), options);
  throw new Error('ONNX export: expected a tournament.json (kind "tournament-model") or a model.json (with a "family")');
}

function classesOf(model: FittedModel, options: OnnxExportOptions): string[] | undefined {
  const own = (model as { state?: { classes?: string[] } }).state?.classes;
  return options.classes ?? own;
}

function plainShipped(model: FittedModel, options: OnnxExportOptions): Shipped {
  const features = options.featureNames ?? model.featureNames;
  if (features.length !== model.featureNames.length) throw new Error(`ONNX export: ${features.length} feature names for a model of ${model.featureNames.length} features`);
  const classes = model.task === 'regression' ? undefined : classesOf(model, options);
  return {
    task: model.task,
    nClasses: model.nClasses,
    features,
    ...(classes ? { classes } : {}),
    ...(options.positiveClass !== undefined ? { positiveClass: options.positiveClass } : {}),
    build: (g, x) => modelPredictions(g, model, x),
  };
}

function tournamentShipped(model: TournamentModel, options: OnnxExportOptions): Shipped {
  const spec = model.spec;
  const classes = spec.classes ?? options.classes;
  const positiveClass = spec.positiveClass ?? options.positiveClass;
  return {
    task: spec.task,
    nClasses: spec.nClasses,
    features: spec.features,
    ...(classes ? { classes } : {}),
    ...(positiveClass !== undefined ? { positiveClass } : {}),
    build: (g, x) => {
      const predictions = model.members.map((member) => {
        let input = x;
        let names = spec.features;
        if (member.view) ({ x: input, featureNames: names } = viewedMatrix(g, member.view, x, spec.features));
        if (names.length !== member.model.featureNames.length) {
          throw new Error(`ONNX export: a ${member.model.family} member reads ${member.model.featureNames.length} features, its matrix has ${names.length}`);
        }
        return modelPredictions(g, member.model, input);
      });
      const blended = predictions.length === 1 ? predictions[0] : weightedMean(g, predictions, model.members.map((m) => m.weight));
      return spec.calibration ? calibrated(g, spec.calibration, blended) : blended;
    },
  };
}

/** As blend() of kernels/tournament/ensemble.ts: Σ wᵢ pᵢ in member order, divided by Σ wᵢ. */
function weightedMean(g: GraphBuilder, predictions: string[], weights: number[]): string {
  let sum: string | undefined;
  predictions.forEach((p, m) => {
    if (!weights[m]) return;
    const term = g.mul(p, g.scalar('member_weight', weights[m]), 'weighted_member');
    sum = sum === undefined ? term : g.add(sum, term, 'weighted_sum');
  });
  const total = weights.reduce((a, w) => (w ? a + w : a), 0);
  if (sum === undefined || !(total > 0)) throw new Error('ONNX export: the ensemble members have no weight');
  return g.div(sum, g.scalar('total_weight', total), 'blended');
}
