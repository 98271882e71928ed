import { describe, expect, it } from 'vitest';
import { moveAlias, emptyAliases } from './aliases';
import { modelVersionSchema, registeredModelSchema } from './documents';
import { parseModelRef } from './names';
import { MANIFEST } from '../modeldir';
import { editDocument, fixedDir, text, tournamentDir, withFile } from '../modeldir/test-dirs';
import { modelDirToRegister } from './model-dir-summary';
import { modelDirFixture } from './testing/model-dir-fixture';
import { experimentFixture } from './testing/registry-fixture';
import { nextVersionNumber, registerVersion, resolveVersion } from './versions';

const at = '2026-12-04T12:00:00.000Z';

describe('registerVersion', () => {
  it('numbers versions from 1, never reusing a number, and records lineage and a valid document', () => {
    expect(nextVersionNumber([])).toBe(1);
    expect(nextVersionNumber([1, 3, 2])).toBe(4);
    expect(nextVersionNumber([1], 5)).toBe(6);
    const experiment = experimentFixture(1);
    const first = registerVersion({ model: undefined, versions: [], aliases: undefined }, { name: 'churn', files: modelDirFixture(1), createdAt: at, source: 'cli', experiment });
    expect(first.version.version).toBe(1);
    expect(first.version.lineage).toEqual({ experimentId: experiment.id, datasetSha256: experiment.dataset.sha256, parentVersion: null });
    expect(first.version.files.map((f) => f.name)).toEqual(['manifest.json', 'meta.json', 'pipeline.json', 'report.json', 'template.json', 'tournament.json']);
    expect(first.version.summary).toMatchObject({ task: 'binary', target: 'churn', metric: 'auroc', family: 'gbdt', cvScore: 0.81 });
    expect(modelVersionSchema.parse(first.version)).toEqual(first.version);
    expect(registeredModelSchema.parse(first.model)).toEqual(first.model);

    const second = registerVersion({ model: first.model, versions: [1], aliases: undefined }, { name: 'churn', files: modelDirFixture(2), createdAt: at, source: 'app', tags: ['x', 'x'] });
    expect(second.version.version).toBe(2);
    expect(second.version.lineage.parentVersion).toBe(1);
    expect(second.version.tags).toEqual(['x']);
    expect(second.model.latestVersion).toBe(2);
    expect(second.model.createdAt).toBe(first.model.createdAt);
  });

  it('takes the champion as the default parent', () => {
    const aliases = moveAlias(emptyAliases('churn'), [1, 2, 3], { alias: 'champion', to: 2, at });
    const r = registerVersion({ model: undefined, versions: [1, 2, 3], aliases }, { name: 'churn', files: modelDirFixture(), createdAt: at, source: 'cli' });
    expect(r.version.version).toBe(4);
    expect(r.version.lineage.parentVersion).toBe(2);
  });

  it('refuses bad names, a directory without its manifest, a stray or missing file, a bad meta.json and an unknown parent', () => {
    const state = { model: undefined, versions: [], aliases: undefined };
    expect(() => registerVersion(state, { name: '../etc', files: modelDirFixture(), createdAt: at, source: 'cli' })).toThrow(/invalid model name "\.\.\/etc"/);
    // The rule is strict: only a whole model directory, manifest.json included, is registered.
    expect(() => registerVersion(state, { name: 'm', files: withFile(modelDirFixture(), MANIFEST, undefined), createdAt: at, source: 'cli' })).toThrow(/^meta\.json: has no manifest\.json beside it/);
    expect(() => registerVersion(state, { name: 'm', files: withFile(modelDirFixture(), '../evil', '1'), createdAt: at, source: 'cli' })).toThrow(/^\.\.\/evil: not listed in the model directory's manifest\.json/);
    expect(() => registerVersion(state, { name: 'm', files: withFile(modelDirFixture(), 'meta.json', undefined), createdAt: at, source: 'cli' })).toThrow(/^meta\.json: listed in manifest\.json but missing/);
    // Checked by the model-directory format's own schema (kernels/modeldir), field named, even with the manifest re-signed.
    const badMeta = editDocument(modelDirFixture(), 'meta.json', (meta) => ({ ...meta, task: 'ranking' }));
    expect(() => registerVersion(state, { name: 'm', files: badMeta, createdAt: at, source: 'cli' })).toThrow(/^meta\.json: field "task": /);
    expect(() => registerVersion(state, { name: 'm', files: modelDirFixture(), createdAt: at, source: 'cli', parentVersion: 3 })).toThrow(/no version 3/);
  });
});

describe('references', () => {
  it('parses name, name@n, name@alias and resolves them, naming what is missing', () => {
    expect(parseModelRef('churn')).toEqual({ name: 'churn', selector: { kind: 'latest' } });
    expect(parseModelRef('churn@3')).toEqual({ name: 'churn', selector: { kind: 'version', version: 3 } });
    expect(parseModelRef('churn@champion')).toEqual({ name: 'churn', selector: { kind: 'alias', alias: 'champion' } });
    expect(() => parseModelRef('churn@0')).toThrow(/numbered from 1/);
    expect(() => parseModelRef('churn@Bad Alias')).toThrow(/invalid alias name/);
    const aliases = moveAlias(emptyAliases('churn'), [1, 2], { alias: 'champion', to: 1, at });
    expect(resolveVersion('churn', { kind: 'latest' }, [1, 2], aliases)).toBe(2);
    expect(resolveVersion('churn', { kind: 'alias', alias: 'champion' }, [1, 2], aliases)).toBe(1);
    expect(() => resolveVersion('churn', { kind: 'version', version: 7 }, [1, 2], aliases)).toThrow('model "churn" has no version 7 (versions: 1, 2)');
    expect(() => resolveVersion('churn', { kind: 'alias', alias: 'challenger' }, [1, 2], aliases)).toThrow('model "churn" has no alias "challenger" (aliases: champion)');
    expect(() => resolveVersion('churn', { kind: 'latest' }, [], undefined)).toThrow(/no versions/);
  });
});

describe('registering a real model directory (with its manifest)', () => {
  const empty = { model: undefined, versions: [], aliases: undefined };
  it('loads it whole through kernels/modeldir: an edited, missing, stale or extra file is refused, naming it', async () => {
    const dir = await tournamentDir();
    const { version } = registerVersion(empty, { name: 'real', files: dir, createdAt: at, source: 'cli' });
    expect(version.files.map((f) => f.name)).toEqual([...dir.keys()].sort());
    expect(() => registerVersion(empty, { name: 'real', files: withFile(dir, 'pipeline.json', `${text(dir, 'pipeline.json')} `), createdAt: at, source: 'cli' }))
      .toThrow(/^pipeline\.json: does not match manifest\.json/);
    expect(() => registerVersion(empty, { name: 'real', files: withFile(dir, 'report.json', undefined), createdAt: at, source: 'cli' }))
      .toThrow(/^report\.json: listed in manifest\.json but missing/);
    const fixed = fixedDir('linear');
    expect(() => registerVersion(empty, { name: 'real', files: withFile(fixed, 'tournament.json', '{}'), createdAt: at, source: 'cli' }))
      .toThrow(/^tournament\.json: is not listed in manifest\.json/);
    expect(() => registerVersion(empty, { name: 'real', files: withFile(fixed, 'notes.txt', 'hi'), createdAt: at, source: 'cli' }))
      .toThrow(/^notes\.txt: not listed in the model directory's manifest\.json/);
  });

  it('modelDirToRegister keeps exactly the manifest and what it lists', () => {
    const fixed = fixedDir('linear');
    const kept = modelDirToRegister(withFile(fixed, 'notes.txt', 'hi'), '/d');
    expect([...kept.keys()].sort()).toEqual([...fixed.keys()].sort());
    expect(() => modelDirToRegister(withFile(fixed, MANIFEST, undefined), '/d')).toThrow(/^\/d\/meta\.json: has no manifest\.json beside it/);
  });
});
