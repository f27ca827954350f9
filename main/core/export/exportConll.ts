/// CoNLL (IOB2) export (DESIGN §5): `token<TAB>tag` per line, a blank line between sentences, and
/// `-DOCSTART-<TAB>O` plus a blank line before each document. Tags are `B-`/`I-` and the label id
/// in capitals. Where spans overlap, the earlier-starting (then longer) span tags the token; spans
/// that end up tagging nothing are counted and reported. Every sentence is valid IOB2 on its own:
/// a span that goes on past a sentence break starts the next sentence with `B-` again, as readers
/// that take each sentence alone (NLTK, seqeval's strict mode) require.
import type { DocumentFile } from '../model.js';
import { endsSentence, tagTokens, tokenize } from '../tokens.js';

/// What a CoNLL export could not express.
export interface ConllReport {
  /// Spans hidden behind overlapping spans (no token carries their tag).
  lostSpans: number;
  lost: { documentId: string; annotationId: string; label: string; text: string }[];
}

/// The `B-` and `I-` tag lines of each label seen so far.
const TAG_LINES = new Map<string, [string, string]>();

/// The rest of a token's line after its text, for a token owned by a span labelled `label`:
/// `\tB-LABEL\n`, or `\tI-LABEL\n` when the span continues; made once per label, not per token.
function tagLine(label: string, continues: boolean): string {
  let pair = TAG_LINES.get(label);
  if (!pair) {
    const upper = label.toUpperCase();
    pair = [`\tB-${upper}\n`, `\tI-${upper}\n`];
    TAG_LINES.set(label, pair);
  }
  return pair[continues ? 1 : 0];
}

/// A report with nothing lost yet.
export function emptyConllReport(): ConllReport {
  return { lostSpans: 0, lost: [] };
}

/// The CoNLL lines of one document, starting with `-DOCSTART-` and ending in a blank line; its
/// lost spans are added to `report`.
export function conllDocument(file: DocumentFile, report: ConllReport): string {
  const text = file.document.text;
  // Pieces joined once at the end: each token's text, then its tag and line break.
  const pieces: string[] = ['-DOCSTART-\tO\n\n'];
  const tokens = tokenize(text);
  const { owners, lost } = tagTokens(tokens, file.annotations);
  for (const a of lost) report.lost.push({ documentId: file.document.id, annotationId: a.id, label: a.label, text: a.quote });
  report.lostSpans += lost.length;
  let sentenceOpen = false;
  // The next line break at or after the previous token: a sentence also ends at a line break.
  let newline = text.indexOf('\n');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (newline >= 0 && newline < token.start) {
      if (sentenceOpen) pieces.push('\n');
      sentenceOpen = false;
      newline = text.indexOf('\n', token.start);
    }
    const owner = owners[i];
    // `I-` only inside the sentence where the span's tokens began or went on.
    pieces.push(token.text, owner ? tagLine(owner.label, sentenceOpen && owners[i - 1] === owner) : '\tO\n');
    sentenceOpen = true;
    if (endsSentence(token)) {
      pieces.push('\n');
      sentenceOpen = false;
    }
  }
  if (sentenceOpen) pieces.push('\n');
  return pieces.join('');
}

/// The CoNLL text for `documents`, and the spans it had to drop.
export function exportConll(documents: DocumentFile[]): { text: string; report: ConllReport } {
  const report = emptyConllReport();
  // One string per document, joined once: no array of every line of the corpus.
  return { text: documents.map((file) => conllDocument(file, report)).join(''), report };
}
