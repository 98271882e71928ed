// The one way the renderer reaches the Electron preload API, `window.tourney` (its contract is
// main/preload-api.ts, types only, so no Electron code comes along). Absent in the web app and
// in tests: every caller falls back to a browser way (file input, download) when this returns
// undefined. The bridge is all or nothing: a `window.tourney` lacking any method of the contract
// (a stale preload, something else under that name) counts as absent rather than half there.
import type { TourneyApi } from '../../main/preload-api';

export type { BundleFile, MenuCommand, OpenedDataFile, OpenedNotebook, SavedLocation, TourneyApi } from '../../main/preload-api';

type MethodName = { [K in keyof TourneyApi]: TourneyApi[K] extends (...args: never[]) => unknown ? K : never }[keyof TourneyApi];

/** Every method of the contract; the Record type makes the compiler flag one missing or extra. */
const METHODS: Record<MethodName, true> = {
  openDataFile: true,
  openNotebook: true,
  saveNotebook: true,
  readFile: true,
  saveBundle: true,
  onMenu: true,
};

/** Whether `value` offers the whole preload API. */
export function isTourneyApi(value: unknown): value is TourneyApi {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.platform === 'string' && Object.keys(METHODS).every((name) => typeof candidate[name] === 'function');
}

/** The preload API in the desktop app; undefined in the web app. */
export function tourneyBridge(scope: object = globalThis): TourneyApi | undefined {
  const bridge = (scope as { tourney?: unknown }).tourney;
  return isTourneyApi(bridge) ? bridge : undefined;
}
