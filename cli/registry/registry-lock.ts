// One writer at a time in a registry folder: `registry.lock` is created with O_CREAT|O_EXCL
// ('wx'), which exactly one process can win; the others wait and retry. A lock left by a process
// that no longer runs (same host) is taken over, so a killed `tourney` never blocks the registry.
// Breaking a stale lock takes a second lock (`registry.lock.breaking`) and re-reads the holder
// under it, so two waiters that found the same dead holder cannot remove a lock a live process
// has taken since. Locks held by another host are never broken (shared folders): they time out
// with a message.
import { hostname } from 'node:os';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCK_FILE = 'registry.lock';

export interface LockOptions {
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryAcquire(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(`${process.pid} ${hostname()} ${new Date().toISOString()}\n`);
    await handle.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** The holder's "pid host time" line, or null once the lock is gone. */
async function holder(path: string): Promise<{ pid: number; host: string; since: string } | null> {
  try {
    const [pid, host, since] = (await readFile(path, 'utf8')).trim().split(' ');
    return { pid: Number(pid), host, since };
  } catch {
    return null;
  }
}

/** A lock written by a dead process on this host (an empty file is one being written: not stale). */
function isStale(h: { pid: number; host: string } | null): boolean {
  return !!h && h.host === hostname() && Number.isInteger(h.pid) && h.pid > 0 && !processRuns(h.pid);
}

/** Removes the lock if, under the breaking lock, its holder is still a dead process. */
async function breakStaleLock(path: string): Promise<boolean> {
  const breaking = `${path}.breaking`;
  if (!(await tryAcquire(breaking))) {
    if (isStale(await holder(breaking))) await rm(breaking, { force: true });
    return false;
  }
  try {
    if (!isStale(await holder(path))) return false;
    await rm(path, { force: true });
    return true;
  } finally {
    await rm(breaking, { force: true });
  }
}

export async function withRegistryLock<T>(root: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const path = join(root, LOCK_FILE);
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let wait = 5;
  while (!(await tryAcquire(path))) {
    const h = await holder(path);
    if (isStale(h) && (await breakStaleLock(path))) continue;
    if (Date.now() > deadline) {
      throw new Error(`registry ${root} is locked${h ? ` by process ${h.pid} on ${h.host} since ${h.since}` : ''}: wait for it to finish, or remove ${path} if no Tourney is running`);
    }
    await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
    wait = Math.min(wait * 2, 100);
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}
