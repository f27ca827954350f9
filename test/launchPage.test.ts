// `npm start` opens browser mode through a private launch page: the opener's command line, which
// every local user can read, carries the page's path and never the token.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { launchPageHtml, openerCommand, openInBrowser, writeLaunchPage } from '../main/web/launchPage';
import { repoRoot, tempDir } from './helpers';

const token = 'k3Jd8s_Qw-1x9ZpLmN0bVc7yT2uR4eHa';
const url = `http://127.0.0.1:41234/?token=${token}`;

function fakeSpawn() {
  const calls: { command: string; args: string[] }[] = [];
  const spawn = vi.fn((command: string, args: string[]) => {
    calls.push({ command, args });
    return { on: vi.fn(), unref: vi.fn() };
  });
  return { spawn, calls };
}

describe('opening browser mode', () => {
  it('hands the opener the path of a launch page, never the token', () => {
    const parent = tempDir();
    const { spawn, calls } = fakeSpawn();
    const page = openInBrowser(url, { spawn, platform: 'linux', env: { DISPLAY: ':0' }, parent })!;
    expect(calls).toEqual([{ command: 'xdg-open', args: [page.path] }]);
    expect(calls[0].args.join(' ')).not.toContain(token);
    expect(readFileSync(page.path, 'utf8')).toContain(`<meta http-equiv="refresh" content="0; url=${url}">`);
    page.remove();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('writes the page readable by this user only, in a folder of its own', () => {
    const parent = tempDir();
    const page = writeLaunchPage(url, parent);
    try {
      expect(dirname(page.path).startsWith(join(parent, 'awb-launch-'))).toBe(true);
      if (process.platform !== 'win32') {
        expect(statSync(page.path).mode & 0o777).toBe(0o600);
        expect(statSync(dirname(page.path)).mode & 0o777).toBe(0o700);
      }
    } finally {
      page.remove();
    }
    expect(existsSync(dirname(page.path))).toBe(false);
  });

  it('opens nothing, and writes nothing, on Linux without a display', () => {
    const parent = tempDir();
    const { spawn } = fakeSpawn();
    expect(openInBrowser(url, { spawn, platform: 'linux', env: {}, parent })).toBeNull();
    expect(spawn).not.toHaveBeenCalled();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('uses open on macOS and start on Windows, with the path alone', () => {
    expect(openerCommand('/t/p.html', 'darwin')).toEqual(['open', ['/t/p.html']]);
    expect(openerCommand('C:\\t\\p.html', 'win32')).toEqual(['cmd', ['/c', 'start', '""', 'C:\\t\\p.html']]);
    expect(openerCommand('/t/p.html', 'linux')).toEqual(['xdg-open', ['/t/p.html']]);
  });

  it('the page has no script, allows none, sends no referrer, and redirects only to 127.0.0.1', () => {
    const html = launchPageHtml(url);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'"`);
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(launchPageHtml('http://127.0.0.1:1/?token=a"b<c')).toContain('url=http://127.0.0.1:1/?token=a%22b%3Cc"');
    for (const bad of ['https://127.0.0.1:1/', 'http://evil.example/?token=x', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(() => launchPageHtml(bad), bad).toThrow(/not a browser-mode address/);
    }
  });

  it('npm start opens the launch page, not the address', () => {
    const start = readFileSync(join(repoRoot, 'scripts', 'start.js'), 'utf8');
    expect(start).toContain("import('../main/web/launchPage.ts')");
    expect(start).toMatch(/openInBrowser\(url,/);
    // The openers live in launchPage.ts only.
    expect(start).not.toMatch(/xdg-open|'open'|'start'/);
  });
});
