// The loader worker: reads and parses one file, then hands the table straight to the data worker
// through the port it was given. One load per worker, so Cancel is simply terminate(): nothing
// half-parsed can leak into the store, and tables already loaded are untouched.
import { checkFileSize, readTable } from '../kernels/io';
import { toLoadFailure } from './data/load-failure';
import { throttleProgress } from './data/progress-throttle';
import type { LoaderMessage, LoaderRequest } from '../shared/data/protocol';
import { readSource } from './data/read-source';
import { sendTable, sendTableFailure } from './data/table-transfer';

/** Share of the progress bar given to reading the bytes (a download is slower than a disk read). */
const READ_SHARE = { blob: 0.1, bytes: 0, url: 0.3 } as const;

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LoaderRequest>) => void, options?: { once: boolean }): void;
}

const scope = self as unknown as WorkerScope;
const post = (message: LoaderMessage) => scope.postMessage(message);

scope.addEventListener('message', (event: MessageEvent<LoaderRequest>) => void load(event.data), { once: true });

async function load(request: LoaderRequest): Promise<void> {
  const { source, fileName, tablePort } = request;
  const readShare = READ_SHARE[source.kind];
  const progress = throttleProgress((phase, fraction) => post({ type: 'progress', phase, fraction }));
  try {
    if (source.kind === 'blob') checkFileSize(fileName, source.blob.size, request.maxBytes);
    const bytes = await readSource(source, (fraction) => progress('reading', fraction * readShare));
    const started = performance.now();
    const table = await readTable(bytes, {
      fileName,
      format: request.format,
      maxBytes: request.maxBytes,
      typeOverrides: request.typeOverrides,
      onProgress: (fraction: number, phase: string) => progress(phase, readShare + (1 - readShare) * fraction),
    });
    const parseMs = performance.now() - started;
    progress('storing', 1);
    sendTable(tablePort, { table, source: fileName, sourceBytes: bytes.length, parseMs });
    post({ type: 'done', rowCount: table.rowCount, columnCount: table.columns.length, parseMs });
  } catch (error) {
    const failure = toLoadFailure(error, fileName);
    sendTableFailure(tablePort, failure);
    post({ type: 'error', failure });
  }
}
