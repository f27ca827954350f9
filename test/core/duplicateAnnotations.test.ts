// DESIGN §12: the same span with the same label by the same annotator is never created twice,
// whichever client asks.
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../main/core/annotations';
import { InvalidChangeError } from '../../main/core/errors';
import { DEFAULT_LABELS, SCHEMA_VERSION, type DocumentFile } from '../../main/core/model';
import { documentIdOf } from '../../main/core/text/readArticle';

const text = "Fighters loyal to Bashar al-Assad's forces shelled the town.";
const docId = documentIdOf(text);
const ana = { annotator: 'ana', now: '2026-12-05T10:00:00.000Z' };
const ben = { annotator: 'ben', now: '2026-12-05T11:00:00.000Z' };
const empty: DocumentFile = {
  schemaVersion: SCHEMA_VERSION,
  document: { id: docId, title: 't', sourceName: 't.txt', text, importedAt: ana.now, meta: {} },
  annotations: [],
  relations: [],
};
const phrase = "Bashar al-Assad's forces";
const at = { start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length };

describe('createAnnotation and duplicates', () => {
  it('refuses the same span and label by the same annotator, also when the span only trims to it', () => {
    const { file, result } = createAnnotation(empty, { docId, label: 'actor', ...at }, DEFAULT_LABELS, ana);
    expect(() => createAnnotation(file, { docId, label: 'actor', ...at }, DEFAULT_LABELS, ana)).toThrow(InvalidChangeError);
    expect(() => createAnnotation(file, { docId, label: 'actor', start: at.start - 1, end: at.end + 1 }, DEFAULT_LABELS, ana)).toThrow(result.id);
  });

  it('allows another label, another annotator, or another span', () => {
    let { file } = createAnnotation(empty, { docId, label: 'actor', ...at }, DEFAULT_LABELS, ana);
    file = createAnnotation(file, { docId, label: 'location', ...at }, DEFAULT_LABELS, ana).file;
    file = createAnnotation(file, { docId, label: 'actor', ...at }, DEFAULT_LABELS, ben).file;
    file = createAnnotation(file, { docId, label: 'actor', start: at.start, end: at.end - ' forces'.length }, DEFAULT_LABELS, ana).file;
    expect(file.annotations).toHaveLength(4);
  });
});
