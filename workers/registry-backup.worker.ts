// The registry backup's worker (workers/registry/backup-service.ts): the page hands it the
// snapshot read from IndexedDB and gets the zip back (transferred), or hands it a backup file
// and gets the checked snapshot back; progress comes through a comlink callback.
import { expose, transfer } from 'comlink';
import type { BackupProgress } from '../kernels/registry/backup';
import type { RegistrySnapshot } from '../kernels/registry/store';
import { unzipBackup, zipBackup } from './registry/backup-service';

const api = {
  write(snapshot: RegistrySnapshot, createdAt: string, onProgress?: BackupProgress): Uint8Array {
    const bytes = zipBackup(snapshot, createdAt, onProgress);
    return transfer(bytes, [bytes.buffer]);
  },
  read(bytes: Uint8Array, file: string, onProgress?: BackupProgress): RegistrySnapshot {
    return unzipBackup(bytes, file, onProgress);
  },
};

export type RegistryBackupWorkerApi = typeof api;
expose(api);
