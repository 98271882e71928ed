// The one origin the app's pages come from. Electron serves dist/renderer on this privileged
// custom scheme (see app-protocol.ts), so the app can send real response headers — CSP and the
// cross-origin-isolation pair — which file:// cannot.

export const APP_SCHEME = 'app';
export const APP_HOST = 'tourney';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of the app itself (app://tourney/...), false for anything else or garbage. */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
