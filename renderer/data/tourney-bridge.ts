// The optional Electron preload API. In the web app (and in tests) it is absent, so every use
// goes through these guards.
export interface OpenedFile {
  bytes: Uint8Array;
  name: string;
  path: string;
}

export interface TourneyBridge {
  /** Shows the native open dialog; null when the user cancels. */
  openFile?: (options?: { filters?: { name: string; extensions: string[] }[] }) => Promise<OpenedFile | null>;
  /** Reads a file the user opened before (recent files). */
  readFile?: (path: string) => Promise<Uint8Array>;
}

export function tourneyBridge(): TourneyBridge | undefined {
  return (globalThis as { tourney?: TourneyBridge }).tourney;
}

export const DATA_FILE_EXTENSIONS = ['csv', 'tsv', 'txt', 'json', 'ndjson', 'jsonl', 'parquet'];
