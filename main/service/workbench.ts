/// The one implementation of the contract (`preload/api.ts`): a plain object of async functions
/// over the core. Both transports serve this object; neither adds behaviour of its own.
import type { WorkbenchApi, WorkspaceInfo } from '../../preload/api.js';
import {
  createAnnotation,
  deleteAnnotation,
  restoreAnnotation,
  setSpeaker,
  updateAnnotation,
  type Author,
} from '../core/annotations.js';
import { importExchange, parseExchange } from '../core/exchange/importExchange.js';
import { EXPORT_FILES, exportBytes, renderExport } from '../core/export/renderExport.js';
import { AgreementTally } from '../core/agreement.js';
import { importArticleUploads } from '../core/importArticles.js';
import { decideItem, pairLayers } from '../core/review.js';
import { searchDocuments } from '../core/search.js';
import { checkLabelList } from '../core/labels.js';
import { readDocuments } from '../core/store/readDocuments.js';
import type { Workspace } from '../core/store/workspace.js';

/// Builds the service over an open, writable workspace.
export function createWorkbench(workspace: Workspace): WorkbenchApi {
  const author = (): Author => ({ annotator: workspace.currentAnnotator, now: new Date().toISOString() });
  const allDocumentIds = () => workspace.listDocuments().map((d) => d.id);
  const info = (): WorkspaceInfo => ({
    path: workspace.dir,
    labels: workspace.labels,
    annotators: workspace.annotators,
    currentAnnotator: workspace.currentAnnotator,
    notices: [...workspace.notices],
  });
  return {
    workspace: {
      async info() {
        return info();
      },
    },
    documents: {
      list: async () => (await workspace.settledDocuments()).map(({ importedAt: _importedAt, ...listed }) => listed),
      async open(id) {
        const { document, annotations, relations } = await workspace.readDocument(id);
        const repairNotice = workspace.takeRepairNotice(id);
        return { document, annotations, relations, ...(repairNotice ? { repairNotice } : {}) };
      },
      search: (phrase) => searchDocuments(workspace, phrase),
      async import(files) {
        return importArticleUploads(
          workspace,
          files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
        );
      },
    },
    annotations: {
      create: (input) => workspace.updateDocument(input.docId, (file) => createAnnotation(file, input, workspace.labels, author())),
      update: ({ docId, ...change }) =>
        workspace.updateDocument(docId, (file) => updateAnnotation(file, change, workspace.labels, author())),
      delete: (docId, id) => workspace.updateDocument(docId, (file) => deleteAnnotation(file, id)),
      restore: (docId, removed) => workspace.updateDocument(docId, (file) => restoreAnnotation(file, removed, workspace.labels)),
    },
    relations: {
      setSpeaker: (docId, quoteId, actorId) => workspace.updateDocument(docId, (file) => setSpeaker(file, quoteId, actorId, author())),
    },
    labels: {
      save: (labels) => workspace.updateLabels(labels, (usage) => checkLabelList(labels, usage)),
    },
    settings: {
      async setAnnotator(name) {
        await workspace.updateIndex((index) => ({
          ...index,
          currentAnnotator: name,
          annotators: index.annotators.includes(name) ? index.annotators : [...index.annotators, name],
        }));
        return info();
      },
    },
    exports: {
      async build(format, scope) {
        const rendered = await renderExport(workspace, format, scope);
        const stamp = new Date().toISOString().slice(0, 10);
        return {
          fileName: `annotations-${stamp}${EXPORT_FILES[format].extension}`,
          mimeType: EXPORT_FILES[format].mimeType,
          // A text export is encoded from the string itself: no intermediate copy as bytes.
          base64: (rendered.kind === 'file' ? Buffer.from(rendered.content, 'utf8') : Buffer.from(exportBytes(rendered))).toString('base64'),
          summary: rendered.summary,
        };
      },
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
    review: {
      async annotators() {
        const counts = new Map(workspace.annotators.map((name) => [name, 0]));
        for await (const file of readDocuments(workspace, allDocumentIds())) {
          for (const a of file.annotations) counts.set(a.annotator, (counts.get(a.annotator) ?? 0) + 1);
        }
        return [...counts]
          .map(([name, annotations]) => ({ name, annotations }))
          .sort((x, y) => y.annotations - x.annotations || x.name.localeCompare(y.name));
      },
      async compare(a, b) {
        // One document at a time: only the review items and the counts are kept.
        const agreement = new AgreementTally(a, b);
        const documents = [];
        for await (const file of readDocuments(workspace, allDocumentIds())) {
          agreement.add(file);
          const items = pairLayers(file, a, b);
          if (items.length) documents.push({ id: file.document.id, title: file.document.title, items });
        }
        return { a, b, documents, agreement: agreement.report() };
      },
      async decide(docId, a, b, item, decision) {
        const { annotator, now } = author();
        return workspace.updateDocument(docId, (current) => {
          const file = decideItem(current, item, decision, annotator, now);
          return { file, result: { id: file.document.id, title: file.document.title, items: pairLayers(file, a, b) } };
        });
      },
    },
  };
}
