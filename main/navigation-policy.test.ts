import { describe, expect, it } from 'vitest';
import { isAppUrl } from './app-origin';
import { isNavigationAllowed, isPermissionAllowed, shouldOpenExternally, windowOpenDecision } from './navigation-policy';

describe('navigation policy', () => {
  it('recognises only the app origin', () => {
    expect(isAppUrl('app://tourney/index.html')).toBe(true);
    expect(isAppUrl('app://tourney/')).toBe(true);
    for (const url of ['app://tourney.evil/x', 'app://evil/x', 'app://user:pw@tourney/', 'file:///index.html', 'https://tourney/', 'javascript:alert(1)', '', 42, null]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('allows navigation inside the app only', () => {
    expect(isNavigationAllowed('app://tourney/index.html#notebook')).toBe(true);
    expect(isNavigationAllowed('https://example.com/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
  });

  it('denies every new window and hands only web links to the browser', () => {
    expect(windowOpenDecision('https://vega.github.io/vega-lite/')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('app://tourney/index.html')).toEqual({ action: 'deny', openExternally: false });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url']) {
      expect(shouldOpenExternally(url), url).toBe(false);
    }
  });

  it('grants no device permissions, even to the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://tourney/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial']) {
      expect(isPermissionAllowed(permission, 'app://tourney/index.html')).toBe(false);
    }
  });
});
