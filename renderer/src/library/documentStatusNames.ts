/// How the library shows an annotator's status of a document: a word and a symbol, so that it
/// reads without colour, and the step the `S` key takes from each.
import type { DocumentStatus } from '../../../preload/api';

/// Every status, in the order `S` steps through them.
export const STATUS_ORDER: readonly DocumentStatus[] = ['todo', 'in-progress', 'done'];

/// Each status in words.
export const STATUS_LABELS: Record<DocumentStatus, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
};

/// Each status's symbol: an empty, a half and a full circle.
export const STATUS_SYMBOLS: Record<DocumentStatus, string> = {
  todo: '○',
  'in-progress': '◐',
  done: '●',
};

/// The status `S` sets next (done goes back to to do).
export function nextStatus(status: DocumentStatus): DocumentStatus {
  return STATUS_ORDER[(STATUS_ORDER.indexOf(status) + 1) % STATUS_ORDER.length];
}
