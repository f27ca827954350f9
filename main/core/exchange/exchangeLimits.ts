/// How much one exchange file may ask of an import (issue 14, finding 8: a 167 MB file with
/// 1,000,000 annotations took 43 s and 1.9 GB, and left a document whose every save took 27 s).
/// The per-file limits are checked before anything is written; the per-document limit
/// (`MAX_ANNOTATIONS_PER_DOCUMENT`, model.ts) skips the excess of one document with a reason.
import { MAX_ENTITIES } from '../entities.js';

/// Most annotations one exchange file may hold, over all its documents: four documents at the
/// per-document limit. A file over it is refused whole. Importing 200,000 annotations (a 49 MB
/// file, four documents) took 3 s and 480 MB at most on the 2-core bench machine.
export const MAX_EXCHANGE_ANNOTATIONS = 200_000;

/// Most documents one exchange file may hold. Each new document costs two durable writes (the
/// article, then its annotations), about 5 ms: 5,000 documents with 20 annotations each (a 49 MB
/// file) took 27 s and 490 MB on the bench machine, 10,000 took 56 s and 910 MB. A file over it
/// is refused whole.
export const MAX_EXCHANGE_DOCUMENTS = 5_000;

/// Largest exchange file accepted, in bytes of UTF-8. What `MAX_EXCHANGE_ANNOTATIONS` implies: an
/// annotation takes about 240 bytes as this app exports it (indented JSON), so 200,000 take about
/// 48 MB, and 64 MiB leaves 16 MB for the documents' text and notes. Parsing holds about ten
/// times the file in memory, so this bounds an import to well under 1 GB. A larger export (the
/// 10,000-article benchmark corpus exports to 101 MB) is sent in parts (Export's document scope).
export const MAX_EXCHANGE_BYTES = 64 * 1024 * 1024;

/// Most characters of document text searched while re-anchoring the spans of one exchange file
/// (each search for a moved span's text scans up to its whole document). About 5 s of searching
/// on the bench machine: plenty for every span of a file whose offsets are all off, but a file of
/// 200,000 spans that match nothing in a 20 MB text would otherwise search for 15 minutes (with
/// the limit it took 8 s, the first 500 searched and the rest skipped with the reason).
export const MAX_REANCHOR_CHARACTERS = 10_000_000_000;

/// `bytes` as a short size for messages ("100.9 MB").
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/// Why an exchange file of `bytes` bytes is refused unread, or `null` when its size is fine.
export function exchangeSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_EXCHANGE_BYTES) return null;
  return `file is ${formatMegabytes(bytes)}, over the ${formatMegabytes(MAX_EXCHANGE_BYTES).replace('.0 ', ' ')} limit for an exchange file; export fewer documents at a time`;
}

/// Most entities one exchange file may list: as many as a workspace may hold. A file over it is
/// refused whole.
export const MAX_EXCHANGE_ENTITIES = MAX_ENTITIES;
