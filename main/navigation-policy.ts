// Where the app's web contents may go. The window only ever shows app://tourney; links to the web
// open in the user's browser instead of inside the app (where they would run next to the preload
// API); everything else — other schemes, new windows, webviews, permission prompts — is refused.
import { isAppUrl } from './app-origin';

/** Called from 'will-navigate' / 'will-redirect': true means let it happen. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** http(s) links open in the system browser; nothing else is handed to the OS. */
export function shouldOpenExternally(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * setWindowOpenHandler: the app never opens child windows (not even of itself; a second
 * window would be a second renderer with the preload API). Web links go to the browser.
 */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: shouldOpenExternally(url) };
}

/** Permissions the app's own pages may use; everything else (camera, geolocation, …) is denied. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
