/// The preview of "Tag all occurrences" over every document, from the SQL index alone: its
/// full-text table proposes the documents that hold the phrase's words in a row (a superset of
/// those holding the phrase as whole words), and each is confirmed against its text, which the
/// index also holds. The annotator's spans of the label are read in one query (what is already
/// tagged); a document's other spans only when its occurrences are listed (what they overlap).
/// No document file is read.
import type { Workspace } from '../store/workspace.js';
import { phraseWords } from '../text/searchWords.js';
import type { PhraseMatcher } from './phraseOccurrences.js';
import { PreviewBuilder, withOverlaps, type ExistingSpan, type TagAllOccurrence, type TagAllPreview, type TagAllRequest } from './tagAllPreview.js';

/// A candidate as read: its text as UTF-8 bytes, which SQLite hands over much faster than a
/// string (a common word's candidates are every document: 50 MB of text at 10,000 articles).
interface CandidateRow {
  seq: number;
  id: string;
  title: string;
  text: Buffer;
  /// The annotator's spans of the label in it, as `start:end` joined by commas; null for none.
  tagged: string | null;
}

/// The preview of `request` over every document of the workspace (see the module comment).
export async function previewEveryDocument(workspace: Workspace, request: TagAllRequest, matcher: PhraseMatcher, annotator: string, limit?: number): Promise<TagAllPreview> {
  const words = phraseWords(matcher.phrase);
  const builder = new PreviewBuilder(request, matcher, limit);
  if (!words.length) return builder.finish();
  return workspace.queryIndex((db) => {
    // Each candidate with the annotator's spans of the label in it, as "start:end,…".
    const candidates = db.prepare(
      `SELECT t.doc AS seq, d.id AS id, d.title AS title, CAST(t.text AS BLOB) AS text,
         (SELECT group_concat(a.start || ':' || a."end") FROM annotations a WHERE a.doc = t.doc AND a.label = ? AND a.annotator = ?) AS tagged
       FROM texts t JOIN documents d ON d.seq = t.doc
       WHERE t.doc IN (SELECT rowid FROM text_search WHERE text_search MATCH ?) ORDER BY t.doc`,
    );
    const spansOf = db.prepare('SELECT start, "end", label, annotator FROM annotations WHERE doc = ?');
    // The words are letters, digits and marks only: quoted, they are one FTS5 phrase.
    for (const row of candidates.iterate(request.label, annotator, `"${words.join(' ')}"`) as IterableIterator<CandidateRow>) {
      const text = row.text.toString('utf8');
      const spans = matcher.find(text);
      if (!spans.length) continue;
      const tagged = new Set(row.tagged?.split(',') ?? []);
      const occurrences: TagAllOccurrence[] = spans.map(({ start, end }) => ({
        start,
        end,
        text: text.slice(start, end),
        before: '',
        after: '',
        alreadyTagged: tagged.has(`${start}:${end}`),
        overlaps: [],
      }));
      // Kept to be listed: what each overlaps, filled into the array the builder keeps.
      if (builder.add(row.id, row.title, text, occurrences)) {
        const listed = withOverlaps(occurrences, spansOf.all(row.seq) as ExistingSpan[], request.label, annotator);
        occurrences.splice(0, occurrences.length, ...listed);
      }
    }
    return builder.finish();
  });
}
