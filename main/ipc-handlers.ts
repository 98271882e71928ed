// The IPC handlers behind `window.tourney`, as plain functions over injected host services (native
// dialogs, the file system), so Vitest can drive them without Electron. electron-main.ts binds
// them to ipcMain.handle.
//
// The renderer is treated as untrusted input: every argument is checked for type, length and
// shape; files are only read or written at paths the user chose in a native dialog (or chose
// before: the granted recent files); extensions and sizes are checked again after the dialog,
// because dialog filters are only a hint the user can override.
import { basename, dirname, extname, isAbsolute, join, resolve, sep } from 'node:path';
import { isAppUrl } from './app-origin';
import { DATA_EXTENSIONS, IPC, LIMITS, NOTEBOOK_EXTENSIONS, type InvokeChannel } from './ipc-contract';
import type { BundleFile, OpenedDataFile, OpenedNotebook, SavedLocation } from './preload-api';

export interface DialogFilter {
  name: string;
  extensions: string[];
}

/** What the handlers need from the host; Electron's dialog + node:fs in the app, fakes in tests. */
export interface HostServices {
  /** Returns the chosen path or null when cancelled. */
  showOpenDialog(options: { title: string; filters: DialogFilter[] }): Promise<string | null>;
  showSaveDialog(options: { title: string; defaultName: string; filters: DialogFilter[] }): Promise<string | null>;
  showFolderDialog(options: { title: string }): Promise<string | null>;
  /** Size in bytes of a regular file; throws when the path is missing or not a file. */
  fileSize(path: string): Promise<number>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** Entries of a directory, or null when it does not exist. */
  listDirectory(path: string): Promise<string[] | null>;
  makeDirectory(path: string): Promise<void>;
}

/** Who sent a message: the URL of the sending frame. */
export interface IpcSender {
  url: string;
}

/** A call the handlers refuse, with a message that names the argument and the problem. */
export class IpcInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcInputError';
  }
}

/**
 * Paths the user picked in a dialog, most recent first. Only these can be re-read by path
 * (recent files). `persist` is called after every change with the new list.
 */
export class GrantedPaths {
  private paths: string[];

  constructor(initial: readonly unknown[] = [], private readonly persist: (paths: string[]) => void = () => {}) {
    this.paths = initial
      .filter((p): p is string => typeof p === 'string' && isAbsolute(p) && p.length <= LIMITS.pathLength)
      .slice(0, LIMITS.grantedPaths);
  }

  has(path: string): boolean {
    return this.paths.includes(path);
  }

  add(path: string): void {
    this.paths = [path, ...this.paths.filter((p) => p !== path)].slice(0, LIMITS.grantedPaths);
    this.persist([...this.paths]);
  }

  list(): string[] {
    return [...this.paths];
  }
}

// ---- argument checks ----------------------------------------------------------------------------

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Uint8Array) return 'Uint8Array';
  return typeof value;
}

function expectArgCount(method: string, args: readonly unknown[], count: number): void {
  if (args.length !== count) {
    throw new IpcInputError(`${method}: expected ${count} argument${count === 1 ? '' : 's'}, got ${args.length}`);
  }
}

function expectString(method: string, what: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string') throw new IpcInputError(`${method}: ${what} must be a string (got ${typeName(value)})`);
  if (value.length > maxLength) throw new IpcInputError(`${method}: ${what} is too long (${value.length} characters, at most ${maxLength})`);
  return value;
}

// Characters no file name may hold on any of the three desktop platforms.
// eslint-disable-next-line no-control-regex
const BAD_NAME_CHARS = /[\u0000-\u001f\u007f/\\:*?"<>|]/;

function expectFileName(method: string, what: string, value: unknown): string {
  const name = expectString(method, what, value, LIMITS.nameLength);
  if (name.trim() === '') throw new IpcInputError(`${method}: ${what} is empty`);
  if (name === '.' || name === '..' || BAD_NAME_CHARS.test(name)) {
    throw new IpcInputError(`${method}: ${what} "${name}" is not a plain file name (no path separators or control characters)`);
  }
  return name;
}

/** Lower-case extension without the dot: "Leads.CSV" -> "csv". */
export function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

function expectExtension(method: string, path: string, allowed: readonly string[]): void {
  const ext = extensionOf(path);
  if (!allowed.includes(ext)) {
    throw new IpcInputError(`${method}: ${basename(path)} has ${ext ? `extension .${ext}` : 'no extension'}; expected one of ${allowed.map((e) => `.${e}`).join(', ')}`);
  }
}

async function expectSize(method: string, host: HostServices, path: string, limit: number): Promise<void> {
  let size: number;
  try {
    size = await host.fileSize(path);
  } catch (error) {
    throw new IpcInputError(`${method}: cannot read ${path}: ${(error as Error).message}`);
  }
  if (size > limit) throw new IpcInputError(`${method}: ${basename(path)} is too large (${formatBytes(size)}, at most ${formatBytes(limit)})`);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const utf8 = new TextEncoder();

/**
 * Checks a bundle's file list: relative forward-slash paths without "." or ".." segments, no
 * duplicates (ignoring case, for case-insensitive file systems), bounded count and total size.
 */
export function validateBundleFiles(method: string, value: unknown): BundleFile[] {
  if (!Array.isArray(value)) throw new IpcInputError(`${method}: files must be an array (got ${typeName(value)})`);
  if (value.length === 0) throw new IpcInputError(`${method}: files is empty`);
  if (value.length > LIMITS.bundleFiles) throw new IpcInputError(`${method}: too many files (${value.length}, at most ${LIMITS.bundleFiles})`);
  const seen = new Set<string>();
  let total = 0;
  return value.map((entry: unknown, i) => {
    const what = `files[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new IpcInputError(`${method}: ${what} must be an object {path, data} (got ${typeName(entry)})`);
    }
    const { path, data } = entry as Record<string, unknown>;
    const relative = expectString(method, `${what}.path`, path, 1024);
    const segments = relative.split('/');
    if (relative === '' || segments.some((s) => s === '' || s === '.' || s === '..' || BAD_NAME_CHARS.test(s))) {
      throw new IpcInputError(`${method}: ${what}.path "${relative}" must be a relative path like "model/model.onnx" (no "..", no leading "/", no backslashes)`);
    }
    const key = relative.toLowerCase();
    if (seen.has(key)) throw new IpcInputError(`${method}: ${what}.path "${relative}" appears twice`);
    seen.add(key);
    if (typeof data === 'string') total += utf8.encode(data).length;
    else if (data instanceof Uint8Array) total += data.byteLength;
    else throw new IpcInputError(`${method}: ${what}.data must be a string or Uint8Array (got ${typeName(data)})`);
    if (total > LIMITS.bundleBytes) throw new IpcInputError(`${method}: the bundle is too large (more than ${formatBytes(LIMITS.bundleBytes)})`);
    return { path: relative, data };
  });
}

// ---- handlers -------------------------------------------------------------------------------------

const DATA_FILTERS: DialogFilter[] = [{ name: 'Data files', extensions: [...DATA_EXTENSIONS] }];
const NOTEBOOK_FILTERS: DialogFilter[] = [{ name: 'Notebooks', extensions: [...NOTEBOOK_EXTENSIONS] }];

export type IpcHandler = (sender: IpcSender, ...args: unknown[]) => Promise<unknown>;

export interface TourneyIpcHandlers {
  openDataFile(sender: IpcSender, ...args: unknown[]): Promise<OpenedDataFile | null>;
  openNotebook(sender: IpcSender, ...args: unknown[]): Promise<OpenedNotebook | null>;
  saveNotebook(sender: IpcSender, ...args: unknown[]): Promise<SavedLocation | null>;
  readFile(sender: IpcSender, ...args: unknown[]): Promise<Uint8Array>;
  saveBundle(sender: IpcSender, ...args: unknown[]): Promise<SavedLocation | null>;
}

function expectTrustedSender(method: string, sender: IpcSender): void {
  if (!isAppUrl(sender?.url)) throw new IpcInputError(`${method}: refused a call from ${JSON.stringify(sender?.url ?? null)}, which is not the app`);
}

function decodeNotebook(method: string, path: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new IpcInputError(`${method}: ${basename(path)} is not UTF-8 text`);
  }
}

export function createIpcHandlers(host: HostServices, granted: GrantedPaths): TourneyIpcHandlers {
  return {
    async openDataFile(sender, ...args) {
      const method = 'openDataFile';
      expectTrustedSender(method, sender);
      expectArgCount(method, args, 0);
      const path = await host.showOpenDialog({ title: 'Open Data', filters: DATA_FILTERS });
      if (path === null) return null;
      expectExtension(method, path, DATA_EXTENSIONS);
      await expectSize(method, host, path, LIMITS.dataFileBytes);
      const bytes = await host.readFile(path);
      granted.add(path);
      return { name: basename(path), path, bytes };
    },

    async openNotebook(sender, ...args) {
      const method = 'openNotebook';
      expectTrustedSender(method, sender);
      expectArgCount(method, args, 0);
      const path = await host.showOpenDialog({ title: 'Open Notebook', filters: NOTEBOOK_FILTERS });
      if (path === null) return null;
      expectExtension(method, path, NOTEBOOK_EXTENSIONS);
      await expectSize(method, host, path, LIMITS.notebookBytes);
      const text = decodeNotebook(method, path, await host.readFile(path));
      granted.add(path);
      return { name: basename(path), path, text };
    },

    async saveNotebook(sender, ...args) {
      const method = 'saveNotebook';
      expectTrustedSender(method, sender);
      expectArgCount(method, args, 2);
      const name = expectFileName(method, 'name', args[0]);
      const text = expectString(method, 'text', args[1], LIMITS.notebookBytes);
      if (utf8.encode(text).length > LIMITS.notebookBytes) throw new IpcInputError(`${method}: text is too large (at most ${formatBytes(LIMITS.notebookBytes)})`);
      const defaultName = extensionOf(name) === 'ipynb' ? name : `${name}.ipynb`;
      const chosen = await host.showSaveDialog({ title: 'Save Notebook As', defaultName, filters: NOTEBOOK_FILTERS });
      if (chosen === null) return null;
      // The user may type any name in the dialog; a notebook is always saved as .ipynb.
      const path = extensionOf(chosen) === 'ipynb' ? chosen : `${chosen}.ipynb`;
      await host.writeFile(path, text);
      granted.add(path);
      return { name: basename(path), path };
    },

    async readFile(sender, ...args) {
      const method = 'readFile';
      expectTrustedSender(method, sender);
      expectArgCount(method, args, 1);
      const path = expectString(method, 'path', args[0], LIMITS.pathLength);
      if (!isAbsolute(path) || resolve(path) !== path || !granted.has(path)) {
        throw new IpcInputError(`${method}: ${path} was not opened through a dialog; open it with File > Open Data… first`);
      }
      expectExtension(method, path, [...DATA_EXTENSIONS, ...NOTEBOOK_EXTENSIONS]);
      await expectSize(method, host, path, LIMITS.dataFileBytes);
      return host.readFile(path);
    },

    async saveBundle(sender, ...args) {
      const method = 'saveBundle';
      expectTrustedSender(method, sender);
      expectArgCount(method, args, 2);
      const name = expectFileName(method, 'name', args[0]);
      const files = validateBundleFiles(method, args[1]);
      const parent = await host.showFolderDialog({ title: `Choose where to create the folder "${name}"` });
      if (parent === null) return null;
      const target = join(parent, name);
      const existing = await host.listDirectory(target);
      if (existing !== null && existing.length > 0) throw new IpcInputError(`${method}: the folder ${target} already exists and is not empty`);
      await host.makeDirectory(target);
      for (const file of files) {
        const path = join(target, ...file.path.split('/'));
        // validateBundleFiles already forbids "..": this re-check guards against surprises in join.
        if (!path.startsWith(target + sep)) throw new IpcInputError(`${method}: ${file.path} would be written outside ${target}`);
        await host.makeDirectory(dirname(path));
        await host.writeFile(path, file.data);
      }
      return { name, path: target };
    },
  };
}

/** Channel → handler, for binding with ipcMain.handle. */
export function handlersByChannel(handlers: TourneyIpcHandlers): Record<InvokeChannel, IpcHandler> {
  return {
    [IPC.openDataFile]: handlers.openDataFile,
    [IPC.openNotebook]: handlers.openNotebook,
    [IPC.saveNotebook]: handlers.saveNotebook,
    [IPC.readFile]: handlers.readFile,
    [IPC.saveBundle]: handlers.saveBundle,
  };
}
