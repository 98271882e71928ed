import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup } from './backup';
import { canonicalJson } from './canonical-json';
import { entriesToSnapshot, snapshotToEntries } from './layout';
import { asSchemaV1, snapshotFixture } from './testing/registry-fixture';

const at = '2026-12-04T12:00:00.000Z';

function rezip(bytes: Uint8Array, change: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(bytes);
  change(entries);
  return zipSync(entries);
}

describe('.tourney-registry backup', () => {
  it('round-trips a registry losslessly and byte-identically', () => {
    const snapshot = snapshotFixture(2, 3);
    const bytes = writeBackup(snapshot, at);
    const back = readBackup(bytes, 'r.tourney-registry');
    expect(back).toEqual(snapshot);
    expect(writeBackup(back, at)).toEqual(bytes);
    const names = Object.keys(unzipSync(bytes));
    expect(names[0]).toBe('registry.json');
    expect(names).toContain('models/model-1/versions/3/version.json');
    expect(names).toContain('models/model-1/versions/3/tournament.json');
    expect(JSON.parse(new TextDecoder().decode(unzipSync(bytes)['registry.json']))).toEqual({
      format: 'tourney-registry', layoutVersion: 1, schemaVersion: 2, createdAt: at, counts: { experiments: 6, models: 2, versions: 6, files: 36 },
    });
  });

  it('tells its progress in files, writing and reading, up to all of them', () => {
    const snapshot = snapshotFixture(2, 2);
    const written: [number, number][] = [];
    const bytes = writeBackup(snapshot, at, (done, total) => written.push([done, total]));
    const entries = Object.keys(unzipSync(bytes)).length;
    expect(written.map(([, total]) => total).every((t) => t === entries)).toBe(true);
    expect(written.map(([done]) => done)).toEqual(Array.from({ length: entries }, (_, i) => i + 1));
    const read: number[] = [];
    expect(readBackup(bytes, 'r.tourney-registry', (done, total) => {
      expect(total).toBe(entries);
      read.push(done);
    })).toEqual(snapshot);
    expect(read.at(-1)).toBe(entries);
    expect(read.every((d, i) => i === 0 || d > read[i - 1])).toBe(true);
  });

  it('refuses a foreign file, a truncated zip, a zip that is not a registry, and a newer schema', () => {
    const bytes = writeBackup(snapshotFixture(1, 2), at);
    expect(() => readBackup(strToU8('name,value\n1,2\n'), 'x.csv')).toThrow('x.csv is not a Tourney registry backup (not a zip file)');
    expect(() => readBackup(bytes.subarray(0, Math.floor(bytes.length * 0.7)), 'cut.tourney-registry')).toThrow(/^cut.tourney-registry is truncated or damaged \(.+\); nothing was restored$/);
    expect(() => readBackup(zipSync({ 'photo.jpg': new Uint8Array(10) }), 'photos.zip')).toThrow('photos.zip is not a Tourney registry backup (no registry.json in the zip)');
    const foreign = rezip(bytes, (e) => (e['registry.json'] = strToU8('{"format":"mlflow"}')));
    expect(() => readBackup(foreign, 'f.zip')).toThrow('f.zip is not a Tourney registry (registry.json format is "mlflow", expected "tourney-registry")');
    const newer = rezip(bytes, (e) => {
      const manifest = JSON.parse(new TextDecoder().decode(e['registry.json']));
      e['registry.json'] = strToU8(JSON.stringify({ ...manifest, schemaVersion: 3 }));
    });
    expect(() => readBackup(newer, 'new.tourney-registry')).toThrow('new.tourney-registry uses registry schema version 3, newer than this Tourney supports (2): update Tourney to read it');
  });

  it('refuses a backup with a missing entry, a corrupt model file or a bad document, naming it', () => {
    const bytes = writeBackup(snapshotFixture(1, 2), at);
    const missing = rezip(bytes, (e) => delete e['experiments/' + Object.keys(e).find((k) => k.startsWith('experiments/'))!.slice(12)]);
    expect(() => readBackup(missing, 'b')).toThrow('b is incomplete: registry.json lists 2 experiments, the zip holds 1; nothing was restored');
    const corrupt = rezip(bytes, (e) => (e['models/model-0/versions/2/meta.json'] = strToU8('{"task":"binary"}')));
    expect(() => readBackup(corrupt, 'b')).toThrow('b: models/model-0/versions/2/meta.json is corrupt: its sha256 does not match version.json');
    const badDoc = rezip(bytes, (e) => {
      const doc = JSON.parse(new TextDecoder().decode(e['models/model-0/versions/1/version.json']));
      e['models/model-0/versions/1/version.json'] = strToU8(JSON.stringify({ ...doc, lineage: { ...doc.lineage, parentVersion: 'one' } }));
    });
    expect(() => readBackup(badDoc, 'b')).toThrow('b: models/model-0/versions/1/version.json: field lineage.parentVersion: expected number, received string');
    const renamed = rezip(bytes, (e) => {
      const path = Object.keys(e).find((k) => k.startsWith('experiments/'))!;
      e['experiments/exp-renamed.json'] = e[path];
      delete e[path];
    });
    expect(() => readBackup(renamed, 'b')).toThrow(/^b: experiments\/exp-renamed.json: field id: "exp-.+" does not match the file name$/);
    const dangling = rezip(bytes, (e) => (e['models/model-0/aliases.json'] = strToU8(canonicalJson({ kind: 'aliases', schemaVersion: 2, model: 'model-0', aliases: { champion: 9 }, history: [] }))));
    expect(() => readBackup(dangling, 'b')).toThrow('b: models/model-0/aliases.json: field aliases.champion: version 9 does not exist');
  });

  it('restores a registry written with schema 1, upgrading its documents', () => {
    const snapshot = snapshotFixture(1, 1);
    const entries = new Map(snapshotToEntries(snapshot));
    const versionPath = 'models/model-0/versions/1/version.json';
    entries.set('registry.json', strToU8(JSON.stringify({ format: 'tourney-registry', layoutVersion: 1, schemaVersion: 1 })));
    entries.set(versionPath, strToU8(JSON.stringify(asSchemaV1(snapshot.models[0].versions[0].doc, ['tags', 'modelCard']))));
    const { snapshot: upgraded } = entriesToSnapshot(entries, 'old');
    expect(upgraded.models[0].versions[0].doc).toEqual({ ...snapshot.models[0].versions[0].doc, tags: [] });
  });
});
