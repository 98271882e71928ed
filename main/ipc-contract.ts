// What main and preload agree on: channel names, menu commands, accepted extensions and size
// limits. Plain values with no Electron import, so the sandboxed preload bundle stays tiny and
// the handlers stay testable.
import type { MenuCommand } from './preload-api';

export const IPC = {
  openDataFile: 'tourney:open-data-file',
  openNotebook: 'tourney:open-notebook',
  saveNotebook: 'tourney:save-notebook',
  readFile: 'tourney:read-file',
  saveBundle: 'tourney:save-bundle',
  /** main → renderer: a native menu item was chosen. */
  menu: 'tourney:menu',
} as const;

export type InvokeChannel = Exclude<(typeof IPC)[keyof typeof IPC], typeof IPC.menu>;

export const MENU_COMMANDS: readonly MenuCommand[] = ['open-data', 'open-notebook', 'save-notebook-as', 'open-demo'];

export const DATA_EXTENSIONS: readonly string[] = ['csv', 'tsv', 'txt', 'json', 'ndjson', 'jsonl', 'parquet'];
export const NOTEBOOK_EXTENSIONS: readonly string[] = ['ipynb'];

const MB = 1024 * 1024;

/** Limits that keep one bad call from exhausting memory or the disk. */
export const LIMITS = {
  /** A data file is read whole and copied to the renderer once. */
  dataFileBytes: 1024 * MB,
  notebookBytes: 64 * MB,
  bundleBytes: 512 * MB,
  bundleFiles: 2000,
  nameLength: 200,
  pathLength: 4096,
  /** Files remembered for `readFile` (recent files). */
  grantedPaths: 100,
} as const;
