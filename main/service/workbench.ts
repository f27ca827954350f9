/// The one implementation of the contract (`preload/api.ts`): a plain object of async functions
/// over the core. Both transports serve this object; neither adds behaviour of its own.
import { MAX_SENT_PAIRS, type WorkbenchApi, type WorkspaceInfo } from '../../preload/api.js';
import { compareCharts, compareEntityOutlets, compareFigurePage, compareQuotePage } from '../core/compare/compareWorkspace.js';
import { measureCounts } from '../core/store/sqlIndex/compareQuery.js';
import { compareCsv } from '../core/compare/compareCsv.js';
import { suggestFigureMeasure } from '../core/quantities/figureMeasure.js';
import {
  createAnnotation,
  deleteAnnotation,
  restoreAnnotation,
  setEntityLinks,
  setRelation,
  updateAnnotation,
  type Author,
} from '../core/annotations.js';
import { addEntity, entityNamed, findEntity } from '../core/entities.js';
import { deleteEntity, mergeEntities, restoreEntities, updateEntity } from '../core/entityChanges.js';
import { listEntities, listEntityDocuments } from '../core/entityUsage.js';
import { importExchange, parseExchange } from '../core/exchange/importExchange.js';
import { inputFromBytes } from '../core/foreignFormats/foreignInput.js';
import { importForeign } from '../core/foreignFormats/importForeign.js';
import { exportForTransfer } from '../core/export/exportForTransfer.js';
import { AdjudicationTally } from '../core/adjudicationAgreement.js';
import { importArticleFromUrl, importArticleUploads } from '../core/importArticles.js';
import { curateAgreed, decideItem, reviewDocument } from '../core/review.js';
import { searchDocuments } from '../core/search.js';
import { applyTagAll, previewTagAll, removeTagged, restoreTagged } from '../core/tagAll/tagAllWorkspace.js';
import { checkLabelList } from '../core/labels.js';
import { editDocumentDetails } from '../core/documentDetails.js';
import { setDocumentStatus } from '../core/documentStatus.js';
import { readDocuments } from '../core/store/readDocuments.js';
import { InvalidChangeError } from '../core/errors.js';
import type { Workspace } from '../core/store/workspace.js';
import type { Annotation, DocumentFile } from '../core/model.js';
import { suggestionsService } from './suggestionsService.js';
import { annotatorConfirmed, setConfirmedAnnotator } from '../core/annotatorName.js';
import { defaultAnnotator } from '../core/store/workspaceFiles.js';

/// `annotation`, just made in `file`, linked to entity `entityId`.
function linkEntity(file: DocumentFile, annotation: Annotation, entityId: string): { file: DocumentFile; result: Annotation } {
  const linked = setEntityLinks(file, [annotation.id], entityId, { annotator: annotation.annotator, now: annotation.updatedAt }).file;
  return { file: linked, result: linked.annotations.find((a) => a.id === annotation.id)! };
}

/// Builds the service over an open, writable workspace.
export function createWorkbench(workspace: Workspace): WorkbenchApi {
  const author = (): Author => ({ annotator: workspace.currentAnnotator, now: new Date().toISOString() });
  const allDocumentIds = () => workspace.documentIds();
  // A link to an entity that is not (or no longer) in the list is refused rather than stored;
  // checked inside the document's change, which no entity merge or delete runs beside.
  const assertEntityExists = (entityId: string | null | undefined) => void (entityId && findEntity(workspace.entities, entityId));
  const info = async (): Promise<WorkspaceInfo> => ({
    path: workspace.dir,
    labels: workspace.labels,
    annotators: workspace.annotators,
    currentAnnotator: workspace.currentAnnotator,
    annotatorConfirmed: await annotatorConfirmed(workspace),
    systemUserName: defaultAnnotator(),
    notices: [...workspace.notices],
  });
  return {
    workspace: {
      info,
    },
    documents: {
      list: (query) => workspace.libraryPage(query),
      summaries: async (ids) => workspace.libraryRows(ids),
      labelCounts: async () => workspace.labelCounts(),
      async open(id) {
        const { document, annotations, relations } = await workspace.readDocument(id);
        const repairNotice = workspace.takeRepairNotice(id);
        return { document, annotations, relations, ...(repairNotice ? { repairNotice } : {}) };
      },
      search: (phrase) => searchDocuments(workspace, phrase),
      update: (id, change) => workspace.updateDocument(id, (file) => editDocumentDetails(file, change)),
      outlets: async () => workspace.outlets(),
      setStatus: (id, status) => workspace.updateDocument(id, (file) => setDocumentStatus(file, workspace.currentAnnotator, status, new Date().toISOString())),
      async delete(ids) {
        const { backup, deleted } = await workspace.deleteDocuments(ids);
        return { backup, deleted: deleted.map(({ importedAt: _importedAt, ...listed }) => listed) };
      },
      undelete: (ids, backup) => workspace.undeleteDocuments(ids, backup),
      async import(files) {
        return importArticleUploads(
          workspace,
          // The dispatcher admits bytes only (a Blob is the app's side of a transport).
          files.map((f) => ({ name: f.name, bytes: f.bytes as Uint8Array })),
        );
      },
      importUrl: (address) => importArticleFromUrl(workspace, address),
    },
    annotations: {
      create: ({ linkNamedEntity, ...input }) =>
        workspace.updateDocument(input.docId, (file) => {
          assertEntityExists(input.entityId);
          const made = createAnnotation(file, input, workspace.labels, author());
          const named = linkNamedEntity && !made.result.entityId ? entityNamed(workspace.entities, made.result.quote, made.result.label) : undefined;
          return named ? linkEntity(made.file, made.result, named.id) : made;
        }),
      update: ({ docId, ...change }) =>
        workspace.updateDocument(docId, (file) => {
          assertEntityExists(change.entityId);
          return updateAnnotation(file, change, workspace.labels, author());
        }),
      delete: (docId, id) => workspace.updateDocument(docId, (file) => deleteAnnotation(file, id)),
      // Another tool's file (a zip's entries read with their sizes checked), in whole or refused.
      importFile: (file, options) => importForeign(workspace, inputFromBytes(file.name, Buffer.from(file.base64, 'base64')), options),
      restore: (docId, removed) =>
        workspace.updateDocument(docId, (file) => {
          // An entity deleted since the annotation was: it comes back unlinked.
          const { entityId, ...annotation } = removed.annotation;
          const linked = entityId && workspace.entities.some((e) => e.id === entityId) ? { entityId } : {};
          return restoreAnnotation(file, { ...removed, annotation: { ...annotation, ...linked } }, workspace.labels);
        }),
    },
    tagAll: {
      preview: (request) => previewTagAll(workspace, request, workspace.currentAnnotator),
      apply: (request) => applyTagAll(workspace, request, author()),
      remove: (annotations) => removeTagged(workspace, annotations),
      restore: (removed) => restoreTagged(workspace, removed),
    },
    suggestions: suggestionsService(workspace),
    relations: {
      set: (docId, type, fromId, toId) => workspace.updateDocument(docId, (file) => setRelation(file, type, fromId, toId, author())),
    },
    entities: {
      list: () => listEntities(workspace),
      documents: (id, query) => listEntityDocuments(workspace, id, query),
      create: (entity) => workspace.updateEntities((list) => addEntity(list, entity, workspace.labels)),
      update: (id, change) => updateEntity(workspace, id, change),
      merge: (fromId, intoId) => mergeEntities(workspace, fromId, intoId, author()),
      delete: (id) => deleteEntity(workspace, id, author()),
      restore: (undo) => restoreEntities(workspace, undo, author()),
    },
    labels: {
      save: (labels) =>
        workspace.updateLabels(labels, (usage) => {
          const entityTypes: Record<string, number> = {};
          for (const e of workspace.entities) entityTypes[e.type] = (entityTypes[e.type] ?? 0) + 1;
          checkLabelList(labels, usage, entityTypes);
        }),
    },
    settings: {
      async setAnnotator(name) {
        await setConfirmedAnnotator(workspace, name);
        return info();
      },
    },
    exports: {
      // Written by the same streaming writer as `awb export` and read back as base64; the UI's
      // download is held in memory whole, so it stays size-limited (see exportForTransfer).
      build: (format, scope) => exportForTransfer(workspace, format, scope),
    },
    exchange: {
      async import(file) {
        const raw = Buffer.from(file.base64, 'base64').toString('utf8');
        return importExchange(workspace, file.name, parseExchange(file.name, raw));
      },
    },
    backups: {
      list: () => workspace.backups(),
      restore: (name) => workspace.restoreBackup(name),
    },
    compare: {
      figures: (filter, choice) => compareFigurePage(workspace, filter, choice, MAX_SENT_PAIRS),
      quotes: (filter, from) => compareQuotePage(workspace, filter, from),
      entities: (filter) => compareEntityOutlets(workspace, filter),
      charts: (filter, pair) => compareCharts(workspace, filter, pair ?? undefined),
      async csv(table, filter) {
        const { fileName, text } = await compareCsv(workspace, table, filter);
        return { fileName, mimeType: 'text/csv;charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64') };
      },
    },
    measures: {
      list: () => workspace.queryIndex(measureCounts),
      async suggest(docId, annotationId) {
        const used = (await workspace.queryIndex(measureCounts)).map((m) => m.measure);
        return suggestFigureMeasure(await workspace.readDocument(docId), annotationId, used);
      },
    },
    review: {
      async annotators() {
        const counts = new Map(workspace.annotators.map((name) => [name, 0]));
        for (const [name, n] of await workspace.annotationsByAnnotator()) counts.set(name, n);
        return [...counts]
          .map(([name, annotations]) => ({ name, annotations }))
          .sort((x, y) => y.annotations - x.annotations || x.name.localeCompare(y.name));
      },
      async compare(a, b) {
        // One document at a time: only the review items and the counts are kept.
        const agreement = new AdjudicationTally(a, b);
        const documents = [];
        for await (const file of readDocuments(workspace, allDocumentIds())) {
          agreement.add(file);
          const compared = reviewDocument(file, a, b);
          if (compared.items.length) documents.push(compared);
        }
        const { before, after } = agreement.report();
        return { a, b, documents, agreement: before, curated: after };
      },
      async decide(docId, a, b, item, decision) {
        const { annotator, now } = author();
        if (decision.label && !workspace.labels.some((l) => l.id === decision.label)) throw new InvalidChangeError(`there is no label "${decision.label}" in this workspace`);
        return workspace.updateDocument(docId, (current) => {
          const file = decideItem(current, { a, b }, item, decision, annotator, now);
          return { file, result: reviewDocument(file, a, b) };
        });
      },
      async curateAgreed(docId, a, b) {
        const { now } = author();
        return workspace.updateDocument(docId, (current) => {
          const file = curateAgreed(current, a, b, now);
          return { file, result: reviewDocument(file, a, b) };
        });
      },
    },
  };
}
