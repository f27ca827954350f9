/// JSONL in the shapes two annotation tools read, one document per line, offsets in code points
/// (the characters of a Python string, which both tools' back ends count in):
/// - doccano (sequence labelling): `{"id", "text", "label": [[start, end, "label"], …], "meta",
///   "offsets": "codepoints"}`. doccano's browser counts UTF-16 units, so the line says which unit
///   it uses; this app's doccano import honours that.
/// - Prodigy (`ner_manual`, `spans`): `{"text", "tokens": [{text, start, end, id, ws}], "spans":
///   [{start, end, label, token_start?, token_end?}], "relations": [{head, child, head_span,
///   child_span, label}], "answer": "accept", "meta"}`. Tokens are the app's (DESIGN §5); a span's
///   `token_start`/`token_end` (inclusive, as Prodigy counts) are given when its ends fall on
///   token edges.
/// `meta` holds the document's id, title and metadata (DESIGN §10).
import type { Annotation, DocumentFile } from '../model.js';
import { OffsetConverter } from '../offsets.js';
import { tokenize } from '../tokens.js';

/// A document's id, title and metadata, as both tools' `meta`.
function metaOf(file: DocumentFile): Record<string, unknown> {
  return { id: file.document.id, title: file.document.title, ...file.document.meta };
}

/// The doccano line of one document, newline included.
export function doccanoLine(file: DocumentFile): string {
  const offsets = new OffsetConverter(file.document.text);
  const label = file.annotations.map((a) => [offsets.toCodePoint(a.start), offsets.toCodePoint(a.end), a.label]);
  return JSON.stringify({ id: file.document.id, text: file.document.text, label, meta: metaOf(file), offsets: 'codepoints' }) + '\n';
}

/// A Prodigy span: code point offsets, the label, and the tokens it covers when on token edges.
interface ProdigySpan {
  start: number;
  end: number;
  label: string;
  token_start?: number;
  token_end?: number;
}

/// The Prodigy line of one document, newline included.
export function prodigyLine(file: DocumentFile): string {
  const { text } = file.document;
  const offsets = new OffsetConverter(text);
  const tokens = tokenize(text);
  // Token index by the UTF-16 offset of its start and of its end.
  const startsAt = new Map(tokens.map((t, i) => [t.start, i]));
  const endsAt = new Map(tokens.map((t, i) => [t.end, i]));
  const spanOf = (a: Annotation): ProdigySpan => {
    const first = startsAt.get(a.start);
    const last = endsAt.get(a.end);
    const onTokens = first !== undefined && last !== undefined && last >= first;
    return { start: offsets.toCodePoint(a.start), end: offsets.toCodePoint(a.end), label: a.label, ...(onTokens ? { token_start: first, token_end: last } : {}) };
  };
  const spans = new Map(file.annotations.map((a) => [a.id, spanOf(a)]));
  const relations = file.relations.flatMap((r) => {
    const head = spans.get(r.from);
    const child = spans.get(r.to);
    if (!head || !child) return [];
    // Prodigy's `head` and `child` are token indices: the spans' last tokens, when on token edges.
    const tokenIndexes = head.token_end !== undefined && child.token_end !== undefined ? { head: head.token_end, child: child.token_end } : {};
    return [{ ...tokenIndexes, head_span: head, child_span: child, label: r.type }];
  });
  const tokenList = tokens.map((t, i) => ({
    text: t.text,
    start: offsets.toCodePoint(t.start),
    end: offsets.toCodePoint(t.end),
    id: i,
    ws: t.end < text.length && /\s/u.test(text[t.end]),
  }));
  return JSON.stringify({ text, tokens: tokenList, spans: [...spans.values()], relations, answer: 'accept', meta: metaOf(file) }) + '\n';
}

/// One doccano line per document.
export function exportDoccano(documents: DocumentFile[]): string {
  return documents.map(doccanoLine).join('');
}

/// One Prodigy line per document.
export function exportProdigy(documents: DocumentFile[]): string {
  return documents.map(prodigyLine).join('');
}
