/// "Tag all occurrences" over a workspace (DESIGN §12): the preview in some documents or in every
/// one, the spans made for the occurrences confirmed, and taking them away again (undo) or
/// putting them back (redo). The service and `awb tag-all` both run these.
import { createAnnotation, deleteAnnotation, restoreAnnotation, type Author, type Removal } from '../annotations.js';
import { entityNamed } from '../entities.js';
import { InvalidChangeError, WorkbenchError } from '../errors.js';
import type { Annotation, DocumentFile } from '../model.js';
import type { Workspace } from '../store/workspace.js';
import { phraseWords } from '../text/searchWords.js';
import { phraseMatcher, type PhraseMatcher } from './phraseOccurrences.js';
import { previewEveryDocument } from './tagAllCandidates.js';
import { documentOccurrences, PreviewBuilder, type TagAllPreview, type TagAllRequest } from './tagAllPreview.js';

/// Where to look: some documents (this one, the open ones), or every document of the workspace.
export type TagAllScope = { kind: 'documents'; ids: string[] } | { kind: 'workspace' };

/// A preview asked for: the phrase, the label to tag it with, the scope.
export interface TagAllPreviewRequest extends TagAllRequest {
  scope: TagAllScope;
}

/// An occurrence confirmed for tagging (UTF-16 offsets, as the preview gave them).
export interface ConfirmedOccurrence {
  docId: string;
  start: number;
  end: number;
}

/// The occurrences confirmed in a preview, to be tagged.
export interface TagAllApplyRequest extends TagAllRequest {
  occurrences: ConfirmedOccurrence[];
}

/// What tagging the confirmed occurrences did.
export interface TagAllApplied {
  /// The spans made, in the order of the occurrences.
  created: Annotation[];
  /// Occurrences the annotator already had a span of the label on (none made).
  alreadyTagged: number;
  /// Occurrences that are not (or no longer) an occurrence of the phrase in their document.
  notFound: number;
  /// Documents whose spans could not be made, and why (the others were).
  failed: { docId: string; message: string }[];
}

/// The matcher of a request's phrase; refused when it holds no letter or digit (the index knows
/// only words) or the label is not one of the workspace's.
function checkedMatcher(workspace: Workspace, request: TagAllRequest): PhraseMatcher {
  if (!workspace.labels.some((l) => l.id === request.label)) throw new InvalidChangeError(`unknown label "${request.label}"`);
  const matcher = phraseMatcher(request.phrase, { caseSensitive: request.caseSensitive });
  if (!phraseWords(matcher.phrase).length) throw new InvalidChangeError('the phrase to tag needs a letter or a digit');
  return matcher;
}

/// The preview of `request` for `annotator`: at most `limit` occurrences listed, all counted.
export async function previewTagAll(workspace: Workspace, request: TagAllPreviewRequest, annotator: string, limit?: number): Promise<TagAllPreview> {
  const matcher = checkedMatcher(workspace, request);
  if (request.scope.kind === 'workspace') return previewEveryDocument(workspace, request, matcher, annotator, limit);
  const builder = new PreviewBuilder(request, matcher, limit);
  for (const id of new Set(request.scope.ids)) {
    const { document, annotations } = await workspace.readDocument(id);
    builder.add(id, document.title, document.text, documentOccurrences(document.text, annotations, matcher, request.label, annotator));
  }
  return builder.finish();
}

/// `items` by document, in the order each document first appears.
function byDocument<T>(items: T[], docIdOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const docId = docIdOf(item);
    const group = groups.get(docId);
    if (group) group.push(item);
    else groups.set(docId, [item]);
  }
  return groups;
}

/// Tags the confirmed occurrences of `request`'s phrase with its label, one document at a time
/// (one write each): each missing span is made once; one the annotator already has is left as
/// it is (counted), and `createAnnotation` refuses a second one anyway. A span whose text is the
/// name or an alias of exactly one entity of the label is linked to it, as a tag made by key is.
export async function applyTagAll(workspace: Workspace, request: TagAllApplyRequest, author: Author): Promise<TagAllApplied> {
  const matcher = checkedMatcher(workspace, request);
  const applied: TagAllApplied = { created: [], alreadyTagged: 0, notFound: 0, failed: [] };
  for (const [docId, occurrences] of byDocument(request.occurrences, (o) => o.docId)) {
    try {
      const outcome = await workspace.updateDocument(docId, (file) => tagOccurrences(file, occurrences, matcher, request.label, workspace, author));
      applied.created.push(...outcome.created);
      applied.alreadyTagged += outcome.alreadyTagged;
      applied.notFound += outcome.notFound;
    } catch (error) {
      if (!(error instanceof WorkbenchError)) throw error;
      applied.failed.push({ docId, message: error.message });
    }
  }
  return applied;
}

/// One document's part of {@link applyTagAll}.
function tagOccurrences(
  file: DocumentFile,
  occurrences: ConfirmedOccurrence[],
  matcher: PhraseMatcher,
  label: string,
  workspace: Workspace,
  author: Author,
): { file: DocumentFile; result: Omit<TagAllApplied, 'failed'> } {
  const found = new Set(matcher.find(file.document.text).map((s) => `${s.start}:${s.end}`));
  const result: Omit<TagAllApplied, 'failed'> = { created: [], alreadyTagged: 0, notFound: 0 };
  const seen = new Set<string>();
  for (const { start, end } of occurrences) {
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!found.has(key)) {
      result.notFound += 1;
      continue;
    }
    if (file.annotations.some((a) => a.start === start && a.end === end && a.label === label && a.annotator === author.annotator)) {
      result.alreadyTagged += 1;
      continue;
    }
    const entity = entityNamed(workspace.entities, file.document.text.slice(start, end), label);
    const made = createAnnotation(file, { docId: file.document.id, label, start, end, ...(entity ? { entityId: entity.id } : {}) }, workspace.labels, author);
    file = made.file;
    result.created.push(made.result);
  }
  return { file, result };
}

/// Takes away the spans a tag-all made (its undo): each annotation still there is removed with
/// its relations; what was removed is returned, for {@link restoreTagged}.
export async function removeTagged(workspace: Workspace, annotations: { docId: string; id: string }[]): Promise<Removal[]> {
  const removed: Removal[] = [];
  for (const [docId, items] of byDocument(annotations, (a) => a.docId)) {
    const ids = new Set(items.map((a) => a.id));
    removed.push(
      ...(await workspace.updateDocument(docId, (file) => {
        const result: Removal[] = [];
        for (const id of ids) {
          if (!file.annotations.some((a) => a.id === id)) continue;
          const change = deleteAnnotation(file, id);
          file = change.file;
          result.push(change.result);
        }
        return { file, result };
      })),
    );
  }
  return removed;
}

/// Puts back what {@link removeTagged} took away (the redo of a tag-all), exactly: same ids, times
/// and links. A link to an entity deleted since is dropped, as a single restore drops it.
export async function restoreTagged(workspace: Workspace, removals: Removal[]): Promise<Annotation[]> {
  const restored: Annotation[] = [];
  for (const [docId, items] of byDocument(removals, (r) => r.annotation.docId)) {
    restored.push(
      ...(await workspace.updateDocument(docId, (file) => {
        const result: Annotation[] = [];
        for (const removal of items) {
          if (file.annotations.some((a) => a.id === removal.annotation.id)) continue;
          const { entityId, ...annotation } = removal.annotation;
          const linked = entityId && workspace.entities.some((e) => e.id === entityId) ? { entityId } : {};
          const change = restoreAnnotation(file, { ...removal, annotation: { ...annotation, ...linked } }, workspace.labels);
          file = change.file;
          result.push(change.result);
        }
        return { file, result };
      })),
    );
  }
  return restored;
}
