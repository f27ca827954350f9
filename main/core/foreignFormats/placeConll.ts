/// Where a CoNLL document's tokens are in the workspace. A CoNLL file keeps the tokens but not the
/// spacing between them, so the text is the document of ours whose characters, leaving out
/// whitespace, are the tokens joined: candidates come from the full-text index (the phrase of the
/// first words), and the tokens are then walked through the text to find each one's offsets. When
/// no document has them, the text is rebuilt from the tokens (single spaces, a line per sentence)
/// and becomes a new document, with a warning: its spacing is not the original's, so the same
/// article imported later as a file will not be recognised as this document.
import type { Workspace } from '../store/workspace.js';
import { phraseWords } from '../text/searchWords.js';
import type { ConllDocument } from './readConll.js';

/// Words of the phrase asked of the index, and candidates read.
const PHRASE_WORDS = 8;
const CANDIDATES = 50;

/// The UTF-16 offsets of each token in `text`, or null when the text's non-space characters are
/// not exactly the tokens.
export function alignTokens(text: string, tokens: readonly { text: string }[]): { start: number; end: number }[] | null {
  const places: { start: number; end: number }[] = [];
  let at = 0;
  for (const token of tokens) {
    while (at < text.length && /\s/.test(text[at])) at++;
    if (!text.startsWith(token.text, at)) return null;
    places.push({ start: at, end: at + token.text.length });
    at += token.text.length;
  }
  return /^\s*$/.test(text.slice(at)) ? places : null;
}

/// The text of ours with the tokens, and where each token is; else a text rebuilt from them.
export function placeConll(workspace: Workspace, doc: ConllDocument): { text: string; id?: string; places: { start: number; end: number }[]; rebuilt: boolean } {
  const squeezed = doc.tokens.map((t) => t.text).join('');
  const words = phraseWords(doc.tokens.slice(0, 40).map((t) => t.text).join(' ')).slice(0, PHRASE_WORDS);
  if (words.length) {
    for (const candidate of workspace.searchCandidates(words, 0, CANDIDATES)) {
      if (candidate.text.replace(/\s+/g, '') !== squeezed) continue;
      const places = alignTokens(candidate.text, doc.tokens);
      if (places) return { text: candidate.text, id: candidate.id, places, rebuilt: false };
    }
  }
  let text = '';
  const places = doc.tokens.map((token, i) => {
    if (i > 0) text += doc.sentenceStarts.has(i) ? '\n' : ' ';
    const start = text.length;
    text += token.text;
    return { start, end: text.length };
  });
  return { text, places, rebuilt: true };
}
