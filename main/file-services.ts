// The file-system half of HostServices, on node:fs. (The dialog half needs Electron and lives in
// electron-main.ts.) Tested against a temporary directory.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import type { HostServices } from './ipc-handlers';

export type FileServices = Pick<HostServices, 'fileSize' | 'readFile' | 'writeFile' | 'listDirectory' | 'makeDirectory'>;

export function createFileServices(): FileServices {
  return {
    async fileSize(path) {
      const info = await stat(path);
      if (!info.isFile()) throw new Error('not a regular file');
      return info.size;
    },
    async readFile(path) {
      const buffer = await readFile(path);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
    async writeFile(path, data) {
      await writeFile(path, data);
    },
    async listDirectory(path) {
      try {
        return await readdir(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async makeDirectory(path) {
      await mkdir(path, { recursive: true });
    },
  };
}
