import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC } from './ipc-contract';
import type { TourneyApi } from './preload-api';

// The preload runs in Electron's sandbox; here a stand-in for the two Electron objects it uses.
const electron = vi.hoisted(() => {
  type Listener = (event: unknown, ...args: unknown[]) => void;
  const state = {
    exposed: {} as Record<string, unknown>,
    invoked: [] as unknown[][],
    listeners: new Map<string, Listener[]>(),
  };
  return {
    state,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => { state.exposed[key] = value; } },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => { state.invoked.push(args); return null; },
      on: (channel: string, fn: Listener) => { state.listeners.set(channel, [...(state.listeners.get(channel) ?? []), fn]); },
      removeListener: (channel: string, fn: Listener) => {
        state.listeners.set(channel, (state.listeners.get(channel) ?? []).filter((f) => f !== fn));
      },
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let api: TourneyApi;
beforeAll(async () => {
  await import('./preload');
  api = electron.state.exposed.tourney as TourneyApi;
});

function sendMenu(command: string): void {
  for (const listener of electron.state.listeners.get(IPC.menu) ?? []) listener({ sender: 'secret' }, command);
}

describe('preload', () => {
  it('exposes window.tourney with the platform and one IPC call per method', async () => {
    expect(api.platform).toBe(process.platform);
    await api.openDataFile();
    await api.openNotebook();
    await api.saveNotebook('demo', '{}');
    await api.readFile('/x.csv');
    await api.saveBundle('b', [{ path: 'a', data: 'x' }]);
    expect(electron.state.invoked).toEqual([
      [IPC.openDataFile],
      [IPC.openNotebook],
      [IPC.saveNotebook, 'demo', '{}'],
      [IPC.readFile, '/x.csv'],
      [IPC.saveBundle, 'b', [{ path: 'a', data: 'x' }]],
    ]);
  });

  it('routes menu commands to their callbacks, without the IPC event, until unsubscribed', () => {
    const calls: unknown[][] = [];
    const off = api.onMenu('open-data', (...args: unknown[]) => calls.push(args));
    sendMenu('open-data');
    sendMenu('save-notebook-as');
    expect(calls).toEqual([[]]);
    off();
    sendMenu('open-data');
    expect(calls).toHaveLength(1);
  });

  it('rejects unknown commands and non-function callbacks', () => {
    expect(() => api.onMenu('format-disk' as never, () => {})).toThrow('unknown command format-disk');
    expect(() => api.onMenu('open-data', 'x' as never)).toThrow('callback must be a function');
  });
});
