// Column profiles for the viewer, computed next to the data one column per task (see TaskQueue)
// and kept until the table changes version.
import { profileColumn, type ColumnProfile } from '../../kernels/profile';
import { columnNamed } from './filter-rows';
import type { TableStore } from './table-store';
import { TaskQueue } from './task-queue';

export class ColumnProfiles {
  private readonly cache = new Map<string, Promise<ColumnProfile>>();
  private readonly queue = new TaskQueue();

  constructor(private readonly store: TableStore) {}

  get(tableName: string, columnName: string): Promise<ColumnProfile> {
    const { version } = this.store.summary(tableName);
    const key = `${tableName}\u0000${version}\u0000${columnName}`;
    let profile = this.cache.get(key);
    if (!profile) {
      profile = this.queue.run(() => {
        // The table may have changed while this job waited: profile what is there now.
        const column = columnNamed(this.store.table(tableName), columnName);
        return profileColumn(column);
      });
      profile.catch(() => this.cache.delete(key));
      this.cache.set(key, profile);
    }
    return profile;
  }

  /** Forgets profiles of a table (all versions), e.g. when it is removed or retyped. */
  forget(tableName: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${tableName}\u0000`)) this.cache.delete(key);
  }
}
