// The `.tourney-registry` backup: a zip (fflate) of the registry's layout (layout.ts) — plain
// JSON documents and the model files byte for byte — with registry.json saying the format, the
// layout and schema versions, when it was written and how many documents and files it holds.
// Reading refuses anything that is not whole: not a zip, a truncated zip, a zip that is not a
// registry, a newer schema, counts that do not match, a file whose hash does not match; and it
// only returns a snapshot once all of it has been checked, so a restore writes all or nothing.
// Both report progress (files done of all), for the app's worker to show while it works.
import { unzipSync, Zip, ZipDeflate } from 'fflate';
import { entriesToSnapshot, MANIFEST_FILE, registryManifest, snapshotCounts, snapshotToEntries } from './layout';
import { RegistryError } from './parse-document';
import type { RegistrySnapshot } from './store';

/** Fixed entry times keep a backup of the same registry byte-identical (the real time is in registry.json). */
const ZIP_TIME = new Date('1980-01-01T00:00:00Z');

/** Called with the files done and the files in all (a backup's entries, or a restore's checks). */
export type BackupProgress = (done: number, total: number) => void;

export function writeBackup(snapshot: RegistrySnapshot, createdAt: string, onProgress?: BackupProgress): Uint8Array {
  const manifest = registryManifest({ createdAt, counts: snapshotCounts(snapshot) });
  const entries = snapshotToEntries(snapshot, manifest);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  // fflate's streaming zip: each entry compressed as it is added, so progress can be told.
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  entries.forEach(([path, bytes], i) => {
    const entry = new ZipDeflate(path, { level: path.endsWith('.json') ? 6 : 1 });
    entry.mtime = ZIP_TIME;
    zip.add(entry);
    entry.push(bytes, true);
    onProgress?.(i + 1, entries.length);
  });
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function readBackup(bytes: Uint8Array, file: string, onProgress?: BackupProgress): RegistrySnapshot {
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new RegistryError(`${file} is not a Tourney registry backup (not a zip file)`);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (err) {
    throw new RegistryError(`${file} is truncated or damaged (${(err as Error).message}); nothing was restored`);
  }
  const map = new Map(Object.entries(entries).filter(([path]) => !path.endsWith('/')));
  if (!map.has(MANIFEST_FILE)) throw new RegistryError(`${file} is not a Tourney registry backup (no ${MANIFEST_FILE} in the zip)`);
  const { manifest, snapshot } = entriesToSnapshot(map, file, onProgress);
  if (!manifest.counts) throw new RegistryError(`${file}: ${MANIFEST_FILE}: field counts: missing (not a backup written by Tourney)`);
  const counts = snapshotCounts(snapshot);
  for (const key of Object.keys(counts) as (keyof typeof counts)[]) {
    if (counts[key] !== manifest.counts[key]) {
      throw new RegistryError(`${file} is incomplete: ${MANIFEST_FILE} lists ${manifest.counts[key]} ${key}, the zip holds ${counts[key]}; nothing was restored`);
    }
  }
  return snapshot;
}
