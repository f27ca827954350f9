/// Which part of a workspace an export covers: documents, annotators, labels (all when unset).
import type { DocumentFile } from '../model.js';

/// Export scope; an empty or missing list means "all".
export interface ExportScope {
  documents?: string[];
  annotators?: string[];
  labels?: string[];
}

/// Whether a document is in scope.
export function documentInScope(id: string, scope: ExportScope): boolean {
  return !scope.documents?.length || scope.documents.includes(id);
}

/// The document with only the annotations in scope, and only the links whose two ends remain.
export function scopeDocument(file: DocumentFile, scope: ExportScope): DocumentFile {
  const annotations = file.annotations.filter(
    (a) =>
      (!scope.annotators?.length || scope.annotators.includes(a.annotator)) &&
      (!scope.labels?.length || scope.labels.includes(a.label)),
  );
  const kept = new Set(annotations.map((a) => a.id));
  return { ...file, annotations, relations: file.relations.filter((r) => kept.has(r.from) && kept.has(r.to)) };
}
