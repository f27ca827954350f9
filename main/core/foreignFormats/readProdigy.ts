/// Prodigy JSONL: one task per line with `text` and `spans: [{start, end, label}]` (and
/// `relations: [{head_span, child_span, label}]`), counted in characters of Python strings, that
/// is code points. Only accepted answers are annotations: a task answered `reject` or `ignore`
/// is left out, with a warning.
import { ForeignRejected, type ForeignDocument, type ForeignFile, type ForeignInput, type ForeignSpan } from './foreignFile.js';
import { arrayOf, isObject, needNumber, needString, readJsonLines } from './readJsonLines.js';

/// Whether a line looks like Prodigy's.
export function looksLikeProdigy(line: Record<string, unknown>): boolean {
  return typeof line.text === 'string' && Array.isArray(line.spans);
}

/// Reads a Prodigy JSONL file.
export function readProdigy(input: ForeignInput): ForeignFile {
  const warnings: string[] = [];
  let notAccepted = 0;
  const documents: ForeignDocument[] = [];
  for (const { line, value } of readJsonLines(input, 'Prodigy')) {
    const where = `line ${line}`;
    if (value.answer !== undefined && value.answer !== 'accept') {
      notAccepted++;
      continue;
    }
    const text = needString(input, where, value.text, '"text"');
    const annotator = typeof value._annotator_id === 'string' ? value._annotator_id : typeof value._session_id === 'string' ? value._session_id : undefined;
    const spans: ForeignSpan[] = arrayOf(input, where, value.spans, '"spans"').map((entry, i) => {
      const at = `${where} spans[${i}]`;
      if (!isObject(entry)) throw new ForeignRejected(input.name, `${at}: expected an object`);
      const start = needNumber(input, at, entry.start, 'start');
      const end = needNumber(input, at, entry.end, 'end');
      return { id: `${start}:${end}`, start, end, label: needString(input, at, entry.label, 'label'), ...(typeof entry.text === 'string' ? { text: entry.text } : {}), ...(annotator ? { annotator } : {}), where: at };
    });
    const doc: ForeignDocument = { name: where, text, unit: 'codepoints', spans, relations: [] };
    arrayOf(input, where, value.relations, '"relations"').forEach((entry, i) => {
      const at = `${where} relations[${i}]`;
      if (!isObject(entry) || !isObject(entry.head_span) || !isObject(entry.child_span)) throw new ForeignRejected(input.name, `${at}: expected head_span and child_span`);
      const key = (span: Record<string, unknown>) => `${String(span.start)}:${String(span.end)}`;
      doc.relations.push({ type: needString(input, at, entry.label, 'label'), from: key(entry.head_span), to: key(entry.child_span), where: at });
    });
    documents.push(doc);
  }
  if (notAccepted) warnings.push(`${notAccepted} task(s) answered reject or ignore were left out`);
  return { format: 'prodigy', documents, warnings };
}
