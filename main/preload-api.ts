// The API the Electron preload exposes to the renderer as `window.tourney`. Types only, so the
// renderer can import them without pulling in Electron:
//
//   import type { TourneyApi } from '../main/preload-api';
//   const tourney = (globalThis as { tourney?: TourneyApi }).tourney; // undefined in the web app
//
// Every file the renderer gets went through a native dialog the user answered; the renderer
// cannot name an arbitrary path. `readFile` only re-reads files opened or saved that way before
// (the recent-files list), and main keeps that list itself. Data files: csv, tsv, txt, json,
// ndjson, jsonl, parquet; notebooks: ipynb. Rejections carry a message that names the problem.

/** A data file the user picked in the native Open dialog. */
export interface OpenedDataFile {
  /** File name with extension, e.g. "leads.csv". */
  name: string;
  /** Absolute path; pass it back to `readFile` to reopen the file later. */
  path: string;
  bytes: Uint8Array;
}

/** A notebook the user picked in the native Open dialog, as UTF-8 text (nbformat 4 JSON). */
export interface OpenedNotebook {
  name: string;
  path: string;
  text: string;
}

/** Where a file or bundle was written. */
export interface SavedLocation {
  name: string;
  path: string;
}

/** One file of a bundle (e.g. an exported scoring service), relative to the bundle folder. */
export interface BundleFile {
  /** Forward-slash relative path such as "model/model.onnx" or "Dockerfile". */
  path: string;
  data: string | Uint8Array;
}

/** Commands the native menu sends to the renderer. */
export type MenuCommand = 'open-data' | 'open-notebook' | 'save-notebook-as' | 'open-demo';

export interface TourneyApi {
  /** `process.platform` of the desktop app: 'darwin' | 'win32' | 'linux' | … */
  readonly platform: string;
  /** Native Open dialog for a data file; null when the user cancels. */
  openDataFile(): Promise<OpenedDataFile | null>;
  /** Native Open dialog for an .ipynb notebook; null when the user cancels. */
  openNotebook(): Promise<OpenedNotebook | null>;
  /**
   * Native Save dialog, proposing `name` (".ipynb" is added when missing), then writes `text`.
   * Null when the user cancels.
   */
  saveNotebook(name: string, text: string): Promise<SavedLocation | null>;
  /**
   * Re-reads a file the user opened or saved through a dialog before (recent files). Rejects for
   * any other path.
   */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Native folder picker, then writes `files` into a new folder `name` inside the chosen one
   * (used to export a scoring-service bundle). Null when the user cancels; rejects if the
   * folder already exists and is not empty.
   */
  saveBundle(name: string, files: BundleFile[]): Promise<SavedLocation | null>;
  /** Runs `callback` whenever the native menu sends `command`; returns the unsubscribe function. */
  onMenu(command: MenuCommand, callback: () => void): () => void;
}
