/// The workbench service as the renderer sees it: `window.workbench` under Electron (exposed by the
/// preload), otherwise an HTTP client of the very same contract (browser mode).
import type { Reply, WorkbenchApi } from '../../preload/api';

declare global {
  interface Window {
    workbench?: WorkbenchApi;
  }
}

const TOKEN_KEY = 'awb.token';

/// The per-launch token of browser mode: from `?token=` on first load, then from this tab's session.
function browserToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, '', location.pathname + location.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/// Calls one contract method over HTTP; a refused call rejects with the server's message.
async function callOverHttp(token: string, channel: string, args: unknown[]): Promise<unknown> {
  const response = await fetch(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-AWB-Token': token },
    body: JSON.stringify(args),
  });
  let reply: Reply<unknown>;
  try {
    reply = (await response.json()) as Reply<unknown>;
  } catch {
    throw new Error(`the workbench server answered ${response.status} ${response.statusText}`);
  }
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

function httpClient(): WorkbenchApi {
  const token = browserToken();
  const areas = new Map<string, unknown>();
  return new Proxy({} as WorkbenchApi, {
    get(_target, area: string) {
      if (!areas.has(area)) {
        areas.set(
          area,
          new Proxy({}, { get: (_t, method: string) => (...args: unknown[]) => callOverHttp(token, `${area}.${method}`, args) }),
        );
      }
      return areas.get(area);
    },
  });
}

/// The one service object the UI talks to.
export const workbench: WorkbenchApi = window.workbench ?? httpClient();
