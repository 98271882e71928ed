// After a reload the data worker is empty: the tables the notebook's cells use come back from the
// recent files (their bytes are kept in IndexedDB, or their path in Electron), so a data cell on a
// user's loans.csv shows the table again instead of "not loaded yet".
import { tableName } from '../../kernels/io/table-names';
import { variableName } from '../../shared/runner/variable-name';
import { dataClient } from '../data';
import { listRecentFiles, reopenRecentFile, type RecentFile } from '../data/recent-files';
import type { NotebookDoc } from '../notebook/model';
import { tourneyBridge } from '../platform/tourney-bridge';
import { notebookTableLoads } from './table-loads';

/**
 * Which of `tables` the notebook uses: a data or chart cell shows it, or a code cell names its
 * variable (`loans`) or reads `tables['loans']`.
 */
export function tablesUsedBy(doc: NotebookDoc, tables: readonly string[]): string[] {
  return tables.filter((name) => {
    const variable = new RegExp(`(^|[^\\w$.])${escapeRegExp(variableName(name))}($|[^\\w$])`);
    const quoted = [`'${name}'`, `"${name}"`, `\`${name}\``];
    return doc.cells.some((cell) => {
      if (cell.kind === 'data' || cell.kind === 'chart') return cell.tourney?.table === name;
      if (cell.kind !== 'code') return false;
      return variable.test(cell.source) || quoted.some((q) => cell.source.includes(q));
    });
  });
}

/** The newest recent file for each table name that can be reopened here. */
function reopenableByTable(files: RecentFile[], canReadPaths: boolean): Map<string, RecentFile> {
  const byTable = new Map<string, RecentFile>();
  for (const file of files) {
    if (!file.blob && !(file.path && canReadPaths)) continue;
    const name = tableName(file.name);
    if (!byTable.has(name)) byTable.set(name, file);
  }
  return byTable;
}

/** Loads the recent files whose tables the notebook uses and that are not loaded or loading. */
export async function reloadUsedTables(doc: NotebookDoc): Promise<string[]> {
  const byTable = reopenableByTable(await listRecentFiles(), !!tourneyBridge());
  const loaded = new Set(dataClient.listTables().map((t) => t.name));
  const wanted = tablesUsedBy(doc, [...byTable.keys()]).filter((name) => !loaded.has(name) && !notebookTableLoads.pending().includes(name));
  for (const name of wanted) {
    const file = byTable.get(name)!;
    const load = reopenRecentFile(file);
    notebookTableLoads.track(name, load);
    load.catch((error: unknown) => console.warn(`could not reopen ${file.name}`, error));
  }
  return wanted;
}

/** The recent file that would bring `table` back, if any (for a data cell's one-click reload). */
export async function recentFileFor(table: string): Promise<RecentFile | undefined> {
  return reopenableByTable(await listRecentFiles(), !!tourneyBridge()).get(table);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
