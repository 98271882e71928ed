// The Electron main process: one window on app://tourney, native menus and dialogs, the IPC
// handlers behind window.tourney. Deliberately thin — every decision lives in a pure module
// with tests (window-options, app-protocol, navigation-policy, menu-template, ipc-handlers);
// this file only wires them to Electron. Bundled to dist/main/main.cjs by scripts/build-main.js.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { APP_SCHEME, APP_START_URL } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { createFileServices } from './file-services';
import { IPC } from './ipc-contract';
import { GrantedPaths, createIpcHandlers, handlersByChannel, type HostServices } from './ipc-handlers';
import { buildMenuTemplate } from './menu-template';
import { isNavigationAllowed, isPermissionAllowed, shouldOpenExternally, windowOpenDecision } from './navigation-policy';
import type { MenuCommand } from './preload-api';
import { browserWindowOptions } from './window-options';

// Must happen before 'ready': a standard, secure scheme gets a real origin (so CSP 'self',
// fetch and workers work) and counts as a secure context (so COOP/COEP can isolate it).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();

const rendererRoot = () => join(app.getAppPath(), 'dist', 'renderer');
const preloadPath = () => join(__dirname, 'preload.cjs');

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(browserWindowOptions(preloadPath()));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}

function currentWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
}

/** Recent files survive restarts: the granted list is kept in the user-data folder. */
function loadGrantedPaths(): GrantedPaths {
  const file = join(app.getPath('userData'), 'granted-files.json');
  let initial: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(parsed)) initial = parsed;
  } catch {
    // First start, or an unreadable file: start with no recent files.
  }
  return new GrantedPaths(initial, (paths) => {
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(paths));
    } catch (error) {
      console.error(`could not save the recent-files list to ${file}: ${(error as Error).message}`);
    }
  });
}

function dialogServices(): Pick<HostServices, 'showOpenDialog' | 'showSaveDialog' | 'showFolderDialog'> {
  const parent = () => currentWindow() ?? undefined;
  return {
    async showOpenDialog({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const] };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
    async showSaveDialog({ title, defaultName, filters }) {
      const options = { title, filters, defaultPath: join(app.getPath('documents'), defaultName) };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async showFolderDialog({ title }) {
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
  };
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (isNavigationAllowed(url)) return;
    event.preventDefault();
    if (shouldOpenExternally(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) void shell.openExternal(url);
    return { action: decision.action };
  });
});

void app.whenReady().then(() => {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));

  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot(), (path) => readFile(path)));

  const handlers = createIpcHandlers({ ...createFileServices(), ...dialogServices() }, loadGrantedPaths());
  for (const [channel, handler] of Object.entries(handlersByChannel(handlers))) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handler({ url: event.senderFrame?.url ?? '' }, ...args));
  }

  const send = (command: MenuCommand) => currentWindow()?.webContents.send(IPC.menu, command);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({
    platform: process.platform, appName: app.name, send, developer: !app.isPackaged,
  })));

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('second-instance', () => {
  const window = currentWindow();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
