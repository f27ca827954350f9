/// Exposes the contract as `window.workbench` and nothing else: no `ipcRenderer`, no events,
/// only one async function per contract method.
import { contextBridge, ipcRenderer } from 'electron';
import { apiChannels, type Reply } from './api';

type Area = Record<string, (...args: unknown[]) => Promise<unknown>>;

const workbench: Record<string, Area> = {};
for (const channel of apiChannels) {
  const [area, method] = channel.split('.') as [string, string];
  (workbench[area] ??= {})[method] = async (...args: unknown[]) => {
    const reply = (await ipcRenderer.invoke(channel, ...args)) as Reply<unknown>;
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value;
  };
}

contextBridge.exposeInMainWorld('workbench', workbench);
