// The Electron preload API (main/preload-api.ts). Absent in the web app and in tests, so every
// use goes through this guard.
import type { TourneyApi } from '../../main/preload-api';

export type { OpenedDataFile, TourneyApi } from '../../main/preload-api';

export function tourneyBridge(): Partial<TourneyApi> | undefined {
  return (globalThis as { tourney?: Partial<TourneyApi> }).tourney;
}

export const DATA_FILE_EXTENSIONS = ['csv', 'tsv', 'txt', 'json', 'ndjson', 'jsonl', 'parquet'];
