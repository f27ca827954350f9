// A colleague's work as the exchange file they would send (code point offsets), for the browser
// tests that review, guard or count a colleague's tags.
import { randomUUID } from 'node:crypto';

/// A stored document, as far as an exchange file needs it.
export interface ExchangeSource {
  document: { id: string; title: string; text: string; sourceName?: string };
}

/// One of the colleague's tags: in `file`, `label` on the first occurrence of `phrase`.
export interface ColleagueTag {
  file: ExchangeSource;
  label: string;
  phrase: string;
  /// Who tagged it ("colleague" unless given).
  annotator?: string;
}

/// The exchange file holding `tags`: one document entry for each file tagged.
export function colleagueExchange(tags: readonly ColleagueTag[]): Buffer {
  const files = [...new Set(tags.map((t) => t.file))];
  const documents = files.map((file) => {
    const { text } = file.document;
    const codePoints = (at: number) => [...text.slice(0, at)].length;
    const annotations = tags
      .filter((t) => t.file === file)
      .map(({ label, phrase, annotator = 'colleague' }) => {
        const start = text.indexOf(phrase);
        if (start < 0) throw new Error(`not in ${file.document.sourceName ?? file.document.title}: ${phrase}`);
        return { id: randomUUID(), label, start: codePoints(start), end: codePoints(start + phrase.length), text: phrase, annotator, createdAt: new Date().toISOString() };
      });
    return { id: file.document.id, title: file.document.title, text, annotations, relations: [] };
  });
  const exchange = { format: 'annotation-workbench', version: 1, offsets: 'codepoints', exportedAt: new Date().toISOString(), exportedBy: 'colleague', labels: [], documents };
  return Buffer.from(JSON.stringify(exchange));
}
