/// Each export format rendered one document at a time: `renderExport` hands every document to the
/// format's renderer as it is read and then lets it go, so an export never holds the parsed
/// documents of the whole workspace, only the text it writes. The output is exactly that of the
/// format's whole-list function (`exportCsv` and the others), which the tests hold to it.
import type { DocumentFile, Label } from '../model.js';
import { bratConfig, bratDocumentFiles, bratTakenNames } from './exportBrat.js';
import { conllDocument, emptyConllReport } from './exportConll.js';
import { CSV_HEADER, csvRows } from './exportCsv.js';
import { exchangeDocument, exchangeDocumentJson, exchangeJson, exportExchange } from './exportExchange.js';
import { jsonlLine } from './exportJsonl.js';
import { w3cAnnotationsJson, w3cJson } from './exportW3c.js';
import type { ExportFormat, ExportSummary, RenderedExport } from './renderExport.js';

/// An export being rendered.
export interface DocumentRenderer {
  /// Renders one more document (already narrowed to the export's scope).
  add(file: DocumentFile): void;
  /// The export, once every document is added.
  finish(summary: ExportSummary): RenderedExport;
}

/// What the exchange and W3C files say about who and what wrote them.
export interface ExportOrigin {
  labels: Label[];
  exportedBy: string;
  generator: string;
  now?: Date;
}

/// A renderer of one text file from per-document pieces joined at the end.
function textRenderer(piece: (file: DocumentFile) => string, whole: (pieces: string[], summary: ExportSummary) => string): DocumentRenderer {
  const pieces: string[] = [];
  return {
    add: (file) => void pieces.push(piece(file)),
    finish: (summary) => ({ kind: 'file', content: whole(pieces, summary), summary }),
  };
}

/// The renderer of `format`.
export function documentRenderer(format: ExportFormat, origin: ExportOrigin): DocumentRenderer {
  const now = origin.now ?? new Date();
  switch (format) {
    case 'exchange': {
      const envelope = exportExchange([], origin.labels, origin.exportedBy, now);
      return textRenderer((file) => exchangeDocumentJson(exchangeDocument(file)), (pieces) => exchangeJson(envelope, pieces));
    }
    case 'jsonl':
      return textRenderer(jsonlLine, (pieces) => pieces.join(''));
    case 'csv':
      return textRenderer(csvRows, (pieces) => CSV_HEADER + pieces.join(''));
    case 'conll': {
      const report = emptyConllReport();
      const text = textRenderer((file) => conllDocument(file, report), (pieces) => pieces.join(''));
      return { add: text.add, finish: (summary) => text.finish({ ...summary, conll: report }) };
    }
    case 'brat': {
      const files = new Map<string, string>([['annotation.conf', bratConfig(origin.labels)]]);
      const taken = bratTakenNames();
      return {
        add: (file) => {
          for (const [path, content] of bratDocumentFiles(file, taken)) files.set(path, content);
        },
        finish: (summary) => ({ kind: 'files', files, summary }),
      };
    }
    case 'w3c':
      return textRenderer(w3cAnnotationsJson, (pieces, summary) => w3cJson(pieces, summary.annotations, origin.generator, now));
  }
}
