import { describe, expect, it } from 'vitest';
import { DocumentFileSchema, SCHEMA_VERSION, type Annotation, type DocumentFile } from '../../main/core/model';
import { AdjudicationTally } from '../../main/core/adjudicationAgreement';
import { CURATION_LAYER, curateAgreed, decideItem, pairLayers, reviewDocument } from '../../main/core/review';
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
  const layers = { a: 'ana', b: 'ben' };
  const curated = (f: DocumentFile) => f.annotations.filter((x) => x.annotator === CURATION_LAYER).map((x) => [x.label, x.quote, x.origin]);
  const own = (f: DocumentFile) => f.annotations.filter((x) => x.annotator !== CURATION_LAYER).map(({ review: _r, updatedAt: _u, ...x }) => x);

  it("accepting an only-B span puts a copy into the curated layer, marks B's accepted, and changes neither layer", () => {
    const theirs = ann('ben', 'actor', 'civilians');
    const before = file([theirs]);
    const next = decideItem(before, layers, { b: theirs.id }, { status: 'accepted' }, 'ana', now);
    expect(next.annotations.find((a) => a.id === theirs.id)!.review).toEqual({ status: 'accepted', by: 'ana', at: now });
    expect(curated(next)).toEqual([['actor', 'civilians', 'import']]);
    expect(next.annotations.find((a) => a.annotator === CURATION_LAYER)!.id).not.toBe(theirs.id);
    expect(own(next)).toEqual(own(before));
    expect(DocumentFileSchema.safeParse(next).success).toBe(true);
    expect(pairLayers(next, 'ana', 'ben').map((i) => i.kind)).toEqual(['only-b']);
  });

  it("a conflict: accept curates B's span, reject curates A's, deciding again replaces the outcome; the agreed spans join the curated layer", () => {
    const agreedA = ann('ana', 'actor', 'Staffan de Mistura');
    const agreedB = ann('ben', 'actor', 'Staffan de Mistura');
    const mine = ann('ana', 'actor', 'Lavrov');
    const theirs = ann('ben', 'location', 'Lavrov');
    const start = file([agreedA, agreedB, mine, theirs]);
    const accepted = decideItem(start, layers, { a: mine.id, b: theirs.id }, { status: 'accepted' }, 'ana', now);
    expect(curated(accepted)).toEqual([['actor', 'Staffan de Mistura', 'import'], ['location', 'Lavrov', 'import']]);
    expect(own(accepted)).toEqual(own(start));
    const rejected = decideItem(accepted, layers, { a: mine.id, b: theirs.id }, { status: 'rejected', comment: 'a person' }, 'ana', now);
    expect(curated(rejected)).toEqual([['actor', 'Staffan de Mistura', 'import'], ['actor', 'Lavrov', 'import']]);
    expect(rejected.annotations.find((a) => a.id === theirs.id)!.review).toEqual({ status: 'rejected', by: 'ana', at: now, comment: 'a person' });
    expect(rejected.annotations.find((a) => a.id === mine.id)!.review?.status).toBe('accepted');
    expect(pairLayers(rejected, 'ana', 'ben').map((i) => i.kind)).toEqual(['match', 'label-conflict']);
  });

  it('counts the agreed spans the curated layer does not hold yet: all before any decision, none after one, and a rejected match is not counted', () => {
    const agreedA = ann('ana', 'actor', 'Staffan de Mistura');
    const agreedB = ann('ben', 'actor', 'Staffan de Mistura');
    const agreed2A = ann('ana', 'location', 'Lavrov');
    const agreed2B = ann('ben', 'location', 'Lavrov');
    const start = file([agreedA, agreedB, agreed2A, agreed2B]);
    expect(reviewDocument(start, 'ana', 'ben')).toMatchObject({ id: start.document.id, agreedNotCurated: 2 });
    expect(reviewDocument(start, 'ana', 'ben').items.map((i) => i.kind)).toEqual(['match', 'match']);
    // Accepting one match brings every agreed span in.
    const accepted = decideItem(start, layers, { a: agreedA.id, b: agreedB.id }, { status: 'accepted' }, 'ana', now);
    expect(curated(accepted)).toEqual([['actor', 'Staffan de Mistura', 'import'], ['location', 'Lavrov', 'import']]);
    expect(reviewDocument(accepted, 'ana', 'ben').agreedNotCurated).toBe(0);
    // A match rejected before any is curated is neither counted nor curated.
    const rejected = decideItem(start, layers, { a: agreed2A.id, b: agreed2B.id }, { status: 'rejected' }, 'ana', now);
    expect(curated(rejected)).toEqual([['actor', 'Staffan de Mistura', 'import']]);
    expect(reviewDocument(rejected, 'ana', 'ben').agreedNotCurated).toBe(0);
  });

  it('curateAgreed puts the agreed spans into the curated layer once each, and records no decision', () => {
    const agreedA = ann('ana', 'actor', 'Staffan de Mistura');
    const agreedB = ann('ben', 'actor', 'Staffan de Mistura');
    const onlyA = ann('ana', 'figure', '13,346');
    const start = file([agreedA, agreedB, onlyA]);
    const curatedFile = curateAgreed(start, 'ana', 'ben', now);
    expect(curated(curatedFile)).toEqual([['actor', 'Staffan de Mistura', 'import']]);
    expect(curatedFile.annotations.filter((x) => x.review)).toEqual([]);
    expect(own(curatedFile)).toEqual(own(start));
    expect(reviewDocument(curatedFile, 'ana', 'ben').agreedNotCurated).toBe(0);
    // Again: nothing more.
    expect(curateAgreed(curatedFile, 'ana', 'ben', now)).toEqual(curatedFile);
  });

  it('links the curated spans as A and B agree to, leaves them unlinked where the layers disagree, and drops a link whose actor is rejected', () => {
    const link = (annotator: string, from: Annotation, to: Annotation) => ({ id: `10000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, type: 'source' as const, from: from.id, to: to.id, annotator });
    const figureA = ann('ana', 'figure', '13,346');
    const figureB = ann('ben', 'figure', '13,346');
    const staffanA = ann('ana', 'actor', 'Staffan de Mistura');
    const staffanB = ann('ben', 'actor', 'Staffan de Mistura');
    const lavrovA = ann('ana', 'actor', 'Lavrov');
    const lavrovB = ann('ben', 'actor', 'Lavrov');
    const base = file([figureA, figureB, staffanA, staffanB, lavrovA, lavrovB]);
    const curatedLinks = (f: DocumentFile) => {
      const byId = new Map(f.annotations.map((x) => [x.id, x]));
      return f.relations.filter((r) => r.annotator === CURATION_LAYER).map((r) => [r.type, byId.get(r.from)!.quote, byId.get(r.to)!.quote, byId.get(r.from)!.annotator, byId.get(r.to)!.annotator]);
    };
    // Both attribute the figure to de Mistura: the curated figure is his.
    const agreed = curateAgreed({ ...base, relations: [link('ana', figureA, staffanA), link('ben', figureB, staffanB)] }, 'ana', 'ben', now);
    expect(curatedLinks(agreed)).toEqual([['source', '13,346', 'Staffan de Mistura', CURATION_LAYER, CURATION_LAYER]]);
    expect(DocumentFileSchema.safeParse(agreed).success).toBe(true);
    // Curating again adds no second link.
    expect(curateAgreed(agreed, 'ana', 'ben', now).relations).toHaveLength(3);
    // One says de Mistura, the other Lavrov: no guess.
    const disagreed = curateAgreed({ ...base, relations: [link('ana', figureA, staffanA), link('ben', figureB, lavrovB)] }, 'ana', 'ben', now);
    expect(curatedLinks(disagreed)).toEqual([]);
    // Only B links it: the curated figure follows B.
    const onlyB = curateAgreed({ ...base, relations: [link('ben', figureB, lavrovB)] }, 'ana', 'ben', now);
    expect(curatedLinks(onlyB)).toEqual([['source', '13,346', 'Lavrov', CURATION_LAYER, CURATION_LAYER]]);
    // Rejecting Lavrov takes him, and the link to him, out of the curated layer.
    const rejected = decideItem(onlyB, layers, { a: lavrovA.id, b: lavrovB.id }, { status: 'rejected' }, 'ana', now);
    expect(curated(rejected).map(([, quote]) => quote)).toEqual(['Staffan de Mistura', '13,346']);
    expect(curatedLinks(rejected)).toEqual([]);
    // The links follow A's and B's: both re-link the figure to Lavrov, and the curated one moves
    // with them at the next curation, keeping nothing of de Mistura; when they then differ, it goes.
    const relinked = curateAgreed({ ...agreed, relations: [...agreed.relations.filter((r) => r.annotator === CURATION_LAYER), link('ana', figureA, lavrovA), link('ben', figureB, lavrovB)] }, 'ana', 'ben', now);
    expect(curatedLinks(relinked)).toEqual([['source', '13,346', 'Lavrov', CURATION_LAYER, CURATION_LAYER]]);
    const differing = curateAgreed({ ...relinked, relations: [...relinked.relations.filter((r) => r.annotator === CURATION_LAYER), link('ana', figureA, staffanA), link('ben', figureB, lavrovB)] }, 'ana', 'ben', now);
    expect(curatedLinks(differing)).toEqual([]);
    // A link that stays keeps its id.
    const again = curateAgreed(relinked, 'ana', 'ben', now);
    expect(again.relations.filter((r) => r.annotator === CURATION_LAYER)).toEqual(relinked.relations.filter((r) => r.annotator === CURATION_LAYER));
  });

  it('a rejected match leaves the curated layer and is not put back by later decisions', () => {
    const agreedA = ann('ana', 'actor', 'Staffan de Mistura');
    const agreedB = ann('ben', 'actor', 'Staffan de Mistura');
    const onlyA = ann('ana', 'figure', '13,346');
    const start = file([agreedA, agreedB, onlyA]);
    const rejected = decideItem(start, layers, { a: agreedA.id, b: agreedB.id }, { status: 'rejected' }, 'ana', now);
    expect(curated(rejected)).toEqual([]);
    const later = decideItem(rejected, layers, { a: onlyA.id }, { status: 'accepted' }, 'ana', now);
    expect(curated(later)).toEqual([['figure', '13,346', 'import']]);
  });

  it('a correction curates the span with the new label and records it on both sides', () => {
    const mine = ann('ana', 'actor', 'Lavrov');
    const theirs = ann('ben', 'location', 'Lavrov');
    const next = decideItem(file([mine, theirs]), layers, { a: mine.id, b: theirs.id }, { label: 'figure' }, 'ana', now);
    expect(curated(next)).toEqual([['figure', 'Lavrov', 'import']]);
    expect(next.annotations.find((a) => a.id === theirs.id)!.review).toEqual({ status: 'rejected', correctedTo: 'figure', by: 'ana', at: now });
    expect(next.annotations.find((a) => a.id === mine.id)!.review).toEqual({ status: 'rejected', correctedTo: 'figure', by: 'ana', at: now });
  });

  it('a comment alone is no decision: it keeps an earlier status, and the curated layer stays as it was', () => {
    const theirs = ann('ben', 'actor', 'civilians');
    const commented = decideItem(file([theirs]), layers, { b: theirs.id }, { comment: 'not an actor?' }, 'ana', now);
    expect(commented.annotations.find((a) => a.id === theirs.id)!.review).toEqual({ by: 'ana', at: now, comment: 'not an actor?' });
    expect(curated(commented)).toEqual([]);
    expect(DocumentFileSchema.safeParse(commented).success).toBe(true);
    const accepted = decideItem(commented, layers, { b: theirs.id }, { status: 'accepted' }, 'ana', now);
    const again = decideItem(accepted, layers, { b: theirs.id }, { comment: 'on second thought, yes' }, 'ana', now);
    expect(again.annotations.find((a) => a.id === theirs.id)!.review).toEqual({ status: 'accepted', by: 'ana', at: now, comment: 'on second thought, yes' });
    expect(curated(again)).toEqual([['actor', 'civilians', 'import']]);
  });

  it('two items at the same text with other labels keep their own outcomes, and the agreed span stays', () => {
    const agreedA = ann('ana', 'actor', 'Lavrov');
    const agreedB = ann('ben', 'actor', 'Lavrov');
    const mine = ann('ana', 'quote', 'Lavrov');
    const theirs = ann('ben', 'location', 'Lavrov');
    const start = file([agreedA, agreedB, mine, theirs]);
    expect(pairLayers(start, 'ana', 'ben').map((i) => i.kind)).toEqual(['match', 'label-conflict']);
    const accepted = decideItem(start, layers, { a: mine.id, b: theirs.id }, { status: 'accepted' }, 'ana', now);
    expect(curated(accepted).map(([label]) => label).sort()).toEqual(['actor', 'location']);
    const corrected = decideItem(accepted, layers, { a: mine.id, b: theirs.id }, { label: 'figure' }, 'ana', now);
    expect(curated(corrected).map(([label]) => label).sort()).toEqual(['actor', 'figure']);
    const rejected = decideItem(corrected, layers, { a: mine.id, b: theirs.id }, { status: 'rejected' }, 'ana', now);
    expect(curated(rejected).map(([label]) => label).sort()).toEqual(['actor', 'quote']);
  });

  it('an emptied comment clears it; on an undecided item the record goes', () => {
    const theirs = ann('ben', 'actor', 'civilians');
    const commented = decideItem(file([theirs]), layers, { b: theirs.id }, { comment: 'hm' }, 'ana', now);
    const cleared = decideItem(commented, layers, { b: theirs.id }, { comment: '' }, 'ana', now);
    expect(cleared.annotations[0].review).toBeUndefined();
    const accepted = decideItem(commented, layers, { b: theirs.id }, { status: 'accepted', comment: '' }, 'ana', now);
    expect(accepted.annotations.find((a) => a.id === theirs.id)!.review).toEqual({ status: 'accepted', by: 'ana', at: now });
  });

  it('an only-A decision marks the reviewer span; unknown ids are refused', () => {
    const mine = ann('ana', 'figure', '13,346');
    const next = decideItem(file([mine]), layers, { a: mine.id }, { status: 'rejected' }, 'ana', now);
    expect(next.annotations).toHaveLength(1);
    expect(next.annotations[0].review?.status).toBe('rejected');
    expect(() => decideItem(file([mine]), layers, { b: '00000000-0000-4000-8000-999999999999' }, { status: 'accepted' }, 'ana', now)).toThrow('no annotation');
  });
});

describe('agreement around an adjudication', () => {
  it('A against B stays what it was however the review decides; each against the curated layer follows the decisions', () => {
    const doc = file([
      ann('ana', 'actor', 'Staffan de Mistura'), ann('ben', 'actor', 'Staffan de Mistura'),
      ann('ana', 'actor', 'Lavrov'), ann('ben', 'location', 'Lavrov'),
      ann('ben', 'actor', 'civilians'),
    ]);
    const figures = (f: DocumentFile) => {
      const tally = new AdjudicationTally('ana', 'ben');
      tally.add(f);
      return tally.report();
    };
    const before = figures(doc);
    expect(before.after).toBeNull();
    let next = doc;
    for (const item of pairLayers(doc, 'ana', 'ben')) next = decideItem(next, { a: 'ana', b: 'ben' }, { a: item.a?.id, b: item.b?.id }, { status: 'accepted' }, 'ana', '2026-11-23T00:00:00.000Z');
    const after = figures(next);
    expect(after.before).toEqual(before.before);
    expect(before.before.exact.f1).toBeCloseTo(2 / 5);
    // The curated layer holds B's three spans: B agrees with it fully, A on one of its two.
    expect(after.after!.b.exact.f1).toBe(1);
    expect(after.after!.a.exact.f1).toBeCloseTo(2 / 5);
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
    expect(() => decideItem(doc, { a: 'ana', b: 'ben' }, { b: half.id }, { status: 'accepted' }, 'ana', '2026-11-23T00:00:00.000Z')).toThrow(/span 0–8 ends inside a character/);
  });
});
