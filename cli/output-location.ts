// Where the CLI writes: checked before any work, written whole or not at all. A model directory is
// written into a temporary sibling folder (files fsynced), then renamed into place; an existing
// model directory is moved aside first and removed only once the new one is in place, so a failure
// leaves it as it was. A predictions file is written to a temporary file beside it and renamed.
// The temporary sibling is also the probe: creating it is what tells us, in milliseconds, that the
// location cannot be written (/proc, /sys, a read-only or missing parent) — never a recursive
// mkdir, which spins forever on /proc in Node 20.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, open, readdir, realpath, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MANIFEST, MODEL_DOCUMENTS } from '../kernels/modeldir';

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'it already exists',
  EIO: 'input/output error',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'no such device or address',
};

/** "no space left on device (ENOSPC)": readable, with the code to search for. */
export function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return (err as Error)?.message?.split('\n')[0] ?? String(err);
}

const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];
const KNOWN_ENTRIES = new Set<string>([MANIFEST, ...MODEL_DOCUMENTS]);
const pending = new Set<string>();
// A temporary folder or file never outlives the process on a normal exit (error, Ctrl+C handled).
const removePending = () => { for (const p of pending) rmSync(p, { recursive: true, force: true }); };
process.on('exit', removePending);
// Nor does a signal's default exit leave one: when no other listener handles the signal, remove
// them and die of the same signal (a listener that cancels gracefully gets its finally blocks).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  const onSignal = () => {
    if (process.listenerCount(signal) > 1) return;
    removePending();
    process.off(signal, onSignal);
    process.kill(process.pid, signal);
  };
  process.on(signal, onSignal);
}

async function lstatOrNull(path: string) {
  try {
    return await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot use ${path}: ${reason(err)}`, { cause: err });
  }
}

function virtualRoot(path: string): string | undefined {
  return VIRTUAL_ROOTS.find((root) => path === root || path.startsWith(root + '/'));
}

/** Throws when `target` exists as something a model directory may not replace. */
async function checkModelDirTarget(target: string): Promise<boolean> {
  const s = await lstatOrNull(target);
  if (!s) return false;
  if (s.isSymbolicLink()) throw new Error(`${target} is a symbolic link; give --out a real folder path`);
  if (!s.isDirectory()) throw new Error(`${target} exists and is not a folder; --out needs a model directory path`);
  let entries: string[];
  try {
    entries = await readdir(target);
  } catch (err) {
    throw new Error(`cannot read ${target}: ${reason(err)}`, { cause: err });
  }
  const foreign = entries.filter((e) => !KNOWN_ENTRIES.has(e));
  if (foreign.length) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` +${foreign.length - 3} more` : '');
    throw new Error(`${target} is not a Tourney model directory (it holds ${shown}); it is left alone: choose another --out`);
  }
  return entries.length > 0;
}

/** The parent folder exists and is a folder (created, one level only, when `createParent`). */
async function checkParent(parent: string, what: string, createParent: boolean): Promise<void> {
  const root = virtualRoot(parent);
  if (root) throw new Error(`cannot write ${what} under ${root}: it is a virtual system folder, not storage`);
  if (createParent) {
    try {
      await mkdir(parent);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot create the folder ${parent} for ${what}: ${reason(err)}`, { cause: err });
    }
  }
  let s;
  try {
    s = await stat(parent);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `cannot write ${what}: the folder ${parent} does not exist` : `cannot write ${what}: ${parent}: ${reason(err)}`, { cause: err });
  }
  if (!s.isDirectory()) throw new Error(`cannot write ${what}: ${parent} is not a folder`);
}

/** Flushes a folder's entries; best effort (some file systems refuse fsync on a folder). */
async function fsyncFolder(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The files themselves were fsynced; the rename is as durable as this file system makes it.
  }
}

async function writeSynced(path: string, data: Uint8Array | string, flag = 'wx', sync = true): Promise<void> {
  const handle = await open(path, flag);
  try {
    await handle.writeFile(data);
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface ModelDirSlot {
  /** The absolute model directory path. */
  target: string;
  /** Writes the files into the temporary folder and renames it into place. */
  commit(files: ReadonlyMap<string, Uint8Array>): Promise<void>;
  /** Removes the temporary folder (after a failure before commit). */
  discard(): Promise<void>;
}

/**
 * Checks a model directory location and creates its temporary sibling, before any training. Refuses
 * /proc and /sys, an existing file, a folder that is not a Tourney model directory, and a parent
 * that is missing or cannot take new files — each with one line naming the path.
 */
export async function reserveModelDir(out: string, options: { createParent?: boolean } = {}): Promise<ModelDirSlot> {
  const target = resolve(out);
  const what = `the model directory ${target}`;
  const root = virtualRoot(target);
  if (root) throw new Error(`cannot write ${what}: ${root} is a virtual system folder, not storage`);
  const parent = dirname(target);
  await checkParent(parent, what, options.createParent ?? false);
  await checkModelDirTarget(target);
  let temp: string;
  try {
    temp = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  } catch (err) {
    throw new Error(`cannot write ${what}: cannot create files in ${parent}: ${reason(err)}`, { cause: err });
  }
  pending.add(temp);
  const discard = async () => {
    await rm(temp, { recursive: true, force: true });
    pending.delete(temp);
  };
  return {
    target,
    discard,
    async commit(files) {
      let writing = '';
      try {
        for (const [name, bytes] of files) {
          writing = name;
          await writeSynced(join(temp, name), bytes);
        }
        writing = '';
        // mkdtemp makes the folder private (0700); a model directory gets the usual mode.
        await chmod(temp, 0o777 & ~process.umask());
        await fsyncFolder(temp);
      } catch (err) {
        await discard();
        throw new Error(`cannot write ${what}${writing ? ` (${writing})` : ''}: ${reason(err)}; nothing was changed`, { cause: err });
      }
      try {
        // Checked again: something may have appeared at --out while training.
        const replaces = (await lstatOrNull(target)) !== null && (await checkModelDirTarget(target), true);
        if (replaces) {
          const aside = join(parent, `.${basename(target)}.old-${randomBytes(6).toString('hex')}`);
          // The old directory is never in `pending`: killed between these renames, it survives
          // as the hidden `aside` folder rather than being cleaned up.
          await rename(target, aside);
          try {
            await rename(temp, target);
          } catch (err) {
            await rename(aside, target);
            throw err;
          }
          pending.delete(temp);
          // The new directory is in place; failing to remove the old one must not undo that.
          await rm(aside, { recursive: true, force: true }).catch(() => {});
        } else {
          await rename(temp, target);
          pending.delete(temp);
        }
        await fsyncFolder(parent);
      } catch (err) {
        await discard();
        if (err instanceof Error && !('code' in err)) throw err;
        throw new Error(`cannot write ${what}: ${reason(err)}`, { cause: err });
      }
    },
  };
}

export interface FileSlot {
  target: string;
  /** Writes the whole text and puts it in place; on failure nothing at `target` changes. */
  commit(text: string): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Checks an output file location before any work. A regular file (or a new name) is written to a
 * temporary file beside it and renamed; a device or pipe (/dev/stdout) is written directly.
 */
export async function reserveOutputFile(out: string, what = 'the output'): Promise<FileSlot> {
  let target = resolve(out);
  const fail = (err: unknown): never => {
    throw new Error(`cannot write ${what} to ${target}: ${reason(err)}`, { cause: err });
  };
  let s;
  try {
    s = await stat(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') fail(err);
  }
  if (s?.isDirectory()) throw new Error(`cannot write ${what} to ${target}: it is a folder; give a file path`);
  if (s && !s.isFile()) {
    // A character device, pipe or socket (/dev/stdout, /dev/full): no rename over it.
    return { target, discard: async () => {}, commit: async (text) => writeSynced(target, text, 'w', false).catch(fail) };
  }
  // A link to a file: the file it points to is replaced, not the link.
  if (s) target = await realpath(target);
  const parent = dirname(target);
  await checkParent(parent, `${what} to ${target}`, false);
  const temp = join(parent, `.${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await (await open(temp, 'wx')).close();
  } catch (err) {
    fail(err);
  }
  pending.add(temp);
  const discard = async () => {
    await unlink(temp).catch(() => {});
    pending.delete(temp);
  };
  return {
    target,
    discard,
    async commit(text) {
      try {
        await writeSynced(temp, text, 'w');
        await rename(temp, target);
        pending.delete(temp);
      } catch (err) {
        await discard();
        fail(err);
      }
    },
  };
}
