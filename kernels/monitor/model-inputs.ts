// The raw columns a fitted pipeline reads, with how each is profiled for monitoring: a feature
// pipeline spec (tournament) by its inputs' roles, a table-to-matrix state (`train --fixed`) by
// its features' kinds. Columns of other roles (ids, dropped) are not watched.
import type { FeaturePipelineSpec, FeatureRole } from '../features/types';
import type { TableToMatrixState } from '../learn/table-to-matrix';
import type { FeatureKind } from './reference-profile';

const KIND_OF_ROLE: Partial<Record<FeatureRole, FeatureKind>> = {
  integer: 'numeric', number: 'numeric', boolean: 'categorical', categorical: 'categorical', constant: 'categorical',
  date: 'datetime', datetime: 'datetime', text: 'text', title: 'text', company: 'text', email: 'text', url: 'text', phone: 'text',
};

export function modelInputs(pipeline: unknown): { name: string; kind: FeatureKind }[] {
  const p = pipeline as Partial<TableToMatrixState & FeaturePipelineSpec>;
  if (p.kind === 'table-to-matrix') return (p.features ?? []).map((f) => ({ name: f.name, kind: f.kind }));
  return (p.inputs ?? []).flatMap((i) => {
    const kind = KIND_OF_ROLE[i.role] ?? KIND_OF_ROLE[i.type];
    return kind ? [{ name: i.name, kind }] : [];
  });
}
