// The native menu as a plain template (Electron's MenuItemConstructorOptions), built from a
// `send` callback so tests can click items without Electron. File items only tell the renderer
// what the user asked for; the renderer then calls window.tourney, which shows the dialog — one
// path for dialogs whether they start from the menu or from a button.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './preload-api';

export interface MenuOptions {
  platform: string;
  appName: string;
  /** Sends a command to the focused window's renderer. */
  send: (command: MenuCommand) => void;
  /** Adds Reload and Toggle Developer Tools. */
  developer: boolean;
}

export function buildMenuTemplate({ platform, appName, send, developer }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('Open Data…', 'open-data', 'CmdOrCtrl+O'),
      item('Open Notebook…', 'open-notebook', 'CmdOrCtrl+Shift+O'),
      item('Save Notebook As…', 'save-notebook-as', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' }, { role: 'redo' }, { type: 'separator' },
      { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(developer ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[] : []),
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [item('Open the Demo Notebook', 'open-demo'), ...(mac ? [] : [{ role: 'about' } as MenuItemConstructorOptions])],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' },
      { type: 'separator' }, { role: 'quit' },
    ],
  };
  return mac ? [appMenu, file, edit, view, help] : [file, edit, view, help];
}
