/// Browser mode (DESIGN §2, §8): serves the built renderer and the contract over HTTP on
/// 127.0.0.1 only. Every API call needs the workspace's token; the Host header must name this
/// server (DNS rebinding) and a cross-site Origin is refused; no CORS headers are ever sent.
import { timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import type { WorkbenchApi } from '../../preload/api.js';
import { dispatch } from '../service/dispatch.js';
import { MAX_EXCHANGE_BYTES } from '../core/exchange/exchangeLimits.js';
import { BINARY_CALL_TYPE, decodeBinaryCall } from './binaryCall.js';
import { newBrowserModeToken } from './browserModeAddress.js';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.js';
import { CONTENT_TYPES } from './contentTypes.js';
import { resolveStaticPath } from './resolveStaticPath.js';

/// Largest API request body accepted: an import of a few 20 MB articles (their bytes as they are,
/// main/web/binaryCall.ts), or an exchange file at its limit, base64-encoded (four characters for
/// three bytes).
export const MAX_BODY_BYTES = Math.max(64 * 1024 * 1024, Math.ceil(MAX_EXCHANGE_BYTES / 3) * 4 + 1024 * 1024);

/// How to start browser mode.
export interface WebServerOptions {
  api: WorkbenchApi;
  /// The built renderer (`out/renderer`).
  rendererDir: string;
  /// 0 picks a free port.
  port?: number;
  /// When `port` is taken, listen on a free one instead of failing.
  orFreePort?: boolean;
  /// The token API calls must carry (default: a new random one).
  token?: string;
  /// Largest request body accepted (default MAX_BODY_BYTES).
  maxBodyBytes?: number;
}

/// A listening browser-mode server.
export interface WebServer {
  /// The address to open, token included.
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}


/// Starts the server on 127.0.0.1 and resolves once it listens.
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newBrowserModeToken();
  if (token.length < 32) throw new Error('a browser-mode token must have at least 32 characters');
  const root = resolve(options.rendererDir);
  let port = 0;
  const server = createServer((request, response) => {
    setCommonHeaders(response);
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      return sendText(response, 421, `refused: Host "${request.headers.host ?? ''}" is not this server`);
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      return void handleApi(request, response, url.pathname.slice(5), token, allowedHosts, options.api, options.maxBodyBytes ?? MAX_BODY_BYTES);
    }
    return void serveStatic(request, response, root, url.pathname);
  });
  try {
    await listen(server, options.port ?? 0);
  } catch (error) {
    if (!options.orFreePort || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await listen(server, 0);
  }
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolveListen, reject) => {
    const fail = (error: Error) => reject(error);
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      resolveListen();
    });
  });
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  channel: string,
  token: string,
  allowedHosts: string[],
  api: WorkbenchApi,
  maxBodyBytes: number,
): Promise<void> {
  if (request.method !== 'POST') return sendText(response, 405, 'API calls are POST');
  if (!tokenMatches(request.headers['x-awb-token'], token)) return sendText(response, 401, 'refused: missing or wrong token');
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
    return sendText(response, 403, `refused: cross-site request from ${origin}`);
  }
  const type = request.headers['content-type'] ?? '';
  const binary = type === BINARY_CALL_TYPE;
  if (!binary && !type.startsWith('application/json')) {
    return sendText(response, 415, `API calls must be application/json (or ${BINARY_CALL_TYPE} when they carry a file)`);
  }
  let body: Buffer;
  try {
    body = await readBody(request, maxBodyBytes);
  } catch (error) {
    return sendText(response, 413, (error as Error).message);
  }
  let args: unknown;
  if (binary) {
    args = decodeBinaryCall(body);
    if (args instanceof Error) return sendText(response, 400, args.message);
  } else {
    try {
      args = JSON.parse(body.toString('utf8'));
    } catch {
      return sendText(response, 400, 'the request body is not JSON');
    }
  }
  const reply = await dispatch(api, channel, args);
  response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(reply));
}

async function serveStatic(request: IncomingMessage, response: ServerResponse, root: string, pathname: string) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'method not allowed');
  const path = resolveStaticPath(root, pathname);
  if (!path) return sendText(response, 404, 'not found');
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return sendText(response, 404, 'not found');
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(path).pipe(response);
}

function setCommonHeaders(response: ServerResponse): void {
  // No response is kept on disk: the page's address carries the token and API replies carry
  // documents. The files come from 127.0.0.1, so refetching them costs next to nothing.
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendText(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(message);
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Keep draining (discarding) so the client can read the refusal.
        chunks.length = 0;
        reject(new Error(`refused: request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
