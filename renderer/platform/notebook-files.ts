// Opening and saving notebook files. In Electron the preload's `window.tourney` shows native
// dialogs; in the web app (and the tests) a file input and a download link do the same job.

export interface NotebookFileBridge {
  openFile?: (options?: { filters?: { name: string; extensions: string[] }[] }) => Promise<{ bytes: Uint8Array; name: string; path: string } | null>;
  /** Shows the native save dialog and writes `data`; resolves to the path, or null if cancelled. */
  saveFile?: (options: { defaultName: string; data: string | Uint8Array; filters?: { name: string; extensions: string[] }[] }) => Promise<string | null>;
}

const NOTEBOOK_FILTERS = [{ name: 'Jupyter notebooks', extensions: ['ipynb'] }];

export function notebookBridge(): NotebookFileBridge | undefined {
  return (globalThis as { tourney?: NotebookFileBridge }).tourney;
}

export interface PickedNotebook {
  name: string;
  text: string;
}

/**
 * Opens a notebook through the native dialog when there is one; returns undefined when the web
 * fallback (the caller's file input) should be used instead, null when the user cancelled.
 */
export async function openNotebookNatively(): Promise<PickedNotebook | null | undefined> {
  const bridge = notebookBridge();
  if (!bridge?.openFile) return undefined;
  const file = await bridge.openFile({ filters: NOTEBOOK_FILTERS });
  if (!file) return null;
  return { name: file.name, text: new TextDecoder().decode(file.bytes) };
}

export async function readPickedFile(file: File): Promise<PickedNotebook> {
  return { name: file.name, text: await file.text() };
}

/** Saves through the native dialog, or downloads the file in the web app. */
export async function saveNotebookFile(fileName: string, text: string): Promise<'saved' | 'downloaded' | 'cancelled'> {
  const bridge = notebookBridge();
  if (bridge?.saveFile) {
    const path = await bridge.saveFile({ defaultName: fileName, data: text, filters: NOTEBOOK_FILTERS });
    return path ? 'saved' : 'cancelled';
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ipynb+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'downloaded';
}
