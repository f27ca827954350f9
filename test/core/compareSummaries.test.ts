// Compare's summaries of the whole corpus (the index's tallies and its per-measure and per-entity
// summaries, kept as saves happen): after every kind of change they say what Compare works out
// from the rows under a filter that selects the same annotations, and a save makes stale only
// the measures and entities it touches.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation, updateAnnotation, type Author } from '../../main/core/annotations';
import { compareCharts, compareEntityOutlets, compareFigurePage, compareQuotePage, compareQuotes } from '../../main/core/compare/compareWorkspace';
import { addEntity } from '../../main/core/entities';
import { importSeeds } from '../../main/core/importArticles';
import type { Annotation } from '../../main/core/model';
import type { CompareFilter } from '../../main/core/store/sqlIndex/compareQuery';
import { staleKeys } from '../../main/core/store/sqlIndex/compareSummaryQuery';
import { INDEX_FILE } from '../../main/core/store/sqlIndex/indexDatabase';
import { Workspace } from '../../main/core/store/workspace';
import { repoRoot, tempDir } from '../helpers';

let workspace: Workspace;
let docs: string[];
const by = (annotator: string): Author => ({ annotator, now: new Date().toISOString() });
/// Every annotation of the test is by one of these: a filter that selects all, which Compare
/// answers from the rows rather than the summaries.
const EVERY_ANNOTATOR: CompareFilter = { annotators: ['ana', 'ben'] };

async function tag(doc: string, label: string, text: string, extra: { measure?: string; entityId?: string; annotator?: string } = {}): Promise<Annotation> {
  return workspace.updateDocument(doc, (file) => {
    const start = file.document.text.indexOf(text);
    expect(start, `"${text}"`).toBeGreaterThanOrEqual(0);
    const attributes = extra.measure ? { measure: extra.measure } : undefined;
    return createAnnotation(file, { docId: doc, label, start, end: start + text.length, attributes, entityId: extra.entityId }, workspace.labels, by(extra.annotator ?? 'ana'));
  });
}

async function setOutlet(doc: string, outlet: string, publishedAt?: string): Promise<void> {
  await workspace.updateDocument(doc, (file) => ({ file: { ...file, document: { ...file.document, meta: { outlet, ...(publishedAt ? { publishedAt } : {}) } } }, result: null }));
}

/// Compare's figures (each group chosen in turn), entities and charts from the summaries equal
/// those from the rows.
async function expectSummariesTrue(): Promise<void> {
  const whole = await compareFigurePage(workspace, {}, {}, 100);
  const rows = await compareFigurePage(workspace, EVERY_ANNOTATOR, {}, 100);
  expect(whole).toEqual(rows);
  for (const g of whole.groups) {
    expect(await compareFigurePage(workspace, {}, { measure: g.measure }, 100)).toEqual(await compareFigurePage(workspace, EVERY_ANNOTATOR, { measure: g.measure }, 100));
  }
  expect(await compareEntityOutlets(workspace, {})).toEqual(await compareEntityOutlets(workspace, EVERY_ANNOTATOR));
  const charts = await compareCharts(workspace, {});
  expect(charts).toEqual(await compareCharts(workspace, EVERY_ANNOTATOR));
  expect(await workspace.queryIndex((db) => [staleKeys(db, 'measure'), staleKeys(db, 'entity')])).toEqual([[], []]);
}

beforeEach(async () => {
  workspace = await Workspace.open(join(tempDir(), 'w'), { app: 'test' });
  await importSeeds(workspace, join(repoRoot, 'seeds'));
  await workspace.indexChecked;
  const titles = new Map(workspace.listDocuments().map((d) => [d.sourceName.slice(0, 3), d.id]));
  docs = ['000', '002', '003'].map((n) => titles.get(n)!);
  await setOutlet(docs[0], 'Gulf News', '2016-12-13');
  await setOutlet(docs[1], 'gulf news', '2016-12-14T10:00:00Z');
  await setOutlet(docs[2], 'Middle East Eye');
});

afterEach(async () => {
  await workspace.close();
});

describe("Compare's summaries", () => {
  it('say what the rows say after figures, measures, quantities, outlets, entity links and deletions change', async () => {
    const syria = (await workspace.updateEntities((list) => addEntity(list, { name: 'Syria', type: 'location' }, workspace.labels))).id;
    const aleppo = (await workspace.updateEntities((list) => addEntity(list, { name: 'Aleppo', type: 'location' }, workspace.labels))).id;
    const a = await tag(docs[0], 'figure', '13,346 civilians', { measure: 'civilians fled' });
    await tag(docs[1], 'figure', 'Between 10,000 and 13,000 civilians', { measure: 'Civilians  Fled', annotator: 'ben' });
    await tag(docs[2], 'figure', '80,000', { measure: 'civilians fled' });
    const unmeasured = await tag(docs[2], 'figure', '80,000', { annotator: 'ben' });
    await tag(docs[0], 'location', 'Aleppo', { entityId: aleppo });
    await tag(docs[1], 'location', 'Aleppo', { entityId: aleppo, annotator: 'ben' });
    const syrian = await tag(docs[2], 'location', 'Syria', { entityId: syria });
    await expectSummariesTrue();
    const [civilians] = (await compareFigurePage(workspace, {}, {}, 100)).groups;
    expect(civilians).toEqual({ measure: 'civilians fled', figures: 3, outlets: 2, conflictTotal: 3 });

    // A measure changed: only the two measures it leaves and joins are stale.
    await workspace.updateDocument(docs[0], (file) => updateAnnotation(file, { id: a.id, attributes: { measure: 'civilians left' } }, workspace.labels, by('ana')));
    expect(await workspace.queryIndex((db) => staleKeys(db, 'measure').sort())).toEqual(['civilians fled', 'civilians left']);
    expect(await workspace.queryIndex((db) => staleKeys(db, 'entity'))).toEqual([]);
    await expectSummariesTrue();

    // A quantity corrected, and a figure given a measure.
    await workspace.updateDocument(docs[0], (file) =>
      updateAnnotation(file, { id: a.id, quantity: { low: 1, high: 2, lowInclusive: true, highInclusive: true, approximate: false, qualifier: null, unit: 'count' } }, workspace.labels, by('ana')),
    );
    await workspace.updateDocument(docs[2], (file) => updateAnnotation(file, { id: unmeasured.id, attributes: { measure: 'Civilians left' } }, workspace.labels, by('ben')));
    await expectSummariesTrue();

    // A document's outlet changed: its measures and entities are stale.
    await setOutlet(docs[2], 'Gulf News');
    expect(await workspace.queryIndex((db) => staleKeys(db, 'entity'))).toEqual([syria]);
    await expectSummariesTrue();

    // A document's date changed, its outlet not: which spelling of a measure is met first may
    // change, so its measures are stale too.
    await setOutlet(docs[1], 'gulf news', '2016-12-01');
    expect(await workspace.queryIndex((db) => staleKeys(db, 'measure').sort())).toEqual(['civilians fled']);
    await expectSummariesTrue();

    // An entity link moved; a mention removed.
    await workspace.updateDocument(docs[2], (file) => updateAnnotation(file, { id: syrian.id, entityId: aleppo }, workspace.labels, by('ana')));
    await expectSummariesTrue();

    // A document deleted: what it held leaves every summary.
    await workspace.deleteDocuments([docs[0]]);
    await expectSummariesTrue();
    expect((await compareCharts(workspace, {})).documentTotal).toBe(2);
  });

  it('hold a speaker link as the relations do when a hand-made file gives two relations one id (the last kept)', async () => {
    const quote = await tag(docs[0], 'quote', 'Embrace death for Aleppo');
    const actor = await tag(docs[0], 'actor', 'Russia');
    const figure = await tag(docs[0], 'figure', '13,346 civilians', { measure: 'civilians fled' });
    await workspace.updateDocument(docs[0], (file) => ({
      file: {
        ...file,
        relations: [
          { id: 'r1', type: 'speaker' as const, from: quote.id, to: actor.id, annotator: 'ana' },
          { id: 'r1', type: 'source' as const, from: figure.id, to: actor.id, annotator: 'ana' },
        ],
      },
      result: null,
    }));
    const speakers = await workspace.queryIndex((db) => db.prepare('SELECT count(*) FROM quote_speakers').pluck().get());
    expect(speakers).toBe(0);
    const page = await compareQuotePage(workspace, {}, { speaker: 0, statement: 0 });
    expect(page.groups).toEqual(await compareQuotes(workspace, {}));
    expect(page.groups.map((g) => g.speaker)).toEqual([null]);
  });

  it("are read around, from the rows, while another process holds the index's write lock", async () => {
    await tag(docs[0], 'figure', '13,346 civilians', { measure: 'civilians fled' });
    const other = new Database(join(workspace.dir, INDEX_FILE));
    try {
      other.exec('BEGIN IMMEDIATE');
      expect(await compareFigurePage(workspace, {}, {}, 100)).toEqual(await compareFigurePage(workspace, EVERY_ANNOTATOR, {}, 100));
      expect(await workspace.queryIndex((db) => staleKeys(db, 'measure'))).toEqual(['civilians fled']);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    await expectSummariesTrue();
  });

  it('count the charts per outlet, case aside, and the documents with the most annotations first', async () => {
    await tag(docs[0], 'actor', 'Russia');
    await tag(docs[1], 'location', 'Aleppo');
    await tag(docs[1], 'actor', 'Russia', { annotator: 'ben' });
    const charts = await compareCharts(workspace, {});
    expect(charts.outlets).toEqual([
      { outlet: 'Gulf News', documents: 2, counts: { actor: 2, location: 1 } },
    ]);
    expect(charts.documents.map((d) => [d.documentId, d.counts])).toEqual([
      [docs[1], { actor: 1, location: 1 }],
      [docs[0], { actor: 1 }],
    ]);
    expect(charts.annotators).toEqual([
      { name: 'ana', annotations: 2 },
      { name: 'ben', annotations: 1 },
    ]);
    expect((await compareCharts(workspace, { labels: ['actor'] })).outlets).toEqual([{ outlet: 'Gulf News', documents: 2, counts: { actor: 2 } }]);
  });
});
