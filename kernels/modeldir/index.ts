// The model directory: the unit the CLI, the app, the registry and the scorer all trust. Build its
// files with buildModelDirFiles (manifest included), load them with loadModelDirFiles (manifest,
// schemas and cross-document checks first); anything wrong is one ModelDirError naming the file.
export { buildModelDirFiles, fixedDocuments, tournamentDocuments, type FixedRun, type ModelDirDocuments } from './build-model-dir';
export { ModelDirError } from './errors';
export { loadModelDirFiles, type LoadedModelDir } from './load-model-dir';
export { listedFileNames, MANIFEST, MODEL_DOCUMENTS, sha256Hex } from './manifest';
export type { Manifest, ModelDirKind, ModelMeta } from './meta-schema';
export { isTableToMatrix, type PipelineJson } from './pipeline-schema';
// For readers of single documents (the registry's summary reads meta/report/template alone).
export { readTemplate } from './check-documents';
export { checked, readJson } from './load-model-dir';
export { metaSchema, reportSchema } from './meta-schema';
