// The model directory: the unit the CLI, the app, the registry and the scorer all trust. Build its
// files with buildModelDirFiles (manifest included), load them with loadModelDirFiles (manifest,
// schemas and cross-document checks first); anything wrong is one ModelDirError naming the file.
export { buildModelDirFiles, fixedDocuments, tournamentDocuments, type FixedRun, type ModelDirDocuments } from './build-model-dir';
export { ModelDirError } from './errors';
export { loadModelDirFiles, type LoadedModelDir } from './load-model-dir';
export { MANIFEST, MODEL_DOCUMENTS, sha256Hex } from './manifest';
export type { Manifest, ModelDirKind, ModelMeta } from './meta-schema';
export type { PipelineJson } from './pipeline-schema';
