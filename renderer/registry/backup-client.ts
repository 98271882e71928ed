// The page's side of the backup worker (workers/registry-backup.worker.ts): zipping a backup and
// reading one happen there, so the registry view stays responsive and shows their progress.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { BackupProgress } from '../../kernels/registry/backup';
import type { RegistrySnapshot } from '../../kernels/registry/store';
import type { RegistryBackupWorkerApi } from '../../workers/registry-backup.worker';

let worker: Remote<RegistryBackupWorkerApi> | null = null;

function backupWorker(): Remote<RegistryBackupWorkerApi> {
  worker ??= wrap<RegistryBackupWorkerApi>(new Worker(new URL('../../workers/registry-backup.worker.ts', import.meta.url), { type: 'module', name: 'tourney-registry-backup' }));
  return worker;
}

/** The .tourney-registry bytes of a snapshot, zipped in the worker. */
export function zipBackupInWorker(snapshot: RegistrySnapshot, createdAt: string, onProgress: BackupProgress): Promise<Uint8Array> {
  return backupWorker().write(snapshot, createdAt, proxy(onProgress));
}

/** A backup file read and checked whole in the worker (its bytes are handed over). */
export function readBackupInWorker(bytes: Uint8Array, file: string, onProgress: BackupProgress): Promise<RegistrySnapshot> {
  return backupWorker().read(transfer(bytes, [bytes.buffer]), file, proxy(onProgress));
}
