// The registry backup's zip work off the UI thread: writing a .tourney-registry (canonical JSON
// and deflate for every document and model file) and reading one (unzip, every document checked,
// every model file hashed) take seconds on a large registry. Progress is passed on at most every
// PROGRESS_MS, and always at the end, so the messages back to the page stay few.
import { readBackup, writeBackup, type BackupProgress } from '../../kernels/registry/backup';
import type { RegistrySnapshot } from '../../kernels/registry/store';

const PROGRESS_MS = 50;

function throttled(report: BackupProgress | undefined): BackupProgress | undefined {
  if (!report) return undefined;
  let last = -Infinity;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < PROGRESS_MS) return;
    last = now;
    report(done, total);
  };
}

export function zipBackup(snapshot: RegistrySnapshot, createdAt: string, onProgress?: BackupProgress): Uint8Array {
  return writeBackup(snapshot, createdAt, throttled(onProgress));
}

export function unzipBackup(bytes: Uint8Array, file: string, onProgress?: BackupProgress): RegistrySnapshot {
  return readBackup(bytes, file, throttled(onProgress));
}
