// Browser mode keeps its port and token in the workspace (main/web/browserModeAddress.ts), so a
// bookmarked address works after a restart: the same port where it is free, the same token always
// (unless a new one is asked for), in a file only its owner can read.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveWorkspace } from '../main/cli/serveCommand';
import { BROWSER_MODE_FILE, browserModeStart, readBrowserModeAddress, writeBrowserModeAddress } from '../main/web/browserModeAddress';
import { repoRoot, tempDir } from './helpers';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';

describe('the kept address', () => {
  it('is written readable by its owner alone and read back', () => {
    const dir = tempDir();
    writeBrowserModeAddress(dir, { port: 43210, token: TOKEN });
    expect(statSync(join(dir, BROWSER_MODE_FILE)).mode & 0o777).toBe(0o600);
    expect(readBrowserModeAddress(dir)).toEqual({ port: 43210, token: TOKEN });
    expect(browserModeStart(dir)).toEqual({ token: TOKEN, preferredPort: 43210 });
  });

  it('is not trusted when others can read it, or when it is not what was written', () => {
    const dir = tempDir();
    const path = join(dir, BROWSER_MODE_FILE);
    writeBrowserModeAddress(dir, { port: 43210, token: TOKEN });
    chmodSync(path, 0o644);
    expect(readBrowserModeAddress(dir)).toBeNull();
    for (const text of ['not json', '[]', '{"port":0,"token":"abcdefghijklmnopqrstuvwxyz012345"}', '{"port":80.5,"token":"abcdefghijklmnopqrstuvwxyz012345"}', '{"port":4321,"token":"short"}', '{"port":4321,"token":"abcdefghijklmnopqrstuvwxyz01234<"}']) {
      writeFileSync(path, text, { mode: 0o600 });
      chmodSync(path, 0o600);
      expect(readBrowserModeAddress(dir), text).toBeNull();
    }
    expect(readBrowserModeAddress(tempDir())).toBeNull();
  });

  it('gives way to a new token (on the same port) when asked, and to any port when there is none', () => {
    const dir = tempDir();
    writeBrowserModeAddress(dir, { port: 43210, token: TOKEN });
    const fresh = browserModeStart(dir, { newToken: true });
    expect(fresh.preferredPort).toBe(43210);
    expect(fresh.token).toMatch(/^[\w-]{32}$/);
    expect(fresh.token).not.toBe(TOKEN);
    expect(browserModeStart(tempDir()).preferredPort).toBe(0);
  });
});

describe('awb serve', () => {
  const rendererDir = tempDir('awb-renderer-');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Annotation Workbench</title>');
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  const serve = async (dir: string, options: { port?: number; newToken?: boolean } = {}) => {
    const served = await serveWorkspace(dir, rendererDir, { packageRoot: repoRoot }, options);
    closers.push(served.close);
    return served;
  };
  const stop = async () => {
    const close = closers.pop();
    await close?.();
  };

  it('serves a workspace at the same address after a restart, on a new port (same token) when its port is taken', async () => {
    const dir = join(tempDir(), 'workspace');
    const first = (await serve(dir)).server;
    expect(JSON.parse(readFileSync(join(dir, BROWSER_MODE_FILE), 'utf8'))).toEqual({ port: first.port, token: first.token });
    await stop();

    const second = (await serve(dir)).server;
    expect(second.url).toBe(first.url);
    const refused = await fetch(`${second.url.replace(/\/\?token=.*/, '')}/api/workspace.info`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-AWB-Token': first.token }, body: '[]' });
    expect(refused.status).toBe(200);
    await stop();

    // Something else took the port meanwhile.
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(first.port, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => squatter.close(() => resolve())));
    const third = (await serve(dir)).server;
    expect(third.port).not.toBe(first.port);
    expect(third.token).toBe(first.token);
    expect(readBrowserModeAddress(dir)).toEqual({ port: third.port, token: first.token });
  });

  it('takes a new token with --new-token, and a port given exactly (failing when it is taken)', async () => {
    const dir = join(tempDir(), 'workspace');
    const first = (await serve(dir)).server;
    await stop();
    const renewed = (await serve(dir, { newToken: true })).server;
    expect(renewed.token).not.toBe(first.token);
    expect(renewed.port).toBe(first.port);
    expect(readBrowserModeAddress(dir)?.token).toBe(renewed.token);
    await stop();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const taken = (blocker.address() as { port: number }).port;
    await expect(serveWorkspace(dir, rendererDir, { packageRoot: repoRoot }, { port: taken })).rejects.toThrow(`port ${taken} is in use by another program`);
    // The workspace was closed again: it opens.
    expect((await serve(dir)).server.token).toBe(renewed.token);
  });
});
