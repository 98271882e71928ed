// A registry moves CLI → app → CLI without loss: folder store → backup → Dexie store (the app's,
// on fake-indexeddb) → backup → a new folder store. Documents deep-equal, model files and even the
// backups byte-identical.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readBackup, writeBackup } from '../../kernels/registry/backup';
import { modelDirFixture } from '../../kernels/registry/testing/model-dir-fixture';
import { experimentFixture } from '../../kernels/registry/testing/registry-fixture';
import { DexieRegistryStore } from '../../renderer/registry/dexie-store';
import { FolderRegistryStore } from './folder-store';

const tmp = mkdtempSync(join(tmpdir(), 'tourney-round-trip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('folder store → backup → Dexie store → backup → folder store: identical documents and bytes', async () => {
  const cli = new FolderRegistryStore(join(tmp, 'cli'));
  for (let i = 0; i < 3; i++) {
    await cli.registerVersion({ name: i < 2 ? 'churn' : 'leads', files: modelDirFixture(i, { leak: i === 1 }), createdAt: `2026-12-04T1${i}:00:00.000Z`, source: 'cli', experiment: experimentFixture(i), notes: `run ${i}`, tags: ['nightly'] });
  }
  await cli.moveAlias('churn', { alias: 'champion', to: 1, at: '2026-12-04T13:00:00.000Z' });
  await cli.moveAlias('churn', { alias: 'champion', to: 2, at: '2026-12-04T14:00:00.000Z', note: 'retrained' });
  const original = await cli.snapshot();
  const backup1 = writeBackup(original, '2026-12-04T15:00:00.000Z');

  const app = new DexieRegistryStore('round-trip', { indexedDB, IDBKeyRange });
  await app.restore(readBackup(backup1, 'cli.tourney-registry'));
  const inApp = await app.snapshot();
  expect(inApp).toEqual(original);
  const backup2 = writeBackup(inApp, '2026-12-04T15:00:00.000Z');
  expect(Buffer.from(backup2).equals(Buffer.from(backup1))).toBe(true);

  const back = new FolderRegistryStore(join(tmp, 'back'));
  await back.restore(readBackup(backup2, 'app.tourney-registry'));
  const final = await back.snapshot();
  expect(final).toEqual(original);
  for (const m of original.models) {
    for (const v of m.versions) {
      const files = await back.readVersionFiles(m.model.name, v.doc.version);
      for (const [name, bytes] of v.files) expect(Buffer.from(files.get(name)!).equals(Buffer.from(bytes))).toBe(true);
    }
  }
  app.close();
});
