// Keeps a chatty cell from flooding the page: printed text is batched (at most one message per
// interval, so `for (...) print(i)` over a million rows is a few messages, not a million
// renders), and each cell's text and display outputs are capped, with one line saying so.
import type { CellOutput } from '../../shared/runner/outputs';

export type OutputSink = (cellId: string, output: CellOutput) => void;

export interface OutputLimits {
  intervalMs: number;
  maxStreamChars: number;
  maxDisplays: number;
}

export const DEFAULT_OUTPUT_LIMITS: OutputLimits = { intervalMs: 50, maxStreamChars: 1_000_000, maxDisplays: 200 };

interface PendingStream {
  cellId: string;
  name: 'stdout' | 'stderr';
  text: string;
}

interface CellCounts {
  streamChars: number;
  displays: number;
  streamCapped: boolean;
  displaysCapped: boolean;
}

export class OutputThrottle {
  private pending: PendingStream | null = null;
  private lastFlush = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly counts = new Map<string, CellCounts>();

  constructor(
    private readonly sink: OutputSink,
    private readonly limits: OutputLimits = DEFAULT_OUTPUT_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A cell starts (again): its caps start from zero. */
  startCell(cellId: string): void {
    this.counts.set(cellId, { streamChars: 0, displays: 0, streamCapped: false, displaysCapped: false });
  }

  emit(cellId: string, output: CellOutput): void {
    const counts = this.countsOf(cellId);
    if (output.type === 'stream') {
      let text = output.text;
      if (counts.streamCapped) return;
      const room = this.limits.maxStreamChars - counts.streamChars;
      if (text.length > room) {
        text = `${text.slice(0, Math.max(0, room))}\n… output truncated: more than ${this.limits.maxStreamChars.toLocaleString('en-US')} characters\n`;
        counts.streamCapped = true;
      }
      counts.streamChars += text.length;
      if (this.pending && (this.pending.cellId !== cellId || this.pending.name !== output.name)) this.flush();
      if (this.pending) this.pending.text += text;
      else this.pending = { cellId, name: output.name, text };
      if (this.now() - this.lastFlush >= this.limits.intervalMs) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.limits.intervalMs);
      return;
    }
    if (output.type === 'display_data') {
      if (counts.displaysCapped) return;
      if (counts.displays >= this.limits.maxDisplays) {
        counts.displaysCapped = true;
        this.flush();
        this.sink(cellId, { type: 'stream', name: 'stderr', text: `… more than ${this.limits.maxDisplays} displayed outputs: the rest are not shown\n` });
        return;
      }
      counts.displays++;
    }
    this.flush();
    this.sink(cellId, output);
  }

  /** Sends the batched text now (before a cell's reply, so its outputs all arrive first). */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.lastFlush = this.now();
    this.sink(pending.cellId, { type: 'stream', name: pending.name, text: pending.text });
  }

  private countsOf(cellId: string): CellCounts {
    let counts = this.counts.get(cellId);
    if (!counts) {
      this.startCell(cellId);
      counts = this.counts.get(cellId)!;
    }
    return counts;
  }
}
