/// Repair notices: `documents.open` says so when a document's file was damaged and has just been
/// restored from a backup. {@link withRepairNotices} wraps the service so that every such notice,
/// whoever opened the document, reaches the listeners (the app shows it as a warning card).
import type { OpenDocument, WorkbenchApi } from '../../preload/api';

/// Told about one repaired document.
export type RepairListener = (docId: string, notice: string) => void;

const listeners = new Set<RepairListener>();

/// Calls `listener` for every repair notice from now on; returns the unsubscribe function.
export function onRepairNotice(listener: RepairListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/// `api` with `documents.open` passing any repair notice to the listeners.
export function withRepairNotices(api: WorkbenchApi): WorkbenchApi {
  const open = async (id: string): Promise<OpenDocument> => {
    const opened = await api.documents.open(id);
    const notice = opened.repairNotice;
    if (notice) listeners.forEach((l) => l(id, notice));
    return opened;
  };
  const documents = new Proxy(api.documents, { get: (target, key, receiver) => (key === 'open' ? open : Reflect.get(target, key, receiver)) });
  return new Proxy(api, { get: (target, key, receiver) => (key === 'documents' ? documents : Reflect.get(target, key, receiver)) });
}

const ISO_TIME = /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\b/g;
const localTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/// An instant as the UI shows backup times: `"12 Dec 2016, 14:03:07"` (local time, with seconds,
/// since backups can be seconds apart).
export function formatBackupTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : localTime.format(date);
}

/// A service message with its ISO times (`2016-12-12T13:03:07.000Z`) in local time, and control
/// characters quoted from a damaged file written as escapes (NUL as `\x00`).
export function withLocalTimes(message: string): string {
  const symbol = (c: string) => (c < ' ' && !'\t\n\r'.includes(c) ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c);
  return [...message.replace(ISO_TIME, (iso) => formatBackupTime(iso))].map(symbol).join('');
}
