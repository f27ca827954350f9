/// Each annotator's status of a document: "to do", "in progress" or "done". Kept in the document's
/// own file (`statuses`), so that it travels with its annotations through backups and restores;
/// Ana's status is hers alone, and an annotator with none stored has the document still to do.
import type { DocumentFile, DocumentStatus, StatusMark } from './model.js';

/// How each status reads to a person.
export const STATUS_NAMES: Record<DocumentStatus, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
};

/// The status after `status` when stepping through them (done goes back to to do).
export function nextStatus(status: DocumentStatus): DocumentStatus {
  return status === 'todo' ? 'in-progress' : status === 'in-progress' ? 'done' : 'todo';
}

/// `annotator`'s status of the document in `file`.
export function statusOf(file: DocumentFile, annotator: string): DocumentStatus {
  return file.statuses?.find((m) => m.annotator === annotator)?.status ?? 'todo';
}

/// What setting a status did: the document, whose status, and the status now held.
export interface StatusChange {
  docId: string;
  annotator: string;
  status: DocumentStatus;
  /// When it was set; absent for "to do", which is stored as no status at all.
  at?: string;
}

/// Sets `annotator`'s status of the document (for `Workspace.updateDocument`). "To do" removes the
/// annotator's entry, and a file left with none loses `statuses`, as it was before any was set.
/// Setting the status held already changes nothing (its time stays).
export function setDocumentStatus(file: DocumentFile, annotator: string, status: DocumentStatus, now: string): { file: DocumentFile; result: StatusChange } {
  const held = file.statuses?.find((m) => m.annotator === annotator);
  const docId = file.document.id;
  if ((held?.status ?? 'todo') === status) return { file, result: { docId, annotator, status, ...(held ? { at: held.at } : {}) } };
  const others = (file.statuses ?? []).filter((m) => m.annotator !== annotator);
  const marks: StatusMark[] = status === 'todo' ? others : [...others, { annotator, status, at: now }];
  const { statuses: _statuses, ...rest } = file;
  return {
    file: marks.length ? { ...rest, statuses: marks } : rest,
    result: { docId, annotator, status, ...(status === 'todo' ? {} : { at: now }) },
  };
}
