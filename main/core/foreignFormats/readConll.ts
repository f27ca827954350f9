/// CoNLL with IOB2 tags, as this app and most NER tools write it: one token per line with its tag
/// in the last column (tab- or space-separated), a blank line between sentences, `-DOCSTART-`
/// before each document. `B-X` starts a span, `I-X` continues it; an `I-X` that continues nothing
/// starts one (as IOB1 files have it). A span that goes on past a sentence break starts the next
/// sentence with `B-` again in this app's export (each sentence valid IOB2 on its own), so a
/// `B-X` that opens a sentence right after one ending inside an `X` span continues that span.
/// The file has the tokens but not the spacing between them: the text is found among the
/// workspace's documents (see placeConll.ts).
import { decodeUtf8, ForeignRejected, type ForeignDocument, type ForeignFile, type ForeignInput } from './foreignFile.js';
import { singleFile } from './readJsonLines.js';

const TAG = /^(O|[BI]-\S+)$/;

/// Whether text looks like CoNLL: its first lines with two or more columns end in IOB tags.
export function looksLikeConll(text: string): boolean {
  const lines = text.split('\n', 50).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return lines.length > 0 && lines.every((l) => l.split(/\s+/).length >= 2 && TAG.test(l.split(/\s+/).pop()!));
}

/// A span over tokens `[first, last]` of one document.
export interface TokenSpan {
  label: string;
  first: number;
  last: number;
  where: string;
}

/// A CoNLL document: its tokens, and its spans over them.
export interface ConllDocument extends ForeignDocument {
  tokens: { text: string; tag: string }[];
  tokenSpans: TokenSpan[];
  /// Token indexes that begin a sentence (the text is rebuilt with a line per sentence when no
  /// document of ours has these tokens).
  sentenceStarts: Set<number>;
}

/// Reads a CoNLL IOB2 file.
export function readConll(input: ForeignInput): ForeignFile {
  const [path, bytes] = singleFile(input, 'CoNLL');
  const documents: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let open: TokenSpan | null = null;
  let sentenceBreak = true;
  const newDocument = (line: number) => {
    doc = { name: `document ${documents.length + 1} (line ${line})`, unit: 'utf16', tokens: [], tokenSpans: [], sentenceStarts: new Set(), spans: [], relations: [] };
    documents.push(doc);
    open = null;
    sentenceBreak = true;
  };
  decodeUtf8(bytes, path, input.name).replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return void (sentenceBreak = true);
    if (line.startsWith('-DOCSTART-')) return newDocument(i + 1);
    if (line.startsWith('# ')) return;
    const columns = raw.includes('\t') ? raw.split('\t').map((c) => c.trim()) : line.split(/\s+/);
    const tag = columns[columns.length - 1];
    if (columns.length < 2 || !columns[0] || !TAG.test(tag)) throw new ForeignRejected(input.name, `line ${i + 1}: expected a token and an IOB2 tag (O, B-LABEL or I-LABEL), found ${JSON.stringify(raw.slice(0, 60))}`);
    if (!doc) newDocument(i + 1);
    const current = doc!;
    const index = current.tokens.length;
    current.tokens.push({ text: columns[0], tag });
    if (sentenceBreak) current.sentenceStarts.add(index);
    const label = tag.slice(2);
    const continues = open !== null && open.label === label && open.last === index - 1 && (tag.startsWith('I-') || sentenceBreak);
    if (tag === 'O') open = null;
    else if (continues) open!.last = index;
    else {
      open = { label, first: index, last: index, where: `line ${i + 1}` };
      current.tokenSpans.push(open);
    }
    sentenceBreak = false;
  });
  const filled = documents.filter((d) => d.tokens.length);
  if (!filled.length) throw new ForeignRejected(input.name, 'the file holds no tokens');
  return { format: 'conll', documents: filled, warnings: [] };
}
