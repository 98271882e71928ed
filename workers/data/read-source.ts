// Reads the bytes of what the user opened — a File/Blob, bytes from the Electron bridge, or a
// URL — inside the loader worker, reporting how far it got.
import type { LoaderRequest } from '../../shared/data/protocol';

export type ReadProgress = (fraction: number) => void;

export async function readSource(source: LoaderRequest['source'], onProgress: ReadProgress): Promise<Uint8Array> {
  switch (source.kind) {
    case 'bytes':
      onProgress(1);
      return source.bytes;
    case 'blob':
      return readStream(source.blob.stream(), source.blob.size, onProgress);
    case 'url': {
      const response = await fetch(source.url);
      if (!response.ok) throw new Error(`could not fetch ${source.url}: HTTP ${response.status} ${response.statusText}`);
      const length = Number(response.headers.get('content-length') ?? NaN);
      if (!response.body) return new Uint8Array(await response.arrayBuffer());
      return readStream(response.body, Number.isFinite(length) ? length : undefined, onProgress);
    }
  }
}

/** Collects a byte stream, into one preallocated buffer when the total size is known. */
export async function readStream(stream: ReadableStream<Uint8Array>, size: number | undefined, onProgress: ReadProgress): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let buffer = size !== undefined ? new Uint8Array(size) : undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (buffer && received + value.length <= buffer.length) buffer.set(value, received);
    else {
      if (buffer) chunks.push(buffer.subarray(0, received));
      buffer = undefined;
      chunks.push(value);
    }
    received += value.length;
    if (size) onProgress(Math.min(1, received / size));
  }
  onProgress(1);
  if (buffer) return received === buffer.length ? buffer : buffer.subarray(0, received);
  const out = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
