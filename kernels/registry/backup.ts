// The `.tourney-registry` backup: a zip (fflate) of the registry's layout (layout.ts) — plain
// JSON documents and the model files byte for byte — with registry.json saying the format, the
// layout and schema versions, when it was written and how many documents and files it holds.
// Reading refuses anything that is not whole: not a zip, a truncated zip, a zip that is not a
// registry, a newer schema, counts that do not match, a file whose hash does not match; and it
// only returns a snapshot once all of it has been checked, so a restore writes all or nothing.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { entriesToSnapshot, MANIFEST_FILE, registryManifest, snapshotCounts, snapshotToEntries } from './layout';
import { RegistryError } from './parse-document';
import type { RegistrySnapshot } from './store';

/** Fixed entry times keep a backup of the same registry byte-identical (the real time is in registry.json). */
const ZIP_TIME = new Date('1980-01-01T00:00:00Z');

export function writeBackup(snapshot: RegistrySnapshot, createdAt: string): Uint8Array {
  const manifest = registryManifest({ createdAt, counts: snapshotCounts(snapshot) });
  const zippable: Zippable = {};
  for (const [path, bytes] of snapshotToEntries(snapshot, manifest)) zippable[path] = [bytes, { level: path.endsWith('.json') ? 6 : 1, mtime: ZIP_TIME }];
  return zipSync(zippable);
}

export function readBackup(bytes: Uint8Array, file: string): RegistrySnapshot {
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new RegistryError(`${file} is not a Tourney registry backup (not a zip file)`);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (err) {
    throw new RegistryError(`${file} is truncated or damaged (${(err as Error).message}); nothing was restored`);
  }
  const map = new Map(Object.entries(entries).filter(([path]) => !path.endsWith('/')));
  if (!map.has(MANIFEST_FILE)) throw new RegistryError(`${file} is not a Tourney registry backup (no ${MANIFEST_FILE} in the zip)`);
  const { manifest, snapshot } = entriesToSnapshot(map, file);
  if (!manifest.counts) throw new RegistryError(`${file}: ${MANIFEST_FILE}: field counts: missing (not a backup written by Tourney)`);
  const counts = snapshotCounts(snapshot);
  for (const key of Object.keys(counts) as (keyof typeof counts)[]) {
    if (counts[key] !== manifest.counts[key]) {
      throw new RegistryError(`${file} is incomplete: ${MANIFEST_FILE} lists ${manifest.counts[key]} ${key}, the zip holds ${counts[key]}; nothing was restored`);
    }
  }
  return snapshot;
}
