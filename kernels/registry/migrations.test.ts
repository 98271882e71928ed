import { describe, expect, it } from 'vitest';
import { experimentSchema, modelVersionSchema } from './documents';
import { documentSchemaVersion, migrateDocument, needsMigration } from './migrations';
import { REGISTRY_SCHEMA_VERSION } from './schema-version';
import { modelDirFixture } from './testing/model-dir-fixture';
import { asSchemaV1, experimentFixture, snapshotFixture } from './testing/registry-fixture';

describe('migrations', () => {
  it('upgrades a schema 1 experiment (no source) and version (no tags, no model card) to the current schema', () => {
    expect(REGISTRY_SCHEMA_VERSION).toBe(2);
    const experiment = experimentFixture(1);
    const v1Experiment = asSchemaV1(experiment, ['source']);
    expect(needsMigration(v1Experiment, 'e.json')).toBe(true);
    const upgraded = experimentSchema.parse(migrateDocument('experiment', v1Experiment, { file: 'e.json' }));
    expect(upgraded).toEqual({ ...experiment, source: 'cli' });

    const version = snapshotFixture(1, 1).models[0].versions[0].doc;
    const v1Version = asSchemaV1(version, ['tags', 'modelCard']);
    expect(() => modelVersionSchema.parse(v1Version)).toThrow();
    const files = modelDirFixture(0);
    const migrated = modelVersionSchema.parse(migrateDocument('model-version', v1Version, { file: 'version.json', files, experiment: experimentFixture(0) }));
    expect(migrated).toEqual({ ...version, tags: [] });
    expect(() => migrateDocument('model-version', v1Version, { file: 'version.json' })).toThrow(/needs its model files/);
  });

  it('leaves current documents alone and refuses newer or unversioned ones', () => {
    const experiment = experimentFixture(1);
    expect(migrateDocument('experiment', experiment, { file: 'e.json' })).toBe(experiment);
    expect(() => documentSchemaVersion({ ...experiment, schemaVersion: 9 }, 'e.json')).toThrow('e.json uses registry schema version 9, newer than this Tourney supports (2): update Tourney to read it');
    expect(() => documentSchemaVersion({ kind: 'experiment' }, 'e.json')).toThrow('e.json: field schemaVersion: expected a positive integer');
  });
});
