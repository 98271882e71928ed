// applyFeaturePipeline(spec, table): replay a fitted spec on any table with the columns it names.
// Extra columns are ignored, missing ones read as all-missing, numbers that arrive as text are
// parsed, unseen categories fall into OTHER: scoring never fails on the shape of the data.
import type { Matrix } from '../learn/matrix';
import type { DataTable } from '../table/types';
import { applyDerivation, writesCategoryCodes, writesNormalizedWeights } from './apply-derivation';
import { tableReader } from './context';
import type { FeaturePipelineSpec } from './types';

export function applyFeaturePipeline(spec: FeaturePipelineSpec, table: DataTable): Matrix {
  const reader = tableReader(table, spec.inputs);
  const numeric = new Set(spec.inputs.filter((i) => i.storage === 'numeric').map((i) => i.name));
  const wanted = new Set(spec.features);
  const byName = new Map<string, Float32Array>();
  const codes = new Set<string>();
  const normalized = new Set<string>();
  for (const d of spec.derivations) {
    const arrays = applyDerivation(d, reader, (name) => numeric.has(name));
    d.outputs.forEach((name, j) => {
      if (!wanted.has(name)) return;
      byName.set(name, arrays[j]);
      if (writesCategoryCodes(d.kind)) codes.add(name);
      if (writesNormalizedWeights(d)) normalized.add(name);
    });
  }
  const columns = spec.features.map((name) => {
    const col = byName.get(name);
    if (!col) throw new Error(`feature pipeline spec is inconsistent: no derivation writes feature '${name}'`);
    return col;
  });
  return {
    nRows: table.rowCount,
    columns,
    featureNames: [...spec.features],
    categorical: spec.features.map((f) => codes.has(f)),
    ...(normalized.size ? { normalized: spec.features.map((f) => normalized.has(f)) } : {}),
  };
}

/** Check a spec read from disk before using it, with a message that names what is wrong. */
export function parseFeaturePipelineSpec(json: unknown): FeaturePipelineSpec {
  const s = json as Partial<FeaturePipelineSpec> | null;
  if (!s || typeof s !== 'object') throw new Error('feature pipeline spec: not a JSON object');
  if (s.format !== 1) throw new Error(`feature pipeline spec: unsupported format ${String(s.format)} (expected 1)`);
  for (const key of ['inputs', 'derivations', 'features'] as const) {
    if (!Array.isArray(s[key])) throw new Error(`feature pipeline spec: '${key}' must be an array`);
  }
  if (typeof s.target !== 'string') throw new Error("feature pipeline spec: 'target' must be a string");
  return s as FeaturePipelineSpec;
}
