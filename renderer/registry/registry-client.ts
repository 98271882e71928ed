// The app's one registry store (IndexedDB through Dexie), opened on first use, and a tiny change
// signal so every view showing registry content reloads after a write (register, alias, import,
// restore), in this tab and, through a BroadcastChannel, in the app's other tabs. `window.tourneyRegistry` exposes the store to the end-to-end tests, which read the
// documents back through it.
import { useEffect, useState } from 'react';
import { DexieRegistryStore } from './dexie-store';

let store: DexieRegistryStore | null = null;
const listeners = new Set<() => void>();
let revision = 0;
let channel: BroadcastChannel | null = null;

function notify(): void {
  revision += 1;
  for (const listener of listeners) listener();
}

/** The channel other tabs announce their writes on (created once, when the registry is first used). */
function tabs(): BroadcastChannel | null {
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel('tourney-registry');
    channel.onmessage = notify;
  }
  return channel;
}

export function registryStore(): DexieRegistryStore {
  if (!store) {
    store = new DexieRegistryStore();
    tabs();
    (globalThis as { tourneyRegistry?: DexieRegistryStore }).tourneyRegistry = store;
  }
  return store;
}

/** Tells the registry views that the registry changed. */
export function registryChanged(): void {
  notify();
  tabs()?.postMessage('changed');
}

/** A number that changes after every registry write (use it as an effect dependency). */
export function useRegistryRevision(): number {
  const [value, setValue] = useState(revision);
  useEffect(() => {
    const listener = () => setValue(revision);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return value;
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error && e.name === 'QuotaExceededError') return `the browser refused to store more (storage quota exhausted): ${e.message}; nothing was written`;
  const inner = (e as { inner?: unknown })?.inner;
  if (inner instanceof Error && inner.name === 'QuotaExceededError') return `the browser refused to store more (storage quota exhausted); nothing was written`;
  return e instanceof Error ? e.message : String(e);
}
