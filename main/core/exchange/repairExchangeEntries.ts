/// A colleague's file is never dropped for a cosmetic reason (DESIGN §13): before a document's
/// entries are checked, an annotation or link id that is not a UUID gets a new one (the links
/// follow their annotations' new ids), and a note written as a plain string becomes a
/// one-paragraph note. The new ids are derived from the document and the old id, so importing the
/// same file again gives the same ids and adds nothing.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { NoteNode } from '../model.js';

/// Namespace of the ids made here (a fixed, random UUID), so they never collide with another
/// program's name-based ids.
const REPLACED_ID_NAMESPACE = 'b1c7e0a2-5f3d-4c69-9d1e-6a2f8e4b7c30';

const UUID = z.uuid();

/// Whether `value` is a UUID as the workspace keeps them.
export function isUuid(value: unknown): value is string {
  return UUID.safeParse(value).success;
}

/// The name-based UUID (RFC 9562 version 5, SHA-1) of `name` in this module's namespace: the same
/// name always gives the same id.
export function nameBasedUuid(name: string): string {
  const namespace = Buffer.from(REPLACED_ID_NAMESPACE.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/// A note as the app keeps it, from plain text: one paragraph, line breaks kept as hard breaks.
export function plainTextNote(text: string): NoteNode {
  const content: NoteNode[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) content.push({ type: 'hardBreak' });
    if (line) content.push({ type: 'text', text: line });
  });
  return { type: 'doc', content: [{ type: 'paragraph', ...(content.length ? { content } : {}) }] };
}

/// What repairing one document's entries changed.
export interface RepairCount {
  idsReplaced: number;
  notesConverted: number;
}

type Entry = Record<string, unknown>;
const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null && !Array.isArray(value);
/// An old id as a key: ids written as numbers (`7`) are kept as their text.
const idKey = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/// `entries` of document `docId` with every id that is not a UUID replaced and every plain-string
/// note made a note; entries that are not objects, and every other field, are left for the
/// schema to judge. Counts what it changed into `count`.
export function repairExchangeEntries(
  docId: string,
  entries: { annotations: unknown[]; relations: unknown[] },
  count: RepairCount,
): { annotations: unknown[]; relations: unknown[] } {
  const renamed = new Map<string, string>();
  const annotations = entries.annotations.map((entry, index) => {
    if (!isEntry(entry)) return entry;
    let repaired = entry;
    if (!isUuid(entry.id)) {
      const old = idKey(entry.id);
      // An entry without an id is named by its place in the file: the same file gives the same id.
      const id = nameBasedUuid(`${docId}\tannotation\t${old ?? `#${index}`}`);
      if (old !== null) renamed.set(old, id);
      repaired = { ...repaired, id };
      count.idsReplaced++;
    }
    if (typeof entry.note === 'string') {
      const { note, ...rest } = repaired as Entry & { note: string };
      repaired = note.trim() ? { ...rest, note: plainTextNote(note) } : rest;
      count.notesConverted++;
    }
    return repaired;
  });
  const relations = entries.relations.map((entry, index) => {
    if (!isEntry(entry)) return entry;
    let repaired = entry;
    for (const end of ['from', 'to'] as const) {
      const key = idKey(entry[end]);
      const id = key === null || isUuid(entry[end]) ? undefined : renamed.get(key);
      if (id) repaired = { ...repaired, [end]: id };
    }
    if (!isUuid(entry.id)) {
      repaired = { ...repaired, id: nameBasedUuid(`${docId}\trelation\t${idKey(entry.id) ?? `#${index}`}`) };
      count.idsReplaced++;
    }
    return repaired;
  });
  return { annotations, relations };
}

/// The report's sentence for what repairing changed ("12 ids replaced, 3 notes converted"), or
/// `null` when nothing was.
export function repairSentence(count: RepairCount): string | null {
  if (!count.idsReplaced && !count.notesConverted) return null;
  const ids = `${count.idsReplaced.toLocaleString('en-US')} id${count.idsReplaced === 1 ? '' : 's'} replaced (not UUIDs; links follow)`;
  const notes = `${count.notesConverted.toLocaleString('en-US')} note${count.notesConverted === 1 ? '' : 's'} converted (plain text made a one-paragraph note)`;
  return `${ids}, ${notes}`;
}
