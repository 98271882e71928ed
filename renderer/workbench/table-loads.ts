// The tables a notebook asked for when it opened (metadata.tourney.tables) that are still loading.
// Running a cell waits for them: the demo notebook's first code cell reads `leads`, and Run all
// clicked while leads.csv is still loading must not fail with "unknown table".

export class PendingTableLoads {
  private readonly loads = new Map<string, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly string[] = [];

  /** Records a load in progress; it stops counting once it settles, loaded or not. */
  track(name: string, load: Promise<unknown>): void {
    const settled: Promise<void> = load.then(
      () => undefined,
      () => undefined,
    );
    this.loads.set(name, settled);
    this.changed();
    void settled.then(() => {
      if (this.loads.get(name) !== settled) return; // a newer load of the same name took over
      this.loads.delete(name);
      this.changed();
    });
  }

  /** Names of the tables still loading, in the order their loads started. */
  pending(): readonly string[] {
    return this.snapshot;
  }

  /** Resolves when every load in progress now has settled (never rejects: a failed load has its own notice). */
  async settled(): Promise<void> {
    while (this.loads.size > 0) await Promise.all(this.loads.values());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly string[] => this.snapshot;

  private changed(): void {
    this.snapshot = [...this.loads.keys()];
    for (const listener of this.listeners) listener();
  }
}

/** "Waiting for table leads to load…", what a waiting run shows. */
export function waitingText(tables: readonly string[]): string {
  return `Waiting for table${tables.length > 1 ? 's' : ''} ${tables.join(', ')} to load…`;
}

/** The app's notebook table loads. */
export const notebookTableLoads = new PendingTableLoads();
