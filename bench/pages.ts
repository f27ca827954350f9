/// Builds the benchmark pages (production build, `bench/vite.config.ts`) and serves them from a
/// tiny static server on 127.0.0.1.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { BENCH_OUT_DIR } from './vite.config';

const CONFIG = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/// The served pages: the real renderer's and the floor's.
export interface ServedPages {
  /// Base address, e.g. `http://127.0.0.1:41234/`.
  origin: string;
  /// The real renderer's benchmark page.
  pageUrl: string;
  /// The floor page.
  floorUrl: string;
  close(): Promise<void>;
}

/// Builds both pages into `out/bench/` (warnings and errors only go to stderr).
export async function buildPages(): Promise<string> {
  await build({ configFile: CONFIG, logLevel: 'warn' });
  return BENCH_OUT_DIR;
}

/// Serves `dir` on 127.0.0.1 (`port` 0 picks a free one). Only files under `dir`; folders serve
/// their `index.html`.
export async function servePages(dir = BENCH_OUT_DIR, port = 0): Promise<ServedPages> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const found = info && (await stat(file).catch(() => null))?.isFile();
      if (!found || request.method !== 'GET') {
        response.writeHead(found ? 405 : 404).end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      createReadStream(file).pipe(response);
    })().catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolveListen) => server.listen(port, '127.0.0.1', resolveListen));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    origin,
    pageUrl: `${origin}page/`,
    floorUrl: `${origin}floor/`,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}
