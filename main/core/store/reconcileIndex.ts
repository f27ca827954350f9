/// After a crash the index may lag behind the document files: a crash between the two writes of
/// an import leaves a document file the index does not list, and annotation counts are written to
/// the index after the document. This finds both without reading every file: only the documents
/// the index lacks, or whose files are not older than the index, are read.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentFileSchema, type DocumentSummary } from '../model.js';
import { readJsonFile } from './durableJsonFile.js';
import { DOCUMENT_FILE_NAME, documentFileName, summarise } from './workspaceFiles.js';

/// The corrected document list, notices for adopted documents, and whether anything changed.
export async function reconcileIndex(dir: string, listed: DocumentSummary[]): Promise<{ documents: DocumentSummary[]; recovered: string[]; changed: boolean }> {
  const indexTime = (await stat(join(dir, 'workspace.json')).catch(() => null))?.mtimeMs ?? 0;
  const entries = new Map(listed.map((d) => [documentFileName(d.id), d]));
  const names = (await readdir(join(dir, 'documents'))).filter((n) => DOCUMENT_FILE_NAME.test(n));
  let documents = listed;
  const recovered: string[] = [];
  let changed = false;
  for (const name of names) {
    const entry = entries.get(name);
    // Strictly older only: file times are coarse, and a document written in the same tick as
    // the index may be the newer of the two.
    if (entry && (await stat(join(dir, 'documents', name))).mtimeMs < indexTime) continue;
    const file = await readJsonFile(join(dir, 'documents', name), DocumentFileSchema).catch(() => null);
    if (!file || documentFileName(file.document.id) !== name) continue;
    const summary = summarise(file);
    changed = true;
    if (!entry) {
      documents = [...documents, summary];
      recovered.push(`recovered "${file.document.title}" (${name}), which was missing from the document index`);
    } else {
      documents = documents.map((d) => (d.id === summary.id ? { ...d, counts: summary.counts } : d));
    }
  }
  return { documents, recovered, changed };
}
