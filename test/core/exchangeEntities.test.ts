// Exchange files carry entities, labels' attributes, annotations' entity links and attribute
// values, and speaker and source links (DESIGN §10): a round trip into an empty workspace loses
// none of them; an import matches entities by id, then by name and type, and merges them; what
// cannot be taken in is reported; files of version 1, and of version 2 without entities, import.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importExchange, parseExchange, type ExchangeImportReport } from '../../main/core/exchange/importExchange';
import { exportExchange } from '../../main/core/export/exportExchange';
import { writeExport } from '../../main/core/export/renderExport';
import { DEFAULT_LABELS, SCHEMA_VERSION, type Annotation, type DocumentFile, type Entity, type Label } from '../../main/core/model';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { LABELS_WITH_ATTRIBUTES, linkedWorkspace } from '../arbitraries';
import { tempDir } from '../helpers';

const comparable = (a: Annotation) => ({
  id: a.id, docId: a.docId, label: a.label, start: a.start, end: a.end, quote: a.quote, annotator: a.annotator,
  note: a.note, createdAt: a.createdAt, review: a.review, entityId: a.entityId, attributes: a.attributes, quantity: a.quantity,
});

async function importInto(dir: string, content: unknown): Promise<ExchangeImportReport> {
  const ws = await Workspace.open(dir);
  try {
    return await importExchange(ws, 'colleague.awb.json', parseExchange('colleague.awb.json', JSON.stringify(content)));
  } finally {
    await ws.close();
  }
}

/// A workspace in `dir` holding `content` as the app would have stored it.
async function workspaceWith(dir: string, content: { labels: Label[]; entities: Entity[]; documents: DocumentFile[] }): Promise<Workspace> {
  const ws = await Workspace.open(dir);
  await ws.updateIndex((index) => ({ ...index, labels: content.labels }));
  await ws.updateEntities(() => ({ entities: content.entities, result: undefined }));
  await ws.importArticles(content.documents.map((f) => ({ id: f.document.id, sourceName: f.document.sourceName, title: f.document.title, text: f.document.text, meta: f.document.meta, encoding: 'utf-8' as const, warnings: [] })));
  for (const f of content.documents) await ws.updateDocument(f.document.id, (file) => ({ file: { ...file, annotations: f.annotations, relations: f.relations }, result: undefined }));
  return ws;
}

describe('exchange round trip with entities, attributes and both kinds of link', () => {
  it('export then import into an empty workspace gives identical documents, metadata, annotations, links, entities and labels\' attributes', async () => {
    await fc.assert(
      fc.asyncProperty(linkedWorkspace, async ({ labels, entities, documents }) => {
        const dir = tempDir();
        const file = exportExchange(documents, labels, 'ana', new Date(), entities);
        // Written before the documents, as a reader streaming the file needs them.
        expect(Object.keys(file)).toEqual(['format', 'version', 'offsets', 'exportedAt', 'exportedBy', 'labels', 'entities', 'documents']);
        const report = await importInto(dir, file);
        expect(report.skipped).toEqual([]);
        expect(report.warnings).toEqual([]);
        expect([report.entitiesAdded, report.entitiesMerged]).toEqual([entities.length, 0]);
        const ws = await Workspace.open(dir, { readOnly: true });
        expect(ws.entities).toEqual(entities);
        expect(ws.labels.map((l) => [l.id, l.attributes])).toEqual(labels.map((l) => [l.id, l.attributes]));
        for (const original of documents) {
          const imported = await ws.readDocument(original.document.id);
          expect(imported.document.text).toBe(original.document.text);
          expect(imported.document.meta).toEqual(original.document.meta);
          expect(imported.annotations.map(comparable)).toEqual(original.annotations.map(comparable));
          expect(imported.relations).toEqual(original.relations);
        }
        await ws.close();
        expect((await checkWorkspace(dir)).problems).toEqual([]);
        // The same file again adds nothing and changes nothing.
        const again = await importInto(dir, file);
        expect([again.entitiesAdded, again.entitiesMerged, again.annotationsAdded, again.annotationsCompleted, again.relationsAdded]).toEqual([0, entities.length, 0, 0, 0]);
        expect(again.attributesAdded).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

const text = 'Lavrov said: "Talks will start in Geneva."\nAbout 13,346 civilians left 😀 Aleppo.';
const docId = documentIdOf(text);
const span = (label: string, phrase: string, extra: Partial<Annotation> = {}): Annotation => {
  const start = text.indexOf(phrase);
  return {
    id: crypto.randomUUID(), docId, label, start, end: start + phrase.length, quote: phrase, annotator: 'ana',
    createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z', origin: 'manual', ...extra,
  };
};
const russia: Entity = { id: crypto.randomUUID(), name: 'Russia', type: 'location', aliases: ['Moscow'], wikidata: 'Q159' };
const lavrov: Entity = { id: crypto.randomUUID(), name: 'Sergei Lavrov', type: 'actor', aliases: ['Lavrov'] };
const observatory: Entity = { id: crypto.randomUUID(), name: 'Observatory', type: 'actor', aliases: [], note: 'SOHR' };

/// One article: Lavrov (actor, linked) said a quote (linked to him), a figure with its measure
/// and its source, Aleppo (location, linked to an entity the workspace no longer has).
function article(): DocumentFile {
  const actor = span('actor', 'Lavrov', { entityId: lavrov.id });
  const quote = span('quote', 'Talks will start in Geneva.', { attributes: { stance: 'for' } });
  const figure = span('figure', '13,346', { attributes: { measure: 'civilians left' } });
  const place = span('location', 'Aleppo', { entityId: crypto.randomUUID() });
  return {
    schemaVersion: SCHEMA_VERSION,
    document: { id: docId, title: 'Lavrov said', sourceName: 'a.txt', text, importedAt: '2026-11-22T00:00:00.000Z', meta: { outlet: 'Example News' } },
    annotations: [actor, quote, figure, place],
    relations: [
      { id: crypto.randomUUID(), type: 'speaker', from: quote.id, to: actor.id, annotator: 'ana' },
      { id: crypto.randomUUID(), type: 'source', from: figure.id, to: actor.id, annotator: 'ana' },
    ],
  };
}

describe('exchange export from a workspace', () => {
  it('lists every entity for the whole workspace, only the linked ones for a scope, and never a link to an entity it does not list', async () => {
    const doc = article();
    const ws = await workspaceWith(tempDir(), { labels: LABELS_WITH_ATTRIBUTES, entities: [russia, lavrov, observatory], documents: [doc] });
    const out = join(tempDir(), 'x.awb.json');
    await writeExport(ws, 'exchange', {}, out);
    const whole = JSON.parse(readFileSync(out, 'utf8'));
    expect(whole.entities.map((e: Entity) => e.name)).toEqual(['Russia', 'Sergei Lavrov', 'Observatory']);
    expect(whole.labels.find((l: Label) => l.id === 'quote').attributes).toEqual(LABELS_WITH_ATTRIBUTES.find((l) => l.id === 'quote')!.attributes);
    const [actor, quote, figure, place] = whole.documents[0].annotations;
    expect(actor.entityId).toBe(lavrov.id);
    expect([quote.attributes, figure.attributes]).toEqual([{ stance: 'for' }, { measure: 'civilians left' }]);
    // Aleppo's entity is not in the workspace's list: the span goes without the link.
    expect(place.entityId).toBeUndefined();
    expect(whole.documents[0].relations.map((r: { type: string }) => r.type)).toEqual(['speaker', 'source']);
    await writeExport(ws, 'exchange', { labels: ['actor', 'quote'] }, out);
    expect(JSON.parse(readFileSync(out, 'utf8')).entities.map((e: Entity) => e.name)).toEqual(['Sergei Lavrov']);
    await writeExport(ws, 'exchange', { labels: ['location'] }, out);
    expect(JSON.parse(readFileSync(out, 'utf8')).entities).toEqual([]);
    await ws.close();
  });
});

describe('exchange import of entities, attributes and links', () => {
  it('merges entities matched by id or by name and type, fills what ours lacks, keeps what differs and says so', async () => {
    const dir = tempDir();
    const ours = await workspaceWith(dir, { labels: DEFAULT_LABELS, entities: [{ ...russia, aliases: [], wikidata: undefined, note: 'ours' }, lavrov], documents: [] });
    await ours.close();
    const theirRussia = { ...russia, id: crypto.randomUUID(), name: 'russia ', note: 'theirs', aliases: ['Moscow', 'Russian Federation'] };
    const theirLavrov = { ...lavrov, name: 'Sergey Lavrov', wikidata: 'Q7747' };
    const doc = article();
    const [actor, , , place] = doc.annotations;
    place.entityId = theirRussia.id;
    const file = exportExchange([doc], LABELS_WITH_ATTRIBUTES, 'ben', new Date(), [theirRussia, theirLavrov, observatory]);
    const report = await importInto(dir, file);
    expect([report.entitiesAdded, report.entitiesMerged]).toEqual([1, 2]);
    expect(report.attributesAdded).toEqual(['quote.stance']);
    expect(report.warnings).toEqual([`entity "russia": its note here is "ours", the file says "theirs"; this workspace's was kept`]);
    expect(report.skipped).toEqual([]);
    const ws = await Workspace.open(dir, { readOnly: true });
    expect(ws.entities).toEqual([
      { id: russia.id, name: 'Russia', type: 'location', aliases: ['Moscow', 'Russian Federation'], wikidata: 'Q159', note: 'ours' },
      { ...lavrov, aliases: ['Lavrov', 'Sergey Lavrov'], wikidata: 'Q7747' },
      observatory,
    ]);
    const stored = await ws.readDocument(docId);
    expect(stored.annotations.find((a) => a.id === actor.id)!.entityId).toBe(lavrov.id);
    expect(stored.annotations.find((a) => a.id === place.id)!.entityId).toBe(russia.id);
    expect(stored.relations.map((r) => r.type)).toEqual(['speaker', 'source']);
    await ws.close();
  });

  it('takes the attributes a label lacks, drops values its label does not allow, skips unusable entries, and is not fooled by __proto__', async () => {
    const dir = tempDir();
    const doc = article();
    const [actor, quote] = doc.annotations;
    quote.attributes = { stance: 'maybe' };
    actor.attributes = { mood: 'calm' };
    const file = JSON.parse(JSON.stringify(exportExchange([doc], LABELS_WITH_ATTRIBUTES, 'ben', new Date(), [lavrov]))) as Record<string, unknown[]>;
    // A link to an entity the file does not list (this app never writes one).
    (file.documents[0] as { annotations: Record<string, unknown>[] }).annotations[3].entityId = crypto.randomUUID();
    file.entities.push({ id: crypto.randomUUID(), name: 'Nobody', type: 'venue', aliases: [] }, { name: '', type: 'actor' }, 'not an entity');
    const quoteLabel = file.labels.find((l) => (l as Label).id === 'quote') as Label & { attributes: unknown[] };
    quoteLabel.attributes.push({ id: 'bad id', name: 'X', kind: 'text' }, { id: 'tone', name: 'Tone', kind: 'choice' });
    const raw = JSON.stringify(file).replace('"attributes":{"measure"', '"attributes":{"__proto__":{"polluted":"yes"},"measure"');
    const ws = await Workspace.open(dir);
    const report = await importExchange(ws, 'x.awb.json', parseExchange('x.awb.json', raw));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(report.attributesAdded).toEqual(['quote.stance']);
    expect(report.skipped).toEqual([
      { document: "the file's labels", item: 'label "quote", attributes[1]', reason: expect.stringContaining('not added: id:') },
      { document: "the file's labels", item: 'label "quote", attributes[2]', reason: expect.stringContaining('a choice attribute lists its choices') },
      { document: "the file's entities", item: 'entity "Nobody"', reason: 'not added: its type is label "venue", which this workspace does not have' },
      { document: "the file's entities", item: 'entities[2]', reason: expect.stringContaining('name: Too small') },
      { document: "the file's entities", item: 'entities[3]', reason: expect.stringContaining('not used: (top level)') },
      { document: 'Lavrov said', item: '1 annotation', reason: 'label "actor" has no attribute "mood" here: the value was dropped, the annotation imported' },
      { document: 'Lavrov said', item: '1 annotation', reason: `"maybe" is not one of this workspace's choices of Stance (for, against, neutral, or | 50% unsure): the value was dropped, the annotation imported` },
      { document: 'Lavrov said', item: '1 annotation', reason: "imported without its entity link: the file's entities do not list its entity, or it was not added (see above)" },
    ]);
    const stored = await ws.readDocument(docId);
    expect(stored.annotations.map((a) => [a.quote, a.entityId, a.attributes])).toEqual([
      ['Lavrov', lavrov.id, undefined],
      ['Talks will start in Geneva.', undefined, undefined],
      ['13,346', undefined, { measure: 'civilians left' }],
      ['Aleppo', undefined, undefined],
    ]);
    expect(Object.getPrototypeOf(stored.annotations[2].attributes)).toBe(Object.prototype);
    await ws.close();
  });

  it('completes an annotation it has with the link and values it lacks, never replacing its own; takes the same link under another id as present', async () => {
    const dir = tempDir();
    const doc = article();
    const bare = { ...doc, annotations: doc.annotations.map(({ entityId: _e, attributes: _a, ...a }) => a), relations: [] };
    const ws = await workspaceWith(dir, { labels: LABELS_WITH_ATTRIBUTES, entities: [lavrov], documents: [bare] });
    const own = { ...doc.relations[0], id: crypto.randomUUID() };
    await ws.updateDocument(docId, (file) => ({ file: { ...file, relations: [own] }, result: undefined }));
    await ws.close();
    const report = await importInto(dir, exportExchange([doc], LABELS_WITH_ATTRIBUTES, 'ben', new Date(), [lavrov]));
    expect([report.annotationsAdded, report.annotationsAlreadyPresent, report.annotationsCompleted, report.relationsAdded]).toEqual([0, 4, 3, 1]);
    // The file's speaker link is the one this workspace has under another id: present, not skipped.
    expect(report.skipped).toEqual([]);
    expect(report.relationsAdded).toBe(1);
    const reopened = await Workspace.open(dir, { readOnly: true });
    const stored = await reopened.readDocument(docId);
    expect(stored.annotations.map((a) => [a.entityId, a.attributes])).toEqual([
      [lavrov.id, undefined],
      [undefined, { stance: 'for' }],
      [undefined, { measure: 'civilians left' }],
      [undefined, undefined],
    ]);
    expect(stored.relations.map((r) => r.id)).toEqual([own.id, doc.relations[1].id]);
    await reopened.close();
  });

  it('reports a link whose ends do not fit its type, and refuses a file listing more entities than a workspace may hold', async () => {
    const doc = article();
    const [actor, quote] = doc.annotations;
    doc.relations = [{ id: crypto.randomUUID(), type: 'source', from: quote.id, to: actor.id, annotator: 'ana' }];
    const report = await importInto(tempDir(), exportExchange([doc], LABELS_WITH_ATTRIBUTES, 'ben', new Date(), [lavrov]));
    expect(report.skipped).toEqual([{ document: 'Lavrov said', item: doc.relations[0].id, reason: 'a source link must go from a figure to an actor' }]);
    const many = { ...exportExchange([], DEFAULT_LABELS, 'ben'), entities: new Array(20_001).fill({}) };
    expect(() => parseExchange('f.awb.json', JSON.stringify(many))).toThrow('the file holds 20,001 entities, over the limit of 20,000 per exchange file');
  });
});

describe('older exchange files', () => {
  it('a version 1 file (no metadata, no entities, speaker links) still imports', async () => {
    const doc = article();
    const [actor, quote] = doc.annotations;
    const v1 = {
      format: 'annotation-workbench', version: 1, offsets: 'codepoints', exportedAt: '2026-01-01T00:00:00.000Z', exportedBy: 'ana',
      labels: DEFAULT_LABELS.map(({ id, name, color }) => ({ id, name, color })),
      documents: [{
        id: docId, title: 'Lavrov said', text,
        annotations: [
          { id: actor.id, label: 'actor', start: 0, end: 6, text: 'Lavrov', annotator: 'ana', createdAt: actor.createdAt },
          // "😀" is one code point: the span after it counts it once.
          { id: quote.id, label: 'location', start: 73, end: 79, text: 'Aleppo', annotator: 'ana', createdAt: actor.createdAt },
        ],
        relations: [],
      }],
    };
    const dir = tempDir();
    const report = await importInto(dir, v1);
    expect([report.documentsAdded, report.annotationsAdded, report.annotationsReanchored, report.entitiesAdded]).toEqual([1, 2, 0, 0]);
    expect(report.skipped).toEqual([]);
    const ws = await Workspace.open(dir, { readOnly: true });
    expect((await ws.readDocument(docId)).annotations.map((a) => text.slice(a.start, a.end))).toEqual(['Lavrov', 'Aleppo']);
    await ws.close();
  });

  it('a version 2 file written before entities (no "entities") still imports', async () => {
    const { entities: _none, ...before } = exportExchange([{ ...article(), relations: [] }], DEFAULT_LABELS, 'ana');
    const report = await importInto(tempDir(), before);
    expect([report.documentsAdded, report.entitiesAdded, report.entitiesMerged]).toEqual([1, 0, 0]);
    // Written without entities, the file has no links either; the quote's stance is one its label lacks.
    expect(report.skipped.map((s) => s.reason)).toEqual(['label "quote" has no attribute "stance" here: the value was dropped, the annotation imported']);
  });
});
