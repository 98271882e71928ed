// Experiments and snapshots built from modelDirFixture, for the registry's tests and benchmark.
import { emptyAliases, moveAlias } from '../aliases';
import type { DatasetFingerprint, Experiment, RegisteredModel } from '../documents';
import { createExperiment } from '../experiments';
import { sha256OfText } from '../hash';
import { readModelDirSummary } from '../model-dir-summary';
import type { ModelEntry, RegistrySnapshot, VersionEntry } from '../store';
import { registerVersion } from '../versions';
import { modelDirFixture } from './model-dir-fixture';

export function fingerprintFixture(seed = 0): DatasetFingerprint {
  return {
    sha256: sha256OfText(`churn.csv ${seed}`),
    fileName: 'churn.csv',
    rows: 1000 + seed,
    schema: [{ name: 'tenure', type: 'integer' }, { name: 'charges', type: 'number' }, { name: 'churn', type: 'categorical' }],
    profile: [{ name: 'tenure', missingShare: 0, distinct: 72, mean: 32.4, std: 24.5, min: 0, max: 72 }, { name: 'charges', missingShare: 0.01, distinct: 900 }, { name: 'churn', missingShare: 0, distinct: 2 }],
  };
}

export function experimentFixture(variant = 0, createdAt = `2026-12-0${1 + (variant % 9)}T10:00:0${variant % 10}.000Z`, source: 'app' | 'cli' = 'cli'): Experiment {
  return createExperiment({
    createdAt, source, notebook: source === 'app' ? 'demo.ipynb' : null, tourneyVersion: '0.1.0',
    dataset: fingerprintFixture(variant), summary: readModelDirSummary(modelDirFixture(variant)), totalSeconds: 4 + variant,
  });
}

/** A whole registry: `models` models with `versionsPerModel` versions each, a champion alias and one experiment per version. */
export function snapshotFixture(models = 2, versionsPerModel = 2): RegistrySnapshot {
  const experiments: Experiment[] = [];
  const entries: ModelEntry[] = [];
  for (let m = 0; m < models; m++) {
    const name = `model-${m}`;
    let model: RegisteredModel | undefined;
    const versions: VersionEntry[] = [];
    for (let v = 0; v < versionsPerModel; v++) {
      const variant = m * versionsPerModel + v;
      const experiment = experimentFixture(variant);
      experiments.push(experiment);
      const files = modelDirFixture(variant);
      const r = registerVersion(
        { model, versions: versions.map((x) => x.doc.version), aliases: undefined },
        { name, files, createdAt: experiment.createdAt, source: 'cli', experiment, notes: `run ${variant}` },
      );
      model = r.model;
      versions.push({ doc: r.version, files });
    }
    const aliases = moveAlias(emptyAliases(name), versions.map((x) => x.doc.version), { alias: 'champion', to: 1, at: '2026-12-04T09:00:00.000Z', note: 'first' });
    entries.push({ model: model!, aliases, versions });
  }
  return { experiments: experiments.sort((a, b) => a.id.localeCompare(b.id)), models: entries };
}

/** A current document written back as schema 1 (what the first registry stored). */
export function asSchemaV1<T extends Record<string, unknown>>(doc: T, drop: string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...doc, schemaVersion: 1 };
  for (const key of drop) delete copy[key];
  return copy;
}
