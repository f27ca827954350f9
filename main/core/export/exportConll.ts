/// CoNLL (IOB2) export (DESIGN §5): `token<TAB>tag` per line, a blank line between sentences, and
/// `-DOCSTART-<TAB>O` plus a blank line before each document. Tags are `B-`/`I-` and the label id
/// in capitals. Where spans overlap, the earlier-starting (then longer) span tags the token; spans
/// that end up tagging nothing are counted and reported.
import type { DocumentFile } from '../model.js';
import { tagTokens, tokenize } from '../tokens.js';

/// What a CoNLL export could not express.
export interface ConllReport {
  /// Spans hidden behind overlapping spans (no token carries their tag).
  lostSpans: number;
  lost: { documentId: string; annotationId: string; label: string; text: string }[];
}

const SENTENCE_END = new Set(['.', '!', '?', '…']);

/// The CoNLL text for `documents`, and the spans it had to drop.
export function exportConll(documents: DocumentFile[]): { text: string; report: ConllReport } {
  const lines: string[] = [];
  const report: ConllReport = { lostSpans: 0, lost: [] };
  for (const file of documents) {
    const text = file.document.text;
    lines.push('-DOCSTART-\tO', '');
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
        if (sentenceOpen) lines.push('');
        sentenceOpen = false;
        newline = text.indexOf('\n', token.start);
      }
      const owner = owners[i];
      const tag = owner ? `${i > 0 && owners[i - 1] === owner ? 'I' : 'B'}-${owner.label.toUpperCase()}` : 'O';
      lines.push(`${token.text}\t${tag}`);
      sentenceOpen = true;
      if (SENTENCE_END.has(token.text)) {
        lines.push('');
        sentenceOpen = false;
      }
    }
    if (sentenceOpen) lines.push('');
  }
  return { text: lines.join('\n') + (lines.length ? '\n' : ''), report };
}
