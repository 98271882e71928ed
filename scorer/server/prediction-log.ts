// The optional prediction log the monitoring issue reads: NDJSON, one line per scored row, UTF-8,
// in the order rows were scored, in the shape kernels/monitor/prediction-log.ts reads:
//   {"time":"2026-12-04T19:00:00.000Z","requestId":"…","model":{"name":"…","version":"…"},"latencyMs":1.2,
//    "row":0,"id":"…","input":{<the row's fields as received, unknown fields included>},
//    "output":{"prediction":…,"probabilities":{class:p,…}}}
// `row` is the row's index in its request; `id` the request id (`<request id>:<row>` when the
// request had several rows); regression outputs have no `probabilities`.
// The live file is `<dir>/predictions.ndjson`; past `maxFileBytes` it is renamed
// `predictions-<UTC time>-<n>.ndjson` and a new one starts; the oldest rotated files are deleted
// while all files together exceed `maxTotalBytes`. Writes are appended asynchronously in order.
// The scorer's summary log (summary-log.ts) is the same kind of file under the base name
// `summaries`, rotated and bounded on its own.
import { createWriteStream, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';

export interface PredictionLogOptions {
  dir: string;
  /** Rotate the live file past this size (default 16 MB). */
  maxFileBytes?: number;
  /** Keep at most this many bytes of log on disk (default 256 MB; the summary log keeps an eighth of that beside it). */
  maxTotalBytes?: number;
  /** Seconds between the summary log's lines within an hour (default 300). */
  summaryFlushSeconds?: number;
}

type LogBase = 'predictions' | 'summaries';

export class PredictionLog {
  private stream: WriteStream;
  private size: number;
  private rotations = 0;
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
  private readonly live: string;
  private readonly rotated: RegExp;

  constructor(readonly options: PredictionLogOptions, private readonly base: LogBase = 'predictions') {
    this.live = `${base}.ndjson`;
    this.rotated = new RegExp(`^${base}-.+\\.ndjson$`);
    this.maxFileBytes = options.maxFileBytes ?? 16 * 1024 * 1024;
    this.maxTotalBytes = Math.max(options.maxTotalBytes ?? 256 * 1024 * 1024, this.maxFileBytes);
    mkdirSync(options.dir, { recursive: true });
    this.size = fileSize(join(options.dir, this.live));
    this.stream = this.open();
  }

  private open(): WriteStream {
    // Opened synchronously so the file exists before the first rotation can rename it.
    const path = join(this.options.dir, this.live);
    const stream = createWriteStream(path, { fd: openSync(path, 'a') });
    stream.on('error', (err) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: `${this.base} log: ${err.message}` })}\n`));
    return stream;
  }

  /** Appends one request's rows; `lines` are already-serialized NDJSON lines (with newlines). */
  write(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.size > 0 && this.size + bytes > this.maxFileBytes) this.rotate();
    this.stream.write(text);
    this.size += bytes;
  }

  private rotate(): void {
    this.stream.end();
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    renameSync(join(this.options.dir, this.live), join(this.options.dir, `${this.base}-${stamp}-${++this.rotations}.ndjson`));
    this.stream = this.open();
    this.size = 0;
    this.prune();
  }

  /** Deletes the oldest rotated files until the total fits. */
  private prune(): void {
    const rotated = readdirSync(this.options.dir).filter((f) => this.rotated.test(f)).map((f) => {
      const st = statSync(join(this.options.dir, f));
      return { f, size: st.size, mtime: st.mtimeMs };
    }).sort((a, b) => a.mtime - b.mtime || a.f.localeCompare(b.f));
    let total = rotated.reduce((s, r) => s + r.size, 0) + this.maxFileBytes;
    for (const r of rotated) {
      if (total <= this.maxTotalBytes) break;
      unlinkSync(join(this.options.dir, r.f));
      total -= r.size;
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(resolve));
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
