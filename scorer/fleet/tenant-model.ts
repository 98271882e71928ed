// One tenant's champion, loaded for scoring: the model (loadScorerModel: every document checked
// against its manifest), its engine (the ONNX session), the compiled input schema and the
// response writer — what the single-model server builds once at start, built here per tenant
// when the cache loads it.
import { createEngine, type ScoringEngine } from '../engine';
import { compileSchema, type CompiledSchema } from '../input-table';
import { loadScorerModel, type ScorerModel } from '../load-model';
import { predictionWriter, type PredictionsOut } from '../server/predictions-json';

export interface TenantModel {
  tenant: string;
  /** The registry version served (the champion's). */
  registryVersion: number;
  model: ScorerModel;
  engine: ScoringEngine;
  schema: CompiledSchema;
  writePredictions: (scores: Float64Array, n: number) => PredictionsOut;
  /** `{"tenant","name","version","registryVersion"}` as JSON, the response's "model". */
  header: string;
  /** The model files' bytes (the ONNX graph and the documents): what the cache's byte limit counts. */
  bytes: number;
}

export async function loadTenantModel(tenant: string, registryVersion: number, files: ReadonlyMap<string, Uint8Array>, source: string): Promise<TenantModel> {
  const model = loadScorerModel(files, tenant, source);
  const engine = await createEngine(files);
  let bytes = 0;
  for (const b of files.values()) bytes += b.byteLength;
  return {
    tenant,
    registryVersion,
    model,
    engine,
    schema: compileSchema(model.inputs),
    writePredictions: predictionWriter(model),
    header: JSON.stringify({ tenant, name: model.name, version: model.version, registryVersion }),
    bytes,
  };
}
