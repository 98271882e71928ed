// Opening and saving notebook files. In Electron the preload's `window.tourney` shows native
// dialogs; in the web app (and the tests) a file input and a download link do the same job.
import { tourneyBridge, type MenuCommand } from './tourney-bridge';
import { downloadFile } from './download';

export interface PickedNotebook {
  name: string;
  text: string;
}

/**
 * Opens a notebook through the native dialog when there is one; returns undefined when the web
 * fallback (the caller's file input) should be used instead, null when the user cancelled.
 */
export async function openNotebookNatively(): Promise<PickedNotebook | null | undefined> {
  const api = tourneyBridge();
  if (!api) return undefined;
  const file = await api.openNotebook();
  return file ? { name: file.name, text: file.text } : null;
}

export async function readPickedFile(file: File): Promise<PickedNotebook> {
  return { name: file.name, text: await file.text() };
}

/** Saves through the native dialog (returning the saved name), or downloads it in the web app. */
export async function saveNotebookFile(fileName: string, text: string): Promise<{ outcome: 'saved' | 'downloaded' | 'cancelled'; name: string }> {
  const api = tourneyBridge();
  if (api) {
    const saved = await api.saveNotebook(fileName, text);
    return saved ? { outcome: 'saved', name: saved.name } : { outcome: 'cancelled', name: fileName };
  }
  downloadTextFile(fileName, text, 'application/x-ipynb+json');
  return { outcome: 'downloaded', name: fileName };
}

/** Hands `text` to the browser as a download named `fileName` (the web app's "save"). */
export function downloadTextFile(fileName: string, text: string, type: string): void {
  downloadFile(fileName, text, type);
}

/** Runs `callback` when the native menu sends `command`; a no-op outside Electron. */
export function onMenuCommand(command: MenuCommand, callback: () => void): () => void {
  return tourneyBridge()?.onMenu(command, callback) ?? (() => {});
}
