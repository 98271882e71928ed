// Recently opened data files, in IndexedDB (Dexie). Small files keep their bytes — stored as the
// Blob itself, so the browser copies them without the main thread reading them — so the web app
// can reopen them; in Electron the path is enough.
import Dexie, { type Table } from 'dexie';
import type { TableSummary } from '../../shared/data/protocol';
import { tourneyBridge } from '../platform/tourney-bridge';
import { dataClient } from './data-client';
import { keepsBytes, planRetention } from './recent-retention';

export interface RecentFile {
  /** The path in Electron, else name + size. */
  key: string;
  name: string;
  size: number;
  openedAt: number;
  blob?: Blob;
  path?: string;
}

class RecentFilesDb extends Dexie {
  files!: Table<RecentFile, string>;

  constructor() {
    super('tourney-recent-files');
    this.version(1).stores({ files: 'key, openedAt' });
  }
}

let db: RecentFilesDb | null = null;
const listeners = new Set<() => void>();

function database(): RecentFilesDb {
  db ??= new RecentFilesDb();
  return db;
}

export function subscribeRecentFiles(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  for (const listener of listeners) listener();
}

/** Newest first. */
export async function listRecentFiles(): Promise<RecentFile[]> {
  return database().files.orderBy('openedAt').reverse().toArray();
}

/** Records an opened file; keeps its bytes when small enough, then applies the caps. */
export async function rememberFile(file: { name: string; size: number; blob?: Blob; path?: string }): Promise<void> {
  const files = database().files;
  const key = file.path ?? `${file.name}\u0000${file.size}`;
  const entry: RecentFile = { key, name: file.name, size: file.size, openedAt: Date.now(), path: file.path };
  if (file.blob && keepsBytes(file.size)) entry.blob = file.blob;
  await files.put(entry);
  const all = await files.toArray();
  const plan = planRetention(all.map((f) => ({ key: f.key, openedAt: f.openedAt, size: f.size, hasBytes: !!f.blob, hasPath: !!f.path })));
  if (plan.drop.length) await files.bulkDelete(plan.drop);
  for (const stripKey of plan.stripBytes) await files.update(stripKey, { blob: undefined });
  changed();
}

export async function forgetFile(key: string): Promise<void> {
  await database().files.delete(key);
  changed();
}

/** Reopens a recent file as a table: its stored bytes in the web app, its path in Electron. */
export function reopenRecentFile(file: RecentFile): Promise<TableSummary> {
  const bridge = tourneyBridge();
  return file.path && bridge ? bridge.readFile(file.path).then((bytes) => dataClient.loadBytes(bytes, file.name)) : dataClient.loadFile(file.blob!, file.name);
}
