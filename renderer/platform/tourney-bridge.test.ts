import { describe, expect, it } from 'vitest';
import type { TourneyApi } from './tourney-bridge';
import { isTourneyApi, tourneyBridge } from './tourney-bridge';

function fakeApi(): TourneyApi {
  return {
    platform: 'linux',
    openDataFile: async () => null,
    openNotebook: async () => null,
    saveNotebook: async () => null,
    readFile: async () => new Uint8Array(),
    saveBundle: async () => null,
    onMenu: () => () => {},
  };
}

describe('tourneyBridge', () => {
  it('returns the preload API when the window has the whole of it', () => {
    const api = fakeApi();
    expect(tourneyBridge({ tourney: api })).toBe(api);
  });

  it('is undefined in the web app, where there is no window.tourney', () => {
    expect(tourneyBridge({})).toBeUndefined();
    expect(tourneyBridge()).toBeUndefined();
  });

  it('treats an object without every method of the contract as absent', () => {
    const { saveBundle: _saveBundle, ...withoutSaveBundle } = fakeApi();
    expect(tourneyBridge({ tourney: withoutSaveBundle })).toBeUndefined();
    // The names an older renderer used: not the contract.
    expect(isTourneyApi({ platform: 'linux', openFile: async () => null, saveFile: async () => null })).toBe(false);
    expect(isTourneyApi({ ...fakeApi(), platform: undefined })).toBe(false);
    expect(isTourneyApi(null)).toBe(false);
  });
});
