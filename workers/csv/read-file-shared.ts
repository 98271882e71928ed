// Reads a file straight into shared memory (Node), so the CSV workers scan their chunks of it in
// place instead of each getting a copy.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export function readFileShared(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const read = readSync(fd, bytes, at, size - at, at);
      if (read === 0) break;
      at += read;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}
