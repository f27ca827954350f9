// Electron's security checklist, checked without an Electron binary: the window options,
// handlers and session policy are plain functions, the preload runs against a stand-in
// `electron` module, and the packaging configuration is read as data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { hardenSession, hardenWebContents, isExternalLink, windowOptions } from '../main/app/secureWindow';
import { isAppUrl } from '../main/ipc/registerIpc';
import { CONTENT_SECURITY_POLICY } from '../main/web/contentSecurityPolicy';
import { resolveStaticPath } from '../main/web/resolveStaticPath';
import { apiChannels } from '../preload/api';
import { repoRoot } from './helpers';

const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: null }) },
}));

describe('the window', () => {
  it('is isolated and sandboxed, with no Node integration, web security on, no insecure content, no webviews', () => {
    const { webPreferences } = windowOptions('/app/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
    });
    expect(webPreferences).not.toHaveProperty('experimentalFeatures');
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('navigation, new windows, webviews and external links', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: (details: { url: string; disposition: string }) => { action: string } = () => ({ action: 'allow' });
    const contents = {
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
      on: (name: string, listener: (event: { preventDefault: () => void }, url?: string) => void) => listeners.set(name, listener),
    };
    const opened: string[] = [];
    hardenWebContents(contents as never, (url) => opened.push(url));
    const fire = (name: string, url?: string) => {
      let prevented = false;
      listeners.get(name)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { open: (url: string, disposition = 'foreground-tab') => openHandler({ url, disposition }), fire, opened };
  }

  it('denies every new window, and hands only clicked http(s) links to the system browser', () => {
    const c = fakeContents();
    for (const [url, disposition] of [['https://example.org/a', 'foreground-tab'], ['http://example.org/', 'background-tab'], ['javascript:alert(1)', 'foreground-tab'], ['file:///etc/passwd', 'foreground-tab'], ['https://popup.example/', 'new-window'], ['app://workbench/index.html', 'foreground-tab']]) {
      expect(c.open(url, disposition)).toEqual({ action: 'deny' });
    }
    expect(c.opened).toEqual(['https://example.org/a', 'http://example.org/']);
  });

  it('prevents navigation and redirects away from the app, and every webview', () => {
    const c = fakeContents();
    expect(c.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(c.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.fire('will-navigate', 'app://workbench/index.html')).toBe(false);
    expect(c.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(c.fire('will-attach-webview')).toBe(true);
  });

  it('recognises only app:// pages as the app, and only http(s) as external links', () => {
    expect(isAppUrl('app://workbench/index.html')).toBe(true);
    for (const url of ['app://other/index.html', 'file:///etc/passwd', 'https://workbench/', 'not a url']) expect(isAppUrl(url)).toBe(false);
    expect(isExternalLink('https://example.org/a')).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'smb://host/share']) expect(isExternalLink(url)).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    let check: () => boolean = () => true;
    hardenSession({
      setPermissionRequestHandler: (handler: (c: unknown, p: string, cb: (granted: boolean) => void) => void) =>
        ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal'].forEach((p) => handler(null, p, (g) => answers.push(g))),
      setPermissionCheckHandler: (handler: () => boolean) => (check = handler),
    } as never);
    expect(answers).toEqual([false, false, false, false, false]);
    expect(check()).toBe(false);
  });
});

describe('the app:// protocol', () => {
  it('serves files of the renderer build only, refusing path traversal', () => {
    expect(resolveStaticPath('/r', '/')).toBe('/r/index.html');
    expect(resolveStaticPath('/r', '/assets/a.js')).toBe('/r/assets/a.js');
    for (const bad of ['/../x', '/%2e%2e/x', '/a/..%2f..%2fx', '/%00', '/a%5c..%5c..%5cx', '/%E0%A4%A', '/..']) {
      expect(resolveStaticPath('/r', bad), bad).toBeNull();
    }
  });
});

describe('the preload', () => {
  it('exposes exactly the contract: one function per method, no ipcRenderer', async () => {
    await import('../preload/index');
    const api = exposed.workbench as Record<string, Record<string, unknown>>;
    expect(Object.keys(exposed)).toEqual(['workbench']);
    const methods = Object.entries(api).flatMap(([area, functions]) => Object.keys(functions).map((m) => `${area}.${m}`));
    expect(methods.sort()).toEqual([...apiChannels].sort());
    for (const functions of Object.values(api)) for (const f of Object.values(functions)) expect(typeof f).toBe('function');
    expect(JSON.stringify(api)).not.toMatch(/ipcRenderer|invoke|send|on\b/);
    await (api.documents.list as () => Promise<unknown>)();
    expect(invoked).toEqual([['documents.list']]);
  });
});

describe('content security policy', () => {
  it('is strict: own scripts only, no plugins, no framing, no remote anything', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:|\*/);
    for (const d of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) expect(CONTENT_SECURITY_POLICY).toContain(d);
  });

  it('the page carries the same policy (less frame-ancestors, which a meta tag cannot set)', () => {
    const html = readFileSync(join(repoRoot, 'renderer', 'index.html'), 'utf8');
    const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)![1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});

describe('packaging and version', () => {
  it('sets the Electron fuses in electron-builder.yml', () => {
    const config = parse(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8'));
    expect(config.electronFuses).toEqual({
      runAsNode: false, enableCookieEncryption: true, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true, loadBrowserProcessSpecificV8Snapshot: false, grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('uses a current Electron (a supported major line)', () => {
    const version = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(38);
  });
});
