// Which recent files keep their bytes: the newest ones, each under a size cap, all together under
// a total cap. Entries beyond the count limit are dropped; an entry whose bytes are dropped stays
// only if it can be reopened another way (an Electron path).
export interface RecentCaps {
  maxEntries: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const RECENT_CAPS: RecentCaps = { maxEntries: 8, maxFileBytes: 25 * 1024 * 1024, maxTotalBytes: 80 * 1024 * 1024 };

export interface RetentionEntry {
  key: string;
  openedAt: number;
  size: number;
  hasBytes: boolean;
  hasPath: boolean;
}

export interface RetentionPlan {
  /** Entries to delete. */
  drop: string[];
  /** Entries to keep without their bytes. */
  stripBytes: string[];
}

export function planRetention(entries: readonly RetentionEntry[], caps: RecentCaps = RECENT_CAPS): RetentionPlan {
  const newestFirst = [...entries].sort((a, b) => b.openedAt - a.openedAt);
  const drop: string[] = [];
  const stripBytes: string[] = [];
  let total = 0;
  newestFirst.forEach((entry, index) => {
    if (index >= caps.maxEntries) {
      drop.push(entry.key);
      return;
    }
    if (!entry.hasBytes) return;
    if (entry.size <= caps.maxFileBytes && total + entry.size <= caps.maxTotalBytes) {
      total += entry.size;
      return;
    }
    if (entry.hasPath) stripBytes.push(entry.key);
    else drop.push(entry.key);
  });
  return { drop, stripBytes };
}

/** Whether a file is small enough to keep its bytes at all. */
export function keepsBytes(size: number, caps: RecentCaps = RECENT_CAPS): boolean {
  return size <= caps.maxFileBytes;
}
