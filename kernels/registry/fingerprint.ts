// A data set's fingerprint for lineage: the content hash of the file's bytes, its row count,
// schema (column names and types) and a per-column profile summary.
import type { TableProfile } from '../profile/types';
import type { DatasetFingerprint } from './documents';
import { sha256Hex } from './hash';

export function datasetFingerprint(bytes: Uint8Array, profile: TableProfile, fileName: string | null): DatasetFingerprint {
  return {
    sha256: sha256Hex(bytes),
    fileName,
    rows: profile.rows,
    schema: profile.columns.map((c) => ({ name: c.name, type: c.type })),
    profile: profile.columns.map((c) => ({
      name: c.name,
      missingShare: c.missingShare,
      distinct: c.distinct,
      ...finite('mean', c.mean),
      ...finite('std', c.std),
      ...finite('min', c.min),
      ...finite('max', c.max),
    })),
  };
}

function finite<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value !== undefined && Number.isFinite(value) ? ({ [key]: value } as Record<K, number>) : {};
}
