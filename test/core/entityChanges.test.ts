import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Author } from '../../main/core/annotations';
import { deleteEntity, mergeEntities, restoreEntities, updateEntity } from '../../main/core/entityChanges';
import { listEntities, listEntityDocuments } from '../../main/core/entityUsage';
import { InvalidChangeError } from '../../main/core/errors';
import { importSeeds } from '../../main/core/importArticles';
import type { Entity } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { MAX_ENTITY_DOCUMENTS_PAGE } from '../../main/core/store/sqlIndex/entityUsageQuery';
import { dispatch } from '../../main/service/dispatch';
import { createWorkbench } from '../../main/service/workbench';
import { repoRoot, tempDir } from '../helpers';

const author: Author = { annotator: 'ana', now: '2026-12-05T12:00:00.000Z' };

/// The entities by id, whatever their order.
const byId = (list: Entity[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/// A workspace of the seed articles whose spans of "Russia" and "Lavrov" are linked to entities:
/// Russia 3 times in document 0 and once in 1; Russian Federation once in 0, once in 1 and twice
/// in 3; Sergei Lavrov twice in 4; Aleppo nowhere. One more "Russia" in document 1 is unlinked.
async function linkedWorkspace() {
  const dir = tempDir();
  const ws = await Workspace.open(dir);
  await importSeeds(ws, join(repoRoot, 'seeds'));
  const api = createWorkbench(ws);
  const docs = ws.listDocuments().map((d) => d.id);
  const russia = await api.entities.create({ name: 'Russia', type: 'actor' });
  const federation = await api.entities.create({ name: 'Russian Federation', type: 'actor', aliases: ['RF'], wikidata: 'Q159' });
  const lavrov = await api.entities.create({ name: 'Sergei Lavrov', type: 'actor', aliases: ['Lavrov'] });
  const aleppo = await api.entities.create({ name: 'Aleppo', type: 'location' });
  /// Tags the `nth` occurrence of `phrase` in document `doc` as an actor, linked to `entityId`.
  const mention = async (doc: number, phrase: string, nth: number, entityId?: string) => {
    const { text } = (await ws.readDocument(docs[doc])).document;
    let start = -1;
    for (let i = 0; i <= nth; i++) start = text.indexOf(phrase, start + 1);
    expect(start, `${phrase} #${nth} in document ${doc}`).toBeGreaterThanOrEqual(0);
    return api.annotations.create({ docId: docs[doc], label: 'actor', start, end: start + phrase.length, ...(entityId ? { entityId } : {}) });
  };
  for (const nth of [0, 1, 2]) await mention(0, 'Russia', nth, russia.id);
  await mention(0, 'Russia', 3, federation.id);
  await mention(1, 'Russia', 0, federation.id);
  await mention(1, 'Russia', 1, russia.id);
  const unlinked = await mention(1, 'Russia', 2);
  await mention(3, 'Russia', 0, federation.id);
  await mention(3, 'Russia', 1, federation.id);
  await mention(4, 'Lavrov', 0, lavrov.id);
  await mention(4, 'Lavrov', 1, lavrov.id);
  return { dir, ws, api, docs, russia, federation, lavrov, aleppo, unlinked };
}

/// Every annotation's entity link (null for none), by document and annotation id, read from the files.
async function linksOnDisk(ws: Workspace): Promise<Record<string, Record<string, string | null>>> {
  const links: Record<string, Record<string, string | null>> = {};
  for (const id of ws.documentIds()) {
    links[id] = Object.fromEntries((await ws.readDocument(id)).annotations.map((a) => [a.id, a.entityId ?? null]));
  }
  return links;
}

/// Each entity's name, mentions and mentions per document (by document index), as the list and
/// each entity's page of documents give them (checked to agree).
async function counts(ws: Workspace, docs: string[]) {
  const listed = await listEntities(ws);
  return Promise.all(
    listed.map(async (e) => {
      const page = await listEntityDocuments(ws, e.id, { offset: 0, limit: 1000 });
      expect([page.total, page.documents.length, page.documents.reduce((n, d) => n + d.mentions, 0)], e.name).toEqual([e.documents, e.documents, e.mentions]);
      return { name: e.name, mentions: e.mentions, documents: page.documents.map((d) => [docs.indexOf(d.docId), d.mentions]) };
    }),
  );
}

/// Pairs of (document index, mentions) with equal mentions, in the order the list gives them: by document id.
function tied(docs: string[], ...pairs: [number, number][]): [number, number][] {
  return pairs.sort(([a], [b]) => (docs[a] < docs[b] ? -1 : 1));
}

describe('listing entities', () => {
  it('gives each entity its mentions in each document (most first) and in all, the list by name', async () => {
    const { ws, docs } = await linkedWorkspace();
    expect(await counts(ws, docs)).toEqual([
      { name: 'Aleppo', mentions: 0, documents: [] },
      { name: 'Russia', mentions: 4, documents: [[0, 3], [1, 1]] },
      { name: 'Russian Federation', mentions: 4, documents: [[3, 2], ...tied(docs, [0, 1], [1, 1])] },
      { name: 'Sergei Lavrov', mentions: 2, documents: [[4, 2]] },
    ]);
    await ws.close();
  });

  it('an unlinked annotation counts for no entity, and a link set or cleared later is counted at once', async () => {
    const { ws, api, docs, russia, unlinked } = await linkedWorkspace();
    await api.annotations.update({ docId: docs[1], id: unlinked.id, entityId: russia.id });
    expect((await listEntityDocuments(ws, russia.id, { offset: 0, limit: 10 })).documents.map((d) => [d.docId, d.mentions])).toEqual([
      [docs[0], 3],
      [docs[1], 2],
    ]);
    await api.annotations.update({ docId: docs[1], id: unlinked.id, entityId: null });
    expect((await listEntities(ws)).find((e) => e.id === russia.id)?.mentions).toBe(4);
    await ws.close();
  });
});

describe('an entity\'s documents, a page at a time', () => {
  it('the list carries each entity\'s mentions and how many documents hold them, never the documents', async () => {
    const { ws, api } = await linkedWorkspace();
    const listed = await api.entities.list();
    expect(listed.map((e) => [e.name, e.mentions, e.documents])).toEqual([
      ['Aleppo', 0, 0],
      ['Russia', 4, 2],
      ['Russian Federation', 4, 3],
      ['Sergei Lavrov', 2, 1],
    ]);
    expect(JSON.stringify(listed)).not.toContain('docId');
    await ws.close();
  });

  it('pages come most mentions first, then by id, each with the total; past the end, none', async () => {
    const { ws, api, docs, federation, aleppo } = await linkedWorkspace();
    const titles = new Map(ws.listDocuments().map((d) => [d.id, d.title]));
    const whole = await api.entities.documents(federation.id, { offset: 0, limit: 100 });
    expect(whole.documents.map((d) => [docs.indexOf(d.docId), d.mentions])).toEqual([[3, 2], ...tied(docs, [0, 1], [1, 1])]);
    for (const d of whole.documents) expect(d.title).toBe(titles.get(d.docId));
    const pages = [];
    for (const offset of [0, 1, 2, 3]) pages.push(await api.entities.documents(federation.id, { offset, limit: 1 }));
    expect(pages.map((p) => [p.total, p.offset, p.documents.length])).toEqual([
      [3, 0, 1],
      [3, 1, 1],
      [3, 2, 1],
      [3, 3, 0],
    ]);
    expect(pages.flatMap((p) => p.documents)).toEqual(whole.documents);
    expect(await api.entities.documents(federation.id, { offset: 1, limit: 2 })).toEqual({ total: 3, offset: 1, documents: whole.documents.slice(1) });
    expect(await api.entities.documents(aleppo.id, { offset: 0, limit: 100 })).toEqual({ total: 0, offset: 0, documents: [] });
    await ws.close();
  });

  it('refuses an entity not in the list, and a page out of bounds, through the service', async () => {
    const { ws, api, russia } = await linkedWorkspace();
    const call = (...args: unknown[]) => dispatch(api, 'entities.documents', args);
    const unknown = '6f0b4c0e-2a57-4b8e-9d0c-1f3e5a7b9c21';
    expect(await call(unknown, { offset: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'invalid-change', message: `no entity ${unknown} in this workspace` } });
    for (const bad of [
      ['russia', { offset: 0, limit: 10 }],
      [russia.id, { offset: -1, limit: 10 }],
      [russia.id, { offset: 0, limit: 0 }],
      [russia.id, { offset: 0, limit: MAX_ENTITY_DOCUMENTS_PAGE + 1 }],
      [russia.id, { offset: 0.5, limit: 10 }],
      [russia.id, { offset: 0 }],
      [russia.id, { offset: 0, limit: 10, sort: 'title' }],
      [russia.id],
    ]) {
      expect(await call(...bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    }
    expect(await call(russia.id, { offset: 0, limit: MAX_ENTITY_DOCUMENTS_PAGE })).toMatchObject({ ok: true, value: { total: 2 } });
    await ws.close();
  });
});

describe('merging entities across documents', () => {
  it('relinks every annotation of from to into in each document, on disk and in the SQL counts', async () => {
    const { ws, docs, russia, federation } = await linkedWorkspace();
    const before = await linksOnDisk(ws);
    const { entity, undo } = await mergeEntities(ws, federation.id, russia.id, author);
    expect(entity).toEqual({ id: russia.id, name: 'Russia', type: 'actor', aliases: ['Russian Federation', 'RF'], wikidata: 'Q159' });
    expect(ws.entities.map((e) => e.name)).toEqual(['Russia', 'Sergei Lavrov', 'Aleppo']);
    // Every link to from is now to into; nothing else changed.
    const after = await linksOnDisk(ws);
    const expected = Object.fromEntries(
      Object.entries(before).map(([doc, links]) => [doc, Object.fromEntries(Object.entries(links).map(([id, e]) => [id, e === federation.id ? russia.id : e]))]),
    );
    expect(after).toEqual(expected);
    expect(await counts(ws, docs)).toEqual([
      { name: 'Aleppo', mentions: 0, documents: [] },
      { name: 'Russia', mentions: 8, documents: [[0, 4], ...tied(docs, [1, 2], [3, 2])] },
      { name: 'Sergei Lavrov', mentions: 2, documents: [[4, 2]] },
    ]);
    expect(ws.entityMentions([federation.id])).toEqual([]);
    // The undo names the entities as they were and the links that moved.
    expect(byId(undo.entities)).toEqual(byId([russia, federation]));
    expect(undo.links.map((l) => [docs.indexOf(l.docId), l.annotationIds.length, l.entityId]).sort()).toEqual([
      [0, 1, federation.id],
      [1, 1, federation.id],
      [3, 2, federation.id],
    ]);
    await ws.close();
  });

  it('the undo puts back exactly the entities and the links', async () => {
    const { ws, docs, russia, federation } = await linkedWorkspace();
    const entities = ws.entities;
    const links = await linksOnDisk(ws);
    const listed = await counts(ws, docs);
    const { undo } = await mergeEntities(ws, federation.id, russia.id, author);
    const restored = await restoreEntities(ws, undo, author);
    expect(byId(restored)).toEqual(byId([russia, federation]));
    expect(byId(ws.entities)).toEqual(byId(entities));
    expect(await linksOnDisk(ws)).toEqual(links);
    expect(await counts(ws, docs)).toEqual(listed);
    await ws.close();
  });

  it('refuses a merge that cannot be done before any link moves', async () => {
    const { ws, russia, federation } = await linkedWorkspace();
    const links = await linksOnDisk(ws);
    await expect(mergeEntities(ws, russia.id, russia.id, author)).rejects.toThrow('cannot be merged into itself');
    await expect(mergeEntities(ws, russia.id, '6f0b4c0e-2a57-4b8e-9d0c-1f3e5a7b9c21', author)).rejects.toThrow(InvalidChangeError);
    // Two entities whose aliases together are more than an entity may have.
    const many = (prefix: string) => Array.from({ length: 150 }, (_, i) => `${prefix} ${i}`);
    await updateEntity(ws, russia.id, { aliases: many('r') });
    await updateEntity(ws, federation.id, { aliases: many('f') });
    await expect(mergeEntities(ws, federation.id, russia.id, author)).rejects.toThrow(InvalidChangeError);
    expect(await linksOnDisk(ws)).toEqual(links);
    expect(ws.entities).toHaveLength(4);
    await ws.close();
  });
});

describe('deleting entities', () => {
  it('removes the links (the spans stay) and then the entity; the undo brings back both exactly', async () => {
    const { ws, docs, federation } = await linkedWorkspace();
    const entities = ws.entities;
    const links = await linksOnDisk(ws);
    const listed = await counts(ws, docs);
    const spans = ws.listDocuments().map((d) => d.counts);
    const undo = await deleteEntity(ws, federation.id, author);
    expect(undo.entities).toEqual([federation]);
    expect(ws.entities.map((e) => e.name)).toEqual(['Russia', 'Sergei Lavrov', 'Aleppo']);
    const after = await linksOnDisk(ws);
    for (const [doc, annotations] of Object.entries(links)) {
      expect(Object.keys(after[doc]).sort()).toEqual(Object.keys(annotations).sort());
      for (const [id, entityId] of Object.entries(annotations)) expect(after[doc][id]).toBe(entityId === federation.id ? null : entityId);
    }
    expect(ws.listDocuments().map((d) => d.counts)).toEqual(spans);
    expect((await listEntities(ws)).map((e) => e.name)).toEqual(['Aleppo', 'Russia', 'Sergei Lavrov']);
    expect(ws.entityCounts().filter((c) => c.entityId === federation.id)).toEqual([]);
    await restoreEntities(ws, undo, author);
    expect(byId(ws.entities)).toEqual(byId(entities));
    expect(await linksOnDisk(ws)).toEqual(links);
    expect(await counts(ws, docs)).toEqual(listed);
    await ws.close();
  });

  it('an undo skips a document deleted since, and annotations deleted since', async () => {
    const { ws, docs, federation } = await linkedWorkspace();
    const undo = await deleteEntity(ws, federation.id, author);
    await ws.deleteDocuments([docs[3]]);
    const [gone] = undo.links.find((l) => l.docId === docs[0])!.annotationIds;
    await ws.updateDocument(docs[0], (file) => ({ file: { ...file, annotations: file.annotations.filter((a) => a.id !== gone) }, result: null }));
    await restoreEntities(ws, undo, author);
    expect((await counts(ws, docs)).find((e) => e.name === 'Russian Federation')).toEqual({ name: 'Russian Federation', mentions: 1, documents: [[1, 1]] });
    await ws.close();
  });
});

describe('entity counts and deleted documents', () => {
  it('a deleted document\'s mentions leave the counts, and come back with it', async () => {
    const { ws, docs } = await linkedWorkspace();
    const listed = await counts(ws, docs);
    const { backup } = await ws.deleteDocuments([docs[0]]);
    expect((await counts(ws, docs)).find((e) => e.name === 'Russia')).toEqual({ name: 'Russia', mentions: 1, documents: [[1, 1]] });
    await ws.undeleteDocuments([docs[0]], backup);
    expect(await counts(ws, docs)).toEqual(listed);
    await ws.close();
  });
});

describe('updating an entity', () => {
  it('renames it (the old name an alias) without touching any link; the undo puts it back', async () => {
    const { ws, lavrov } = await linkedWorkspace();
    const links = await linksOnDisk(ws);
    const { entity, undo } = await updateEntity(ws, lavrov.id, { name: 'Sergey Lavrov' });
    expect(entity.aliases).toEqual(['Lavrov', 'Sergei Lavrov']);
    expect(await linksOnDisk(ws)).toEqual(links);
    expect(undo).toEqual({ entities: [lavrov], links: [] });
    await restoreEntities(ws, undo, author);
    expect(ws.entities.find((e) => e.id === lavrov.id)).toEqual(lavrov);
    await ws.close();
  });
});

describe('entity counts after reopening', () => {
  it('are the same when the SQL index is rebuilt from the files', async () => {
    const { dir, ws, docs, russia, federation } = await linkedWorkspace();
    await mergeEntities(ws, federation.id, russia.id, author);
    const listed = await counts(ws, docs);
    const entities = ws.entities;
    await ws.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `index.sqlite${suffix}`), { force: true });
    const reopened = await Workspace.open(dir);
    expect(reopened.entities).toEqual(entities);
    expect(await counts(reopened, docs)).toEqual(listed);
    await reopened.close();
    const readOnly = await Workspace.open(dir, { readOnly: true });
    expect(await counts(readOnly, docs)).toEqual(listed);
    await readOnly.close();
  });
});

describe('the service and entity links', () => {
  it('refuses to link an annotation to an entity that is not in the list, on create and on update', async () => {
    const { ws, api, docs, unlinked } = await linkedWorkspace();
    const unknown = '6f0b4c0e-2a57-4b8e-9d0c-1f3e5a7b9c21';
    await expect(api.annotations.create({ docId: docs[2], label: 'actor', start: 0, end: 5, entityId: unknown })).rejects.toThrow(`no entity ${unknown}`);
    await expect(api.annotations.update({ docId: docs[1], id: unlinked.id, entityId: unknown })).rejects.toThrow(InvalidChangeError);
    expect((await ws.readDocument(docs[2])).annotations).toEqual([]);
    expect((await ws.readDocument(docs[1])).annotations.find((a) => a.id === unlinked.id)?.entityId).toBeUndefined();
    await ws.close();
  });

  it('an annotation restored after its entity was deleted comes back unlinked; one whose entity exists, linked', async () => {
    const { ws, api, docs, lavrov, federation } = await linkedWorkspace();
    const [first, second] = (await ws.readDocument(docs[4])).annotations;
    const removedFirst = await api.annotations.delete(docs[4], first.id);
    const removedSecond = await api.annotations.delete(docs[4], second.id);
    await api.entities.delete(lavrov.id);
    const restored = await api.annotations.restore(docs[4], removedFirst);
    expect(restored).toEqual(Object.fromEntries(Object.entries(first).filter(([key]) => key !== 'entityId')));
    expect('entityId' in (await ws.readDocument(docs[4])).annotations[0]).toBe(false);
    // Linked again to an entity that is in the list, it comes back as it was.
    await api.entities.restore({ entities: [lavrov], links: [] });
    expect(await api.annotations.restore(docs[4], removedSecond)).toEqual(second);
    expect((await listEntities(ws)).find((e) => e.id === lavrov.id)?.mentions).toBe(1);
    expect((await listEntities(ws)).find((e) => e.id === federation.id)?.mentions).toBe(4);
    await ws.close();
  });

  it('entities.* round trip: create, update, merge, delete and restore, with counts in the list', async () => {
    const { ws, api, russia, federation } = await linkedWorkspace();
    await expect(api.entities.create({ name: 'russia', type: 'actor' })).rejects.toThrow('there is already an entity "Russia" of this type');
    const { undo: mergeUndo } = await api.entities.merge(federation.id, russia.id);
    expect((await api.entities.list()).find((e) => e.id === russia.id)?.mentions).toBe(8);
    await api.entities.restore(mergeUndo);
    const deleteUndo = await api.entities.delete(russia.id);
    expect((await api.entities.list()).map((e) => [e.name, e.mentions])).toEqual([
      ['Aleppo', 0],
      ['Russian Federation', 4],
      ['Sergei Lavrov', 2],
    ]);
    await api.entities.restore(deleteUndo);
    expect((await api.entities.list()).map((e) => [e.name, e.mentions])).toEqual([
      ['Aleppo', 0],
      ['Russia', 4],
      ['Russian Federation', 4],
      ['Sergei Lavrov', 2],
    ]);
    await ws.close();
  });
});

describe('entity changes that span documents run alone', () => {
  it('a link made while a merge runs lands before it (and is moved) or after it (and is refused): never to the entity merged away', async () => {
    const { ws, api, docs, russia, federation, unlinked } = await linkedWorkspace();
    const merging = api.entities.merge(russia.id, federation.id);
    const linking = api.annotations.update({ docId: docs[1], id: unlinked.id, entityId: russia.id }).then(
      () => 'linked',
      (error: Error) => error.message,
    );
    await merging;
    const outcome = await linking;
    const entityIds = new Set(ws.entities.map((e) => e.id));
    for (const links of Object.values(await linksOnDisk(ws))) for (const id of Object.values(links)) if (id) expect(entityIds.has(id)).toBe(true);
    expect(['linked', `no entity ${russia.id} in this workspace`]).toContain(outcome);
    await ws.close();
  });

  it('a merge stopped half-way by a failed write links back what it had moved, and keeps the entity', async () => {
    const { ws, docs, russia, federation } = await linkedWorkspace();
    const before = await linksOnDisk(ws);
    // The second document the merge writes fails (a full disk, say).
    const original = ws.exclusive.bind(ws);
    let writes = 0;
    ws.exclusive = (task) =>
      original((changes) =>
        task({
          ...changes,
          updateDocument: (id, change) => (++writes === 2 ? Promise.reject(new Error('ENOSPC: no space left on device')) : changes.updateDocument(id, change)),
        }),
      );
    await expect(mergeEntities(ws, russia.id, federation.id, author)).rejects.toThrow('ENOSPC');
    expect(writes).toBeGreaterThan(2); // the rollback wrote
    expect(await linksOnDisk(ws)).toEqual(before);
    expect(ws.entities.map((e) => e.id)).toContain(russia.id);
    expect(docs).toHaveLength(5);
    await ws.close();
  });
});
