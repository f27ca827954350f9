/// Exposes the contract as `window.workbench` and nothing else: no `ipcRenderer`, no events,
/// only one async function per contract method, answering with the reply envelope.
import { contextBridge, ipcRenderer } from 'electron';
import { apiChannels, type Reply } from './api';

type Area = Record<string, (...args: unknown[]) => Promise<Reply<unknown>>>;

const workbench: Record<string, Area> = {};
for (const channel of apiChannels) {
  const [area, method] = channel.split('.') as [string, string];
  (workbench[area] ??= {})[method] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args) as Promise<Reply<unknown>>;
}

contextBridge.exposeInMainWorld('workbench', workbench);
