/// Each export format rendered one document at a time: `writeExport` hands every document to the
/// format's renderer as it is read, writes the piece it gets back, and lets both go, so an export
/// holds one document and its rendering, never the corpus or the whole output. The pieces put
/// together are exactly the format's whole-list function (`exportCsv` and the others), which the
/// tests hold them to.
import type { DocumentFile, Label } from '../model.js';
import { bratConfig, bratDocumentFiles, bratTakenNames } from './exportBrat.js';
import { conllDocument, emptyConllReport, type ConllReport } from './exportConll.js';
import { CSV_HEADER, csvRows } from './exportCsv.js';
import { exchangeDocument, exchangeDocumentJson, exchangeEnd, exchangeSeparator, exchangeStart, exportExchange } from './exportExchange.js';
import { jsonlLine } from './exportJsonl.js';
import { w3cAnnotationsJson, w3cEnd, w3cStart } from './exportW3c.js';
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

/// A format that is a set of files (brat), rendered as its first files and then each document's.
export interface FilesRenderer {
  kind: 'files';
  /// The files that do not belong to a document.
  start(): ExportFile[];
  /// The files of one more document (already narrowed to the export's scope).
  add(file: DocumentFile): ExportFile[];
}

/// An export being rendered.
export type DocumentRenderer = TextRenderer | FilesRenderer;

/// What the exchange and W3C files say about who and what wrote them.
export interface ExportOrigin {
  labels: Label[];
  exportedBy: string;
  generator: string;
  now?: Date;
}

/// A text renderer without a start or end of its own, whose documents are simply one after the other.
function concatenated(add: (file: DocumentFile) => string, start = ''): TextRenderer {
  return { kind: 'text', start: () => start, add, end: () => '' };
}

/// The renderer of `format`.
export function documentRenderer(format: ExportFormat, origin: ExportOrigin): DocumentRenderer {
  const now = origin.now ?? new Date();
  switch (format) {
    case 'exchange': {
      const { documents: _none, ...envelope } = exportExchange([], origin.labels, origin.exportedBy, now);
      let added = 0;
      return {
        kind: 'text',
        start: () => exchangeStart(envelope),
        add: (file) => exchangeSeparator(added++) + exchangeDocumentJson(exchangeDocument(file)),
        end: (documents) => exchangeEnd(documents),
      };
    }
    case 'jsonl':
      return concatenated(jsonlLine);
    case 'csv':
      return concatenated(csvRows, CSV_HEADER);
    case 'conll': {
      const report = emptyConllReport();
      return { ...concatenated((file) => conllDocument(file, report)), conll: report };
    }
    case 'brat': {
      const taken = bratTakenNames();
      return {
        kind: 'files',
        start: () => [['annotation.conf', bratConfig(origin.labels)]],
        add: (file) => bratDocumentFiles(file, taken),
      };
    }
    case 'w3c': {
      // Items of all documents are one comma-separated list; a document without annotations adds nothing.
      let items = 0;
      return {
        kind: 'text',
        start: () => w3cStart(origin.generator, now),
        add: (file) => {
          const json = w3cAnnotationsJson(file);
          return json ? (items++ ? ',' : '') + json : '';
        },
        end: (_documents, annotations) => w3cEnd(annotations),
      };
    }
  }
}
