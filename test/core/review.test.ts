import { describe, expect, it } from 'vitest';
import { DocumentFileSchema, SCHEMA_VERSION, type Annotation, type DocumentFile } from '../../main/core/model';
import { decideItem, pairLayers } from '../../main/core/review';
import { documentIdOf } from '../../main/core/text/readArticle';

const text = 'Staffan de Mistura met Lavrov in Geneva on Monday, said 13,346 civilians left.';
const id = documentIdOf(text);
let n = 0;
function ann(annotator: string, label: string, phrase: string, trimStart = 0): Annotation {
  const start = text.indexOf(phrase) + trimStart;
  return {
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, docId: id, label, start, end: text.indexOf(phrase) + phrase.length, quote: text.slice(start, text.indexOf(phrase) + phrase.length),
    annotator, createdAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-22T00:00:00.000Z', origin: 'manual',
  };
}
const file = (annotations: Annotation[]): DocumentFile => ({
  schemaVersion: SCHEMA_VERSION,
  document: { id, title: 'T', sourceName: 't.txt', text, importedAt: '2026-11-22T00:00:00.000Z', meta: {} },
  annotations,
  relations: [],
});

describe('pairing two layers', () => {
  it('finds matches, label conflicts, boundary conflicts, only-A and only-B, in text order', () => {
    const doc = file([
      ann('ana', 'actor', 'Staffan de Mistura'), ann('ben', 'actor', 'Staffan de Mistura'),
      ann('ana', 'actor', 'Lavrov'), ann('ben', 'location', 'Lavrov'),
      ann('ana', 'location', 'in Geneva'), ann('ben', 'location', 'in Geneva', 3),
      ann('ana', 'figure', '13,346'),
      ann('ben', 'actor', 'civilians'),
    ]);
    expect(pairLayers(doc, 'ana', 'ben').map((i) => [i.kind, (i.a ?? i.b)!.quote])).toEqual([
      ['match', 'Staffan de Mistura'],
      ['label-conflict', 'Lavrov'],
      ['boundary-conflict', 'in Geneva'],
      ['only-a', '13,346'],
      ['only-b', 'civilians'],
    ]);
  });
});

describe('deciding', () => {
  const now = '2026-11-23T00:00:00.000Z';

  it('accepting an only-B span copies it into the reviewer layer (origin import) and marks it accepted', () => {
    const theirs = ann('ben', 'actor', 'civilians');
    const next = decideItem(file([theirs]), { b: theirs.id }, { status: 'accepted' }, 'ana', now);
    expect(next.annotations.find((a) => a.id === theirs.id)!.review).toEqual({ status: 'accepted', by: 'ana', at: now });
    const copy = next.annotations.find((a) => a.annotator === 'ana')!;
    expect(copy).toMatchObject({ label: 'actor', start: theirs.start, end: theirs.end, origin: 'import' });
    expect(copy.id).not.toBe(theirs.id);
    expect(DocumentFileSchema.safeParse(next).success).toBe(true);
    expect(pairLayers(next, 'ana', 'ben').map((i) => i.kind)).toEqual(['match']);
  });

  it('accepting B in a conflict replaces the reviewer span; rejecting keeps it and marks B rejected', () => {
    const mine = ann('ana', 'actor', 'Lavrov');
    const theirs = ann('ben', 'location', 'Lavrov');
    const accepted = decideItem(file([mine, theirs]), { a: mine.id, b: theirs.id }, { status: 'accepted' }, 'ana', now);
    expect(accepted.annotations.filter((a) => a.annotator === 'ana').map((a) => a.label)).toEqual(['location']);
    expect(pairLayers(accepted, 'ana', 'ben').map((i) => i.kind)).toEqual(['match']);
    const rejected = decideItem(file([mine, theirs]), { a: mine.id, b: theirs.id }, { status: 'rejected', comment: 'a person' }, 'ana', now);
    expect(rejected.annotations.find((a) => a.id === theirs.id)!.review).toEqual({ status: 'rejected', by: 'ana', at: now, comment: 'a person' });
    expect(rejected.annotations.find((a) => a.id === mine.id)!.review?.status).toBe('accepted');
  });

  it('an only-A decision marks the reviewer span; unknown ids are refused', () => {
    const mine = ann('ana', 'figure', '13,346');
    const next = decideItem(file([mine]), { a: mine.id }, { status: 'rejected' }, 'ana', now);
    expect(next.annotations).toHaveLength(1);
    expect(next.annotations[0].review?.status).toBe('rejected');
    expect(() => decideItem(file([mine]), { b: '00000000-0000-4000-8000-999999999999' }, { status: 'accepted' }, 'ana', now)).toThrow('no annotation');
  });
});

describe('annotators for review', () => {
  it('are counted by the service across documents, most first, known names without tags included', async () => {
    const { Workspace } = await import('../../main/core/store/workspace');
    const { createWorkbench } = await import('../../main/service/workbench');
    const { tempDir } = await import('../helpers');
    const { articleFromBytes } = await import('../../main/core/text/readArticle');
    const ws = await Workspace.open(tempDir());
    const api = createWorkbench(ws);
    await ws.importArticle(articleFromBytes('t.txt', new TextEncoder().encode(text)));
    await api.settings.setAnnotator('ana');
    await api.annotations.create({ docId: id, label: 'actor', start: 0, end: 7 });
    await api.settings.setAnnotator('ben');
    await api.annotations.create({ docId: id, label: 'actor', start: 0, end: 7 });
    await api.annotations.create({ docId: id, label: 'location', start: text.indexOf('Geneva'), end: text.indexOf('Geneva') + 6 });
    await api.settings.setAnnotator('zoe');
    const counted = await api.review.annotators();
    expect(counted.filter((c) => c.name !== ws.annotators[0] || c.annotations > 0)).toEqual([
      { name: 'ben', annotations: 2 },
      { name: 'ana', annotations: 1 },
      { name: 'zoe', annotations: 0 },
    ]);
    await ws.close();
  });
});

describe('accepting a colleague\'s span', () => {
  it('refuses a copy that would cut an emoji in half (a span stored before imports checked that)', () => {
    const emojiText = 'Rebels 😀 left.';
    const emojiId = documentIdOf(emojiText);
    const half: Annotation = {
      id: '00000000-0000-4000-8000-00000000aaaa', docId: emojiId, label: 'actor', start: 0, end: 8, quote: emojiText.slice(0, 8),
      annotator: 'ben', createdAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-22T00:00:00.000Z', origin: 'import',
    };
    const doc: DocumentFile = { ...file([half]), document: { ...file([]).document, id: emojiId, text: emojiText } };
    expect(() => decideItem(doc, { b: half.id }, { status: 'accepted' }, 'ana', '2026-11-23T00:00:00.000Z')).toThrow(/span 0–8 ends inside a character/);
  });
});
