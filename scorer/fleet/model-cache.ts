// The multi-model scorer's model cache: least-recently-used, bounded by how many models it holds
// AND by their bytes (whichever binds first evicts). A cold key is loaded once however many
// requests ask for it at the same time (they wait on the one load). A model evicted while a
// request still scores with it is disposed only when that request releases it, so eviction never
// pulls a session out from under a running request. No Node built-ins: the policy is testable alone.

export interface CacheLimits {
  /** Most models held (≥ 1). */
  maxModels: number;
  /** Most bytes held; the newest model always stays, even alone over the limit. */
  maxBytes: number;
}

export type CacheLookup = 'hit' | 'miss' | 'wait';

export interface CacheObserver {
  /** Every acquire: found, loaded by this call, or waited on a load already running. */
  lookup?(result: CacheLookup): void;
  evicted?(reason: 'count' | 'bytes'): void;
  loaded?(seconds: number): void;
  loadFailed?(): void;
}

export interface Lease<V> {
  value: V;
  /** Call exactly once, when done with the value. */
  release(): void;
}

interface Entry<V> {
  key: string;
  value: V;
  bytes: number;
  users: number;
  evicted: boolean;
}

interface Pending<V> {
  waiters: number;
  promise: Promise<Entry<V>>;
}

export class ModelCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly pending = new Map<string, Pending<V>>();
  private heldBytes = 0;
  private closed = false;

  constructor(
    readonly limits: CacheLimits,
    private readonly load: (key: string) => Promise<{ value: V; bytes: number }>,
    private readonly dispose: (value: V) => void,
    private readonly observer: CacheObserver = {},
  ) {
    if (!(limits.maxModels >= 1) || !(limits.maxBytes >= 1)) throw new Error('the model cache needs room for at least one model and one byte');
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.heldBytes;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Keys from least to most recently used. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  async acquire(key: string): Promise<Lease<V>> {
    if (this.closed) throw new Error('the model cache is closed');
    const found = this.entries.get(key);
    if (found) {
      this.observer.lookup?.('hit');
      // Most recently used goes last (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, found);
      found.users++;
      return this.lease(found);
    }
    const running = this.pending.get(key);
    if (running) {
      this.observer.lookup?.('wait');
      running.waiters++;
      return this.lease(await running.promise);
    }
    this.observer.lookup?.('miss');
    const record = { waiters: 1 } as Pending<V>;
    record.promise = this.loadEntry(key, record);
    this.pending.set(key, record);
    return this.lease(await record.promise);
  }

  private async loadEntry(key: string, record: Pending<V>): Promise<Entry<V>> {
    const started = performance.now();
    let loaded: { value: V; bytes: number };
    try {
      loaded = await this.load(key);
    } catch (err) {
      this.pending.delete(key);
      this.observer.loadFailed?.();
      throw err;
    }
    this.pending.delete(key);
    this.observer.loaded?.((performance.now() - started) / 1000);
    // Every waiter holds the entry from here, before any of them resumes: an eviction by another
    // load finishing in between must not dispose it under them.
    const entry: Entry<V> = { key, value: loaded.value, bytes: loaded.bytes, users: record.waiters, evicted: false };
    if (this.closed) {
      entry.evicted = true;
      return entry;
    }
    this.entries.set(key, entry);
    this.heldBytes += entry.bytes;
    this.evictOverLimits(entry);
    return entry;
  }

  private evictOverLimits(keep: Entry<V>): void {
    for (const oldest of this.entries.values()) {
      const overCount = this.entries.size > this.limits.maxModels;
      if (!overCount && this.heldBytes <= this.limits.maxBytes) return;
      if (oldest === keep) continue;
      this.evict(oldest);
      this.observer.evicted?.(overCount ? 'count' : 'bytes');
    }
  }

  private evict(entry: Entry<V>): void {
    this.entries.delete(entry.key);
    this.heldBytes -= entry.bytes;
    entry.evicted = true;
    if (entry.users === 0) this.dispose(entry.value);
  }

  private lease(entry: Entry<V>): Lease<V> {
    let released = false;
    return {
      value: entry.value,
      release: () => {
        if (released) return;
        released = true;
        entry.users--;
        if (entry.evicted && entry.users === 0) this.dispose(entry.value);
      },
    };
  }

  /** Drops every model (disposing those no request holds); later acquires are refused. */
  close(): void {
    this.closed = true;
    for (const entry of [...this.entries.values()]) this.evict(entry);
  }
}
