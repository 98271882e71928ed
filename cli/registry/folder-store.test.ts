import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelDirFixture } from '../../kernels/registry/testing/model-dir-fixture';
import { experimentFixture, snapshotFixture } from '../../kernels/registry/testing/registry-fixture';
import { FolderRegistryStore } from './folder-store';

const tmp = mkdtempSync(join(tmpdir(), 'tourney-folder-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(tmp, `r${n++}`);
const at = '2026-12-04T12:00:00.000Z';

describe('FolderRegistryStore', () => {
  it('registers versions into one directory each, with documents and files read back as written', async () => {
    const root = freshDir();
    const store = new FolderRegistryStore(root);
    const experiment = experimentFixture(1);
    const v1 = await store.registerVersion({ name: 'churn', files: modelDirFixture(1), createdAt: at, source: 'cli', experiment });
    const v2 = await store.registerVersion({ name: 'churn', files: modelDirFixture(2), createdAt: at, source: 'cli' });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(readdirSync(join(root, 'models/churn/versions/1')).sort()).toEqual(['manifest.json', 'meta.json', 'pipeline.json', 'report.json', 'template.json', 'tournament.json', 'version.json']);
    expect(existsSync(join(root, 'registry.json'))).toBe(true);
    expect(existsSync(join(root, 'registry.lock'))).toBe(false);
    expect(await store.getExperiment(experiment.id)).toEqual(experiment);
    expect(await store.listExperiments()).toEqual([experiment]);
    expect(await store.getVersion('churn', 1)).toEqual(v1);
    expect(await store.readVersionFiles('churn', 2)).toEqual(modelDirFixture(2));
    await store.moveAlias('churn', { alias: 'champion', to: 1, at, note: 'first' });
    const [listing] = await store.listModels();
    expect(listing.model.latestVersion).toBe(2);
    expect(listing.latest).toEqual(v2);
    expect(listing.aliases.aliases).toEqual({ champion: 1 });
    expect(await store.getVersion('churn', 3)).toBeUndefined();
  });

  it('names the file and field of a corrupt version.json, and a model file whose hash does not match', async () => {
    const root = freshDir();
    const store = new FolderRegistryStore(root);
    await store.registerVersion({ name: 'churn', files: modelDirFixture(), createdAt: at, source: 'cli' });
    const docPath = join(root, 'models/churn/versions/1/version.json');
    const doc = JSON.parse(readFileSync(docPath, 'utf8'));
    writeFileSync(docPath, JSON.stringify({ ...doc, summary: { ...doc.summary, task: 'ranking' } }));
    await expect(store.getVersion('churn', 1)).rejects.toThrow(`${docPath}: field summary.task: expected one of "binary"|"multiclass"|"regression"`);
    writeFileSync(docPath, JSON.stringify(doc));
    writeFileSync(join(root, 'models/churn/versions/1/tournament.json'), '{}');
    expect([...(await store.readVersionFiles('churn', 1, ['meta.json'])).keys()]).toEqual(['meta.json']);
    await expect(store.readVersionFiles('churn', 1, ['tournament.json'])).rejects.toThrow(/tournament.json is corrupt/);
    writeFileSync(join(root, 'models/churn/versions/1/meta.json'), '{}');
    await expect(store.readVersionFiles('churn', 1)).rejects.toThrow(`${join(root, 'models/churn/versions/1')}/meta.json is corrupt: its sha256 does not match version.json`);
  });

  it('leaves nothing behind when writing a version fails half way', async () => {
    const root = freshDir();
    const store = new FolderRegistryStore(root);
    await store.registerVersion({ name: 'churn', files: modelDirFixture(), createdAt: at, source: 'cli' });
    // A whole model directory whose writing stops after two files (as a full disk would stop it):
    // the kernel checks it through get/keys, the store writes it by iterating its entries.
    class FailingAfterTwo extends Map<string, Uint8Array> {
      override *[Symbol.iterator](): MapIterator<[string, Uint8Array]> {
        let n = 0;
        for (const entry of super.entries()) {
          if (n++ === 2) throw new Error('ENOSPC: no space left on device (simulated)');
          yield entry;
        }
      }
    }
    const files = new FailingAfterTwo(modelDirFixture(1));
    await expect(store.registerVersion({ name: 'churn', files, createdAt: at, source: 'cli' })).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(join(root, 'models/churn/versions'))).toEqual(['1']);
    expect((await store.getModel('churn'))!.latestVersion).toBe(1);
    expect(existsSync(join(root, 'registry.lock'))).toBe(false);
  });

  it('lets two processes register at once: every version lands, numbered distinctly', async () => {
    const root = freshDir();
    const script = join(import.meta.dirname, 'testing', 'register-many.ts');
    const run = () => new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', script, root, 'churn', '6'], (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(stdout)));
    });
    const outputs = await Promise.all([run(), run()]);
    const numbers = outputs.flatMap((o) => o.trim().split('\n').map(Number));
    expect(numbers.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const store = new FolderRegistryStore(root);
    expect((await store.listVersions('churn')).map((v) => v.version)).toEqual(numbers);
    expect((await store.getModel('churn'))!.latestVersion).toBe(12);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const root = freshDir();
    const store = new FolderRegistryStore(root, { timeoutMs: 2000 });
    await store.registerVersion({ name: 'churn', files: modelDirFixture(), createdAt: at, source: 'cli' });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(root, 'registry.lock'), `${dead} ${(await import('node:os')).hostname()} ${at}\n`);
    expect((await store.registerVersion({ name: 'churn', files: modelDirFixture(), createdAt: at, source: 'cli' })).version).toBe(2);
    writeFileSync(join(root, 'registry.lock'), `${process.pid} elsewhere ${at}\n`);
    await expect(store.registerVersion({ name: 'churn', files: modelDirFixture(), createdAt: at, source: 'cli' })).rejects.toThrow(`registry ${root} is locked by process ${process.pid} on elsewhere since ${at}`);
  });

  it('snapshots and restores whole; refuses a non-empty folder unless asked, then keeps the old one aside', async () => {
    const snapshot = snapshotFixture(2, 2);
    const root = freshDir();
    const store = new FolderRegistryStore(root);
    expect(await store.restore(snapshot)).toEqual({ previous: null });
    expect(await store.snapshot()).toEqual(snapshot);
    await expect(store.restore(snapshotFixture(1, 1))).rejects.toThrow(/is not empty: restore into a new --registry folder, or pass --replace/);
    const { previous } = await store.restore(snapshotFixture(1, 1), { replace: true });
    expect(previous).toMatch(/\.before-restore-/);
    expect(await new FolderRegistryStore(previous!).snapshot()).toEqual(snapshot);
    expect((await store.listModels()).map((m) => m.model.name)).toEqual(['model-0']);
  });

  it('says when there is no registry, and refuses a folder written by a newer Tourney', async () => {
    const root = freshDir();
    const store = new FolderRegistryStore(root);
    await expect(store.requireExisting()).rejects.toThrow(`no registry at ${root} (no registry.json)`);
    await store.restore(snapshotFixture(1, 1));
    writeFileSync(join(root, 'registry.json'), JSON.stringify({ format: 'tourney-registry', layoutVersion: 1, schemaVersion: 5 }));
    await expect(store.requireExisting()).rejects.toThrow(`${root} uses registry schema version 5, newer than this Tourney supports (2)`);
  });
});

describe('FolderRegistryStore safety', () => {
  it('never makes a registry in a folder holding other files, nor restores over a file', async () => {
    const root = freshDir();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(root);
    writeFileSync(join(root, 'notes.txt'), 'mine');
    await expect(new FolderRegistryStore(root).registerVersion({ name: 'churn', files: modelDirFixture(), createdAt: at, source: 'cli' }))
      .rejects.toThrow(`${root} is not a registry (no registry.json) and is not empty`);
    expect(readdirSync(root)).toEqual(['notes.txt']);
    const file = join(root, 'notes.txt');
    await expect(new FolderRegistryStore(file).restore(snapshotFixture(1, 1), { replace: true })).rejects.toThrow(`${file} is a file, not a registry folder`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});
