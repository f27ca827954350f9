/// Which part of a workspace an export covers: documents, annotators, labels (all when unset),
/// and so which entities an exchange file lists.
import type { DocumentFile, Entity } from '../model.js';
import type { Workspace } from '../store/workspace.js';

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

/// Whether `scope` leaves nothing out.
export function wholeWorkspace(scope: ExportScope): boolean {
  return !scope.documents?.length && !scope.annotators?.length && !scope.labels?.length;
}

/// The entities an export of `scope` lists: all of them for the whole workspace (so that a round
/// trip loses none), else those that the annotations in scope link to, as the SQL index knows
/// them (without reading a document twice). A span whose link the index does not hold yet (its
/// update failed; the next opening catches it up) goes into the file without the link.
export function linkedEntitiesInScope(workspace: Workspace, scope: ExportScope): Entity[] {
  if (wholeWorkspace(scope)) return workspace.entities;
  const linked = new Set<string>();
  for (const link of workspace.entityLinks()) {
    if (!documentInScope(link.docId, scope)) continue;
    if (scope.annotators?.length && !scope.annotators.includes(link.annotator)) continue;
    if (scope.labels?.length && !scope.labels.includes(link.label)) continue;
    linked.add(link.entityId);
  }
  return workspace.entities.filter((e) => linked.has(e.id));
}
