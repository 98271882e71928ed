// The sandboxed preload: exposes `window.tourney` (see preload-api.ts) through contextBridge.
// Bundled to dist/main/preload.cjs by scripts/build-main.js; a sandboxed preload may only
// require 'electron', so it imports nothing else at run time.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, MENU_COMMANDS } from './ipc-contract';
import type { MenuCommand, TourneyApi } from './preload-api';

const api: TourneyApi = {
  platform: process.platform,
  openDataFile: () => ipcRenderer.invoke(IPC.openDataFile),
  openNotebook: () => ipcRenderer.invoke(IPC.openNotebook),
  saveNotebook: (name, text) => ipcRenderer.invoke(IPC.saveNotebook, name, text),
  readFile: (path) => ipcRenderer.invoke(IPC.readFile, path),
  saveBundle: (name, files) => ipcRenderer.invoke(IPC.saveBundle, name, files),
  onMenu(command: MenuCommand, callback: () => void) {
    if (!MENU_COMMANDS.includes(command)) throw new TypeError(`onMenu: unknown command ${String(command)}`);
    if (typeof callback !== 'function') throw new TypeError('onMenu: callback must be a function');
    // The renderer never sees the IPC event (it would expose ipcRenderer through event.sender).
    const listener = (_event: IpcRendererEvent, sent: unknown) => {
      if (sent === command) callback();
    };
    ipcRenderer.on(IPC.menu, listener);
    return () => {
      ipcRenderer.removeListener(IPC.menu, listener);
    };
  },
};

contextBridge.exposeInMainWorld('tourney', api);
