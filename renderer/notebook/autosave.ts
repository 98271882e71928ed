// The notebook is kept in IndexedDB (Dexie) as it changes and restored on reload. It is stored
// as the .ipynb text, so autosave and "Save" share one format and one reader.
import Dexie, { type Table } from 'dexie';

export interface AutosavedNotebook {
  key: string;
  fileName: string;
  text: string;
  savedAt: number;
}

class NotebookDatabase extends Dexie {
  notebooks!: Table<AutosavedNotebook, string>;

  constructor() {
    super('tourney-notebook');
    this.version(1).stores({ notebooks: 'key' });
  }
}

const CURRENT = 'current';
let database: NotebookDatabase | null = null;

function db(): NotebookDatabase {
  database ??= new NotebookDatabase();
  return database;
}

export async function saveAutosave(fileName: string, text: string): Promise<void> {
  await db().notebooks.put({ key: CURRENT, fileName, text, savedAt: Date.now() });
}

export async function loadAutosave(): Promise<AutosavedNotebook | undefined> {
  return db().notebooks.get(CURRENT);
}
