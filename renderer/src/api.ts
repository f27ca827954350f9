/// The workbench service as the renderer sees it: `window.workbench` under Electron (exposed by the
/// preload), otherwise an HTTP client of the very same contract (browser mode).
import type { Reply, WorkbenchApi, WorkbenchBridge } from '../../preload/api';
import { isAddressExpired, markAddressExpired } from './addressExpiry';
import { BINARY_CALL_TYPE, encodeCall, withBlobsRead } from './binaryCall';

declare global {
  interface Window {
    workbench?: WorkbenchBridge;
  }
}

/// Sends one call and resolves with the reply envelope.
type Send = (channel: string, args: unknown[]) => Promise<Reply<unknown>>;

const TOKEN_KEY = 'awb.token';

/// The workspace's token in browser mode: from `?token=` on first load, then from this tab's session.
function browserToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, '', location.pathname + location.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/// A failed call: the service's message, and its error code where the transport tells it
/// (`unreachable` when the server could not be reached at all).
export class WorkbenchCallError extends Error {
  override name = 'WorkbenchCallError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/// Calls one contract method over HTTP.
function httpSend(token: string): Send {
  const expired = () => new WorkbenchCallError('this address has expired: the terminal running the workbench shows the current one', 'expired');
  return async (channel, args) => {
    // Once refused, the token is not sent again.
    if (isAddressExpired()) throw expired();
    let response: Response;
    const { contentType, body } = encodeCall(args);
    try {
      response = await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': contentType, 'X-AWB-Token': token }, body });
    } catch {
      // A chosen file that cannot be read (moved, deleted or changed since) fails the send too.
      const files = contentType === BINARY_CALL_TYPE ? ', or a file could not be read (moved, deleted or changed since it was chosen)' : '';
      throw new WorkbenchCallError(`the workbench server cannot be reached${files}`, 'unreachable');
    }
    if (response.status === 401) {
      // A wrong token, or the server restarted with another: no call will succeed from this page.
      markAddressExpired();
      throw expired();
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as Reply<unknown>;
    } catch {
      // A refusal by the server itself (size, a malformed body) says why in plain text.
      throw new WorkbenchCallError(`the workbench server answered ${response.status} ${response.statusText}${text ? `: ${text.slice(0, 300)}` : ''}`, 'refused');
    }
  };
}

/// Calls one contract method through the Electron preload.
function bridgeSend(bridge: WorkbenchBridge): Send {
  const methods = bridge as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<Reply<unknown>>>>;
  return async (channel, args) => {
    const [area, method] = channel.split('.') as [string, string];
    // The context bridge cannot carry a Blob (a chosen file): its bytes go instead.
    return methods[area][method](...((await withBlobsRead(args)) as unknown[]));
  };
}

/// The contract over a transport: each method sends, then unwraps the reply or throws.
function client(send: Send): WorkbenchApi {
  const areas = new Map<string, unknown>();
  return new Proxy({} as WorkbenchApi, {
    get(_target, area: string) {
      if (!areas.has(area)) {
        const call = (method: string) => async (...args: unknown[]) => {
          const reply = await send(`${area}.${method}`, args);
          if (!reply.ok) throw new WorkbenchCallError(reply.error.message, reply.error.code);
          return reply.value;
        };
        areas.set(area, new Proxy({}, { get: (_t, method: string) => call(method) }));
      }
      return areas.get(area);
    },
  });
}

/// The one service object the UI talks to.
export const workbench: WorkbenchApi = client(window.workbench ? bridgeSend(window.workbench) : httpSend(browserToken()));
