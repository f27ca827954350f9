import { describe, expect, it } from 'vitest';
import { isExternalLink, windowOptions } from '../main/app/secureWindow';
import { isAppUrl } from '../main/ipc/registerIpc';
import { resolveStaticPath } from '../main/web/resolveStaticPath';

describe('Electron window security (checked without an Electron binary)', () => {
  it('isolates and sandboxes the page, with no Node integration', () => {
    const { webPreferences } = windowOptions('/app/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('recognises only app:// pages as the app, and only http(s) as external links', () => {
    expect(isAppUrl('app://workbench/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://workbench/')).toBe(false);
    expect(isExternalLink('https://example.org/a')).toBe(true);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
  });

  it('the app:// file resolver refuses path traversal', () => {
    expect(resolveStaticPath('/r', '/')).toBe('/r/index.html');
    expect(resolveStaticPath('/r', '/assets/a.js')).toBe('/r/assets/a.js');
    for (const bad of ['/../x', '/%2e%2e/x', '/a/..%2f..%2fx', '/%00', '/a%5c..%5c..%5cx', '/%E0%A4%A']) {
      expect(resolveStaticPath('/r', bad), bad).toBeNull();
    }
  });
});
