// DESIGN §12: the same span with the same label by the same annotator is never created twice,
// whichever client asks.
import { describe, expect, it } from 'vitest';
import { createAnnotation, updateAnnotation } from '../../main/core/annotations';
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

describe('updateAnnotation moving a span (extending a tag)', () => {
  const note = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'n' }] }] };
  const short = { start: text.indexOf('al-Assad'), end: text.indexOf('al-Assad') + 'al-Assad'.length };

  it('moves the span, trimmed, with its quote, keeping id, note and entity', () => {
    const made = createAnnotation(empty, { docId, label: 'actor', ...short, note, entityId: '0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70' }, DEFAULT_LABELS, ana);
    const { file, result } = updateAnnotation(made.file, { id: made.result.id, start: at.start - 1, end: at.end }, DEFAULT_LABELS, ben);
    expect(result).toMatchObject({ id: made.result.id, ...at, quote: phrase, note, entityId: made.result.entityId, annotator: 'ana' });
    expect(file.annotations).toEqual([result]);
  });

  it('refuses a span outside the text, splitting a surrogate pair, only whitespace, one end alone, or making a duplicate', () => {
    const emoji = '😀 x';
    const e: DocumentFile = { ...empty, document: { ...empty.document, id: documentIdOf(emoji), text: emoji } };
    const made = createAnnotation(e, { docId: e.document.id, label: 'actor', start: 3, end: 4 }, DEFAULT_LABELS, ana);
    expect(() => updateAnnotation(made.file, { id: made.result.id, start: 1, end: 4 }, DEFAULT_LABELS, ana)).toThrow(InvalidChangeError);
    expect(() => updateAnnotation(made.file, { id: made.result.id, start: 0, end: 9 }, DEFAULT_LABELS, ana)).toThrow(InvalidChangeError);
    expect(() => updateAnnotation(made.file, { id: made.result.id, start: 2, end: 3 }, DEFAULT_LABELS, ana)).toThrow(InvalidChangeError);
    expect(() => updateAnnotation(made.file, { id: made.result.id, start: 0 }, DEFAULT_LABELS, ana)).toThrow(InvalidChangeError);
    let { file } = createAnnotation(empty, { docId, label: 'actor', ...at }, DEFAULT_LABELS, ana);
    const other = createAnnotation(file, { docId, label: 'actor', ...short }, DEFAULT_LABELS, ana);
    file = other.file;
    expect(() => updateAnnotation(file, { id: other.result.id, ...at }, DEFAULT_LABELS, ana)).toThrow(InvalidChangeError);
  });

  it('reads a figure’s interval from its new text', () => {
    const t = 'about 200 to 300 people fled';
    const f: DocumentFile = { ...empty, document: { ...empty.document, id: documentIdOf(t), text: t } };
    const made = createAnnotation(f, { docId: f.document.id, label: 'figure', start: t.indexOf('200'), end: t.indexOf('200') + 3 }, DEFAULT_LABELS, ana);
    const { result } = updateAnnotation(made.file, { id: made.result.id, start: t.indexOf('200'), end: t.indexOf('300') + 3 }, DEFAULT_LABELS, ana);
    expect(result.quote).toBe('200 to 300');
    expect(result.quantity).not.toEqual(made.result.quantity);
  });
});
