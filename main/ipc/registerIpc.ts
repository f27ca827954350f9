/// The Electron IPC transport: one `ipcMain.handle` per contract channel, each checking that the
/// call comes from the app's own top frame before validating and dispatching it.
import type { IpcMainInvokeEvent } from 'electron';
import { apiChannels, type Reply, type WorkbenchApi } from '../../preload/api.js';
import { dispatch } from '../service/dispatch.js';

/// The part of `ipcMain` this module uses (so tests can pass a recorder instead).
export interface IpcHandlerRegistry {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/// Whether an IPC message comes from a frame allowed to use the API.
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/// The origin the app's pages are served from.
export const APP_ORIGIN = 'app://workbench';

/// Whether `url` is a page of the app. Compared by scheme and host: WHATWG URL gives custom
/// schemes an opaque "null" origin outside Electron.
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'workbench';
  } catch {
    return false;
  }
}

/// Accepts only the main frame of a page served from `app://workbench/`.
export const fromAppFrame: SenderCheck = (event) => {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
};

/// Registers every contract channel on `ipc`.
export function registerIpc(ipc: IpcHandlerRegistry, api: WorkbenchApi, isTrusted: SenderCheck = fromAppFrame): void {
  for (const channel of apiChannels) {
    ipc.handle(channel, async (event, ...args): Promise<Reply<unknown>> => {
      if (!isTrusted(event)) return { ok: false, error: { code: 'forbidden', message: 'refused: call from an untrusted frame' } };
      return dispatch(api, channel, args);
    });
  }
}
