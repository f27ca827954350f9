/// Each export format rendered one document at a time: `writeExport` hands every document to the
/// format's renderer as it is read, writes the piece it gets back, and lets both go, so an export
/// holds one document and its rendering, never the corpus or the whole output. The pieces put
/// together are exactly the format's whole-list function (`exportCsv` and the others), which the
/// tests hold them to.
import type { DocumentFile, Entity, Label } from '../model.js';
import { BratLayerFolders, type BratReport, bratConfig, bratDeclarations, bratDocumentFiles, bratTakenNames } from './exportBrat.js';
import { conllDocument, emptyConllReport, type ConllReport } from './exportConll.js';
import { exportContext } from './exportContext.js';
import { csvRows, csvStart } from './exportCsv.js';
import { exchangeDocument, exchangeDocumentJson, exchangeEnd, exchangeEnvelope, exchangeSeparator, exchangeStart } from './exportExchange.js';
import { jsonlLine } from './exportJsonl.js';
import { doccanoLine, prodigyLine } from './exportJsonlTools.js';
import { newW3cExportId, w3cAnnotationsJson, w3cEnd, w3cStart } from './exportW3c.js';
import type { ExportFormat } from './renderExport.js';

/// A format that is one text file, rendered as its start, one piece per document, and its end.
export interface TextRenderer {
  kind: 'text';
  /// The text before the first document.
  start(): string;
  /// The text of one more document (already narrowed to the export's scope).
  add(file: DocumentFile): string;
  /// The text after the last document, once `documents` documents with `annotations` in all are added.
  end(documents: number, annotations: number): string;
  /// CoNLL only: spans hidden behind overlapping spans, so far.
  conll?: ConllReport;
}

/// A file of a format that is a set of files (brat): its path relative to the export's folder, and its text.
export type ExportFile = [path: string, content: string];

/// A format that is a set of files (brat), rendered as each document's files, then the others.
export interface FilesRenderer {
  kind: 'files';
  /// The files of one more document (already narrowed to the export's scope).
  add(file: DocumentFile): ExportFile[];
  /// The files that do not belong to a document (brat's `annotation.conf`, which lists what the
  /// documents used), once every document is added.
  end(): ExportFile[];
  /// brat with a folder per annotator: links between two layers, left out so far.
  brat?: BratReport;
}

/// An export being rendered.
export type DocumentRenderer = TextRenderer | FilesRenderer;

/// What the exchange and W3C files say about who and what wrote them, and the workspace's labels
/// and entities the documents are rendered with.
export interface ExportOrigin {
  labels: Label[];
  exportedBy: string;
  generator: string;
  now?: Date;
  /// Every entity of the workspace (none when not given).
  entities?: Entity[];
  /// The entities the exchange file lists (all of `entities` when not given): those the exported
  /// spans link to.
  exchangeEntities?: Entity[];
  /// The W3C collection's id (a new UUID when not given).
  exportId?: string;
  /// CSV: whether the file starts with a UTF-8 byte order mark (it does unless this is false).
  bom?: boolean;
  /// brat: the annotators whose layers the export holds; with more than one, each layer goes into
  /// a folder of its own.
  layerAnnotators?: readonly string[];
}

/// A text renderer without a start or end of its own, whose documents are simply one after the other.
function concatenated(add: (file: DocumentFile) => string, start = ''): TextRenderer {
  return { kind: 'text', start: () => start, add, end: () => '' };
}

/// The renderer of `format`.
export function documentRenderer(format: ExportFormat, origin: ExportOrigin): DocumentRenderer {
  const now = origin.now ?? new Date();
  const context = exportContext(origin.labels, origin.entities);
  switch (format) {
    case 'exchange': {
      const listedEntities = origin.exchangeEntities ?? origin.entities ?? [];
      const listed = new Set(listedEntities.map((e) => e.id));
      let added = 0;
      return {
        kind: 'text',
        start: () => exchangeStart(exchangeEnvelope(origin.labels, origin.exportedBy, now, listedEntities)),
        add: (file) => exchangeSeparator(added++) + exchangeDocumentJson(exchangeDocument(file, listed)),
        end: (documents) => exchangeEnd(documents),
      };
    }
    case 'jsonl':
      return concatenated((file) => jsonlLine(file, context));
    case 'doccano':
      return concatenated(doccanoLine);
    case 'prodigy':
      return concatenated(prodigyLine);
    case 'csv':
      return concatenated((file) => csvRows(file, context), csvStart(origin.bom ?? true));
    case 'conll': {
      const report = emptyConllReport();
      return { ...concatenated((file) => conllDocument(file, report)), conll: report };
    }
    case 'brat': {
      const taken = bratTakenNames();
      const declarations = bratDeclarations(origin.labels);
      const annotators = origin.layerAnnotators ?? [];
      const layers = annotators.length > 1 ? new BratLayerFolders(annotators) : undefined;
      return {
        kind: 'files',
        add: (file) => bratDocumentFiles(file, taken, context, declarations, layers),
        end: () => [['annotation.conf', bratConfig(origin.labels, declarations)]],
        ...(layers ? { brat: layers.report } : {}),
      };
    }
    case 'w3c': {
      // Items of all documents are one comma-separated list; a document without any adds nothing.
      // They are counted here: links are items too.
      let total = 0;
      const exportId = origin.exportId ?? newW3cExportId();
      return {
        kind: 'text',
        start: () => w3cStart(origin.generator, now, exportId),
        add: (file) => {
          const { json, items } = w3cAnnotationsJson(file, context);
          if (!items) return '';
          const separator = total ? ',' : '';
          total += items;
          return separator + json;
        },
        end: () => w3cEnd(total),
      };
    }
  }
}
