// Compare over a real workspace (DESIGN §11): what the SQL index answers follows every save (a
// measure, a quantity, a source or speaker link changed or removed), the filter narrows by outlet
// (case aside), dates (inclusive days; undated documents out), annotator, label and document;
// quotes group by speaker and nearly the same words; entities per outlet with their forms; label
// counts and agreement per label between two annotators.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation, setRelation, updateAnnotation, type Author } from '../../main/core/annotations';
import { compareCharts, compareEntityOutlets, compareFigurePage, compareFigures, compareQuotePage, compareQuotes, compareReport } from '../../main/core/compare/compareWorkspace';
import { nearlySame } from '../../main/core/compare/quoteGroups';
import { addEntity } from '../../main/core/entities';
import { importSeeds } from '../../main/core/importArticles';
import type { Annotation } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { phraseWords } from '../../main/core/text/searchWords';
import { repoRoot, tempDir } from '../helpers';

let workspace: Workspace;
let docs: string[];
const by = (annotator: string): Author => ({ annotator, now: new Date().toISOString() });

/// Tags the first occurrence of `text` in document `doc` (after `after`, if given).
async function tag(doc: string, label: string, text: string, extra: { attributes?: Record<string, string>; entityId?: string; annotator?: string; after?: string } = {}): Promise<Annotation> {
  return workspace.updateDocument(doc, (file) => {
    const from = extra.after ? file.document.text.indexOf(extra.after) : 0;
    const start = file.document.text.indexOf(text, from);
    expect(start, `"${text}" in ${file.document.title}`).toBeGreaterThanOrEqual(0);
    const input = { docId: doc, label, start, end: start + text.length, attributes: extra.attributes, entityId: extra.entityId };
    return createAnnotation(file, input, workspace.labels, by(extra.annotator ?? 'ana'));
  });
}

async function link(doc: string, type: 'speaker' | 'source', from: string, to: string | null): Promise<void> {
  await workspace.updateDocument(doc, (file) => setRelation(file, type, from, to, by('ana')));
}

async function setMeta(doc: string, outlet: string, publishedAt?: string): Promise<void> {
  await workspace.updateDocument(doc, (file) => ({ file: { ...file, document: { ...file.document, meta: { outlet, ...(publishedAt ? { publishedAt } : {}) } } }, result: null }));
}

beforeEach(async () => {
  workspace = await Workspace.open(join(tempDir(), 'w'), { app: 'test' });
  await importSeeds(workspace, join(repoRoot, 'seeds'));
  await workspace.indexChecked;
  // Seeds 000, 002 and 003 hold the civilian figures.
  const titles = new Map(workspace.listDocuments().map((d) => [d.sourceName.slice(0, 3), d.id]));
  docs = ['000', '002', '003'].map((n) => titles.get(n)!);
  await setMeta(docs[0], 'Gulf News', '2016-12-13');
  await setMeta(docs[1], 'gulf news', '2016-12-14T10:00:00Z');
  await setMeta(docs[2], 'Middle East Eye');
});

afterEach(async () => {
  await workspace.close();
});

describe('Compare over the index', () => {
  it('follows every save: a measure set and changed, a quantity corrected, a source linked and unlinked', async () => {
    const a = await tag(docs[0], 'figure', '13,346 civilians', { attributes: { measure: 'civilians fled' } });
    const b = await tag(docs[1], 'figure', 'Between 10,000 and 13,000 civilians', { attributes: { measure: 'Civilians Fled' } });
    const actor = await tag(docs[1], 'actor', 'Syrian Observatory for Human Rights');
    await link(docs[1], 'source', b.id, actor.id);
    let [group] = await compareFigures(workspace, {});
    expect(group.measure).toBe('civilians fled');
    expect(group.items.map((i) => i.text)).toEqual(['13,346 civilians', 'Between 10,000 and 13,000 civilians']);
    expect(group.conflicts).toEqual([[0, 1]]);
    expect(group.items[1].source).toEqual({ annotationId: actor.id, text: 'Syrian Observatory for Human Rights', entityId: null });
    expect(group.items[0].before).toMatch(/Defence Ministry also said that $/);

    // The quantity corrected to take in 13,346: no conflict; the source unlinked.
    await workspace.updateDocument(docs[1], (file) =>
      updateAnnotation(file, { id: b.id, quantity: { low: 10000, high: 14000, lowInclusive: true, highInclusive: true, approximate: true, qualifier: null, unit: 'count' } }, workspace.labels, by('ana')),
    );
    await link(docs[1], 'source', b.id, null);
    [group] = await compareFigures(workspace, {});
    expect(group.conflicts).toEqual([]);
    expect(group.items[1].source).toBeNull();

    // Another measure for the first: two groups, neither with a conflict; without one, a group last.
    await workspace.updateDocument(docs[0], (file) => updateAnnotation(file, { id: a.id, attributes: { measure: 'civilians left' } }, workspace.labels, by('ana')));
    await tag(docs[2], 'figure', '80,000');
    const groups = await compareFigures(workspace, {});
    expect(groups.map((g) => [g.measure, g.items.length, g.conflictTotal])).toEqual([
      ['Civilians Fled', 1, 0],
      ['civilians left', 1, 0],
      [null, 1, 0],
    ]);
  });

  it('the app is sent every group in short and a page of the one chosen; the pairs only with the whole group', async () => {
    await tag(docs[0], 'figure', '13,346 civilians', { attributes: { measure: 'fled' } });
    await tag(docs[1], 'figure', 'Between 10,000 and 13,000 civilians', { attributes: { measure: 'Fled' } });
    await tag(docs[2], 'figure', '80,000', { attributes: { measure: 'fled' } });
    await tag(docs[2], 'figure', '288 civilians', { attributes: { measure: 'killed' } });
    await tag(docs[0], 'figure', 'more than 4,000 fighters');
    const first = await compareFigurePage(workspace, {}, {}, Infinity, 2);
    expect(first.groups).toEqual([
      { measure: 'fled', figures: 3, outlets: 2, conflictTotal: 3 },
      { measure: 'killed', figures: 1, outlets: 1, conflictTotal: 0 },
      { measure: null, figures: 1, outlets: 1, conflictTotal: 0 },
    ]);
    expect(first).toMatchObject({ chosen: 0, offset: 0, conflicts: null });
    expect(first.items.map((i) => [i.text, i.conflictCount])).toEqual([
      ['13,346 civilians', 2],
      ['Between 10,000 and 13,000 civilians', 2],
    ]);
    const second = await compareFigurePage(workspace, {}, { measure: 'FLED', offset: 2 }, Infinity, 2);
    expect(second.items.map((i) => [i.text, i.conflictCount, i.outlet])).toEqual([['80,000', 2, 'Middle East Eye']]);
    const whole = await compareFigurePage(workspace, {}, { measure: 'fled' }, Infinity, 10);
    expect(whole.conflicts).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect((await compareFigurePage(workspace, {}, { measure: null }, Infinity)).items.map((i) => i.text)).toEqual(['more than 4,000 fighters']);
    expect((await compareFigurePage(workspace, {}, { measure: 'no such measure' }, Infinity)).chosen).toBe(0);
    expect(await compareFigurePage(workspace, { labels: ['actor'] }, {}, Infinity)).toEqual({ groups: [], chosen: -1, offset: 0, items: [], conflicts: [] });
  });

  it('filters by outlet (case aside), by inclusive days (undated documents out), by annotator, label and document', async () => {
    await tag(docs[0], 'figure', '13,346 civilians', { attributes: { measure: 'fled' } });
    await tag(docs[1], 'figure', 'Between 10,000 and 13,000 civilians', { attributes: { measure: 'fled' }, annotator: 'bo' });
    await tag(docs[2], 'figure', '80,000', { attributes: { measure: 'fled' } });
    const texts = async (filter: Parameters<typeof compareFigures>[1]) => (await compareFigures(workspace, filter)).flatMap((g) => g.items.map((i) => i.text.slice(0, 6)));
    expect(await texts({})).toEqual(['13,346', 'Betwee', '80,000']);
    expect(await texts({ outlets: ['GULF NEWS'] })).toEqual(['13,346', 'Betwee']);
    expect(await texts({ from: '2016-12-14' })).toEqual(['Betwee']);
    expect(await texts({ to: '2016-12-14' })).toEqual(['13,346', 'Betwee']);
    expect(await texts({ from: '2016-12-13', to: '2016-12-13' })).toEqual(['13,346']);
    expect(await texts({ annotators: ['bo'] })).toEqual(['Betwee']);
    expect(await texts({ labels: ['actor'] })).toEqual([]);
    expect(await texts({ documents: [docs[2]] })).toEqual(['80,000']);
    expect(await texts({ outlets: [] })).toEqual([]);
  });

  it('quotes by speaker: an entity, a text, nobody; nearly the same words from two outlets are one statement', async () => {
    const lavrov = await workspace.updateEntities((list) => addEntity(list, { name: 'Observatory', type: 'actor' }, workspace.labels));
    const q1 = await tag(docs[1], 'quote', 'has reached its end');
    const s1 = await tag(docs[1], 'actor', 'Human rights monitor', { entityId: lavrov.id });
    await link(docs[1], 'speaker', q1.id, s1.id);
    const report = await compareReport(workspace, {});
    expect(report.quotes).toEqual([{ speaker: { entityId: lavrov.id, name: 'Observatory' }, items: [expect.objectContaining({ text: 'has reached its end', outlet: 'gulf news' })] }]);
    const quotes = await compareQuotes(workspace, {});
    expect(quotes[0].items[0].at).toEqual({ documentId: docs[1], start: q1.start, end: q1.end });

    // The app is sent statements a page at a time: as many as hold the page's quotes, one at
    // least, a speaker's statements worked out when its turn comes; the pages make the whole list.
    await tag(docs[0], 'quote', 'We have yet to give a response.');
    await tag(docs[1], 'quote', 'We have yet to give a response.');
    const q2 = await tag(docs[0], 'quote', 'Embrace death for Aleppo');
    const s2 = await tag(docs[0], 'actor', 'UN', { entityId: lavrov.id });
    await link(docs[0], 'speaker', q2.id, s2.id);
    const all = await compareQuotes(workspace, {});
    expect(all.map((g) => [g.speaker && 'name' in g.speaker ? g.speaker.name : null, g.items.length])).toEqual([
      ['Observatory', 1],
      ['Observatory', 1],
      [null, 2],
    ]);
    const first = { speaker: 0, statement: 0 };
    expect(await compareQuotePage(workspace, {}, first, 1)).toEqual({ speakers: 2, quotes: 4, from: first, next: { speaker: 0, statement: 1 }, groups: [all[0]] });
    expect(await compareQuotePage(workspace, {}, { speaker: 0, statement: 1 }, 1)).toEqual({ speakers: 2, quotes: 4, from: { speaker: 0, statement: 1 }, next: { speaker: 1, statement: 0 }, groups: [all[1]] });
    expect(await compareQuotePage(workspace, {}, { speaker: 1, statement: 0 }, 1)).toEqual({ speakers: 2, quotes: 4, from: { speaker: 1, statement: 0 }, next: null, groups: [all[2]] });
    expect(await compareQuotePage(workspace, {}, first, 3)).toEqual({ speakers: 2, quotes: 4, from: first, next: { speaker: 1, statement: 0 }, groups: all.slice(0, 2) });
    expect(await compareQuotePage(workspace, {}, first, 4)).toEqual({ speakers: 2, quotes: 4, from: first, next: null, groups: all });

    expect(nearlySame(phraseWords('The situation in Aleppo is a meltdown of humanity'), phraseWords('a meltdown of humanity'))).toBe(true);
    expect(nearlySame(phraseWords('We will not leave'), phraseWords('we will NOT leave!'))).toBe(true);
    expect(nearlySame(phraseWords('of the'), phraseWords('of the city and the people'))).toBe(false);
    expect(nearlySame(phraseWords('There is no agreement and the shelling continues'), phraseWords('The evacuation will resume as soon as the road is safe'))).toBe(false);
  });

  it('entities per outlet with their forms, most used first; label counts; agreement per label between two annotators', async () => {
    const russia = await workspace.updateEntities((list) => addEntity(list, { name: 'Russia', type: 'location', aliases: ['Russian Federation'] }, workspace.labels));
    await tag(docs[0], 'location', 'Russia', { entityId: russia.id });
    await tag(docs[1], 'location', 'Russia', { entityId: russia.id });
    await tag(docs[2], 'location', 'Russian Federation', { entityId: russia.id });
    const [entity] = await compareEntityOutlets(workspace, {});
    expect(entity).toMatchObject({ name: 'Russia', mentions: 3 });
    expect(entity.outlets.map((o) => [o.outlet, o.documents, o.mentions, o.forms])).toEqual([
      ['Gulf News', 2, 2, [{ form: 'Russia', mentions: 2 }]],
      ['Middle East Eye', 1, 1, [{ form: 'Russian Federation', mentions: 1 }]],
    ]);
    expect(entity.outlets[1].first.documentId).toBe(docs[2]);

    // A second annotator on one document: agreement per label over the documents both tagged.
    await tag(docs[0], 'location', 'Russia', { annotator: 'bo' });
    const charts = await compareCharts(workspace, {});
    expect(charts.labels).toEqual(['location']);
    expect(charts.outlets.map((o) => [o.outlet, o.documents, o.counts.location])).toEqual([
      ['Gulf News', 2, 3],
      ['Middle East Eye', 1, 1],
    ]);
    expect(charts.annotators).toEqual([
      { name: 'ana', annotations: 3 },
      { name: 'bo', annotations: 1 },
    ]);
    expect(charts.agreement).toMatchObject({ a: 'ana', b: 'bo', documents: 1, exact: { location: { f1: 1, matches: 1 } } });
    expect((await compareCharts(workspace, { annotators: ['ana'] })).agreement).toBeNull();
  });
});
