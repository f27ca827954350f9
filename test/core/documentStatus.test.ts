// Each annotator's status of a document: kept in the document file (schema 5), one per annotator,
// "to do" when none is stored; older files load as they were; a bad value is refused by name; the
// index filters the library by it and counts each row's annotations as the annotator's or others'.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSeeds } from '../../main/core/importArticles';
import { DocumentFileSchema, describeSchemaError, type DocumentFile } from '../../main/core/model';
import { nextStatus, setDocumentStatus, statusOf } from '../../main/core/documentStatus';
import { Workspace } from '../../main/core/store/workspace';
import { documentFileName } from '../../main/core/store/workspaceFiles';
import { INDEX_FILE, openIndexDatabase } from '../../main/core/store/sqlIndex/indexDatabase';
import { WorkspaceIndex } from '../../main/core/store/sqlIndex/workspaceIndex';
import { dispatch } from '../../main/service/dispatch';
import { createWorkbench } from '../../main/service/workbench';
import { repoRoot, tempDir } from '../helpers';

async function seeded(): Promise<{ dir: string; ws: Workspace; ids: string[] }> {
  const dir = tempDir();
  const ws = await Workspace.open(dir);
  await importSeeds(ws, join(repoRoot, 'seeds'));
  return { dir, ws, ids: ws.documentIds() };
}

const fileOf = (dir: string, id: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, 'documents', documentFileName(id)), 'utf8'));

const listed = async (ws: Workspace, query: { status?: 'todo' | 'in-progress' | 'done'; annotator?: string } = {}) =>
  (await ws.libraryPage({ offset: 0, limit: 100, ...query })).documents;

describe('setting and reading a status', () => {
  it('is per annotator, stored in the document file, and "to do" removes it', async () => {
    const { dir, ws, ids } = await seeded();
    const api = createWorkbench(ws);
    expect(statusOf(await ws.readDocument(ids[1]), 'Ana')).toBe('todo');
    await api.settings.setAnnotator('Ana');
    const set = await api.documents.setStatus(ids[1], 'in-progress');
    expect(set).toMatchObject({ docId: ids[1], annotator: 'Ana', status: 'in-progress' });
    expect(Date.parse(set.at!)).toBeGreaterThan(Date.now() - 60_000);
    await api.documents.setStatus(ids[1], 'done');
    await api.settings.setAnnotator('Ben');
    await api.documents.setStatus(ids[1], 'in-progress');
    const file = fileOf(dir, ids[1]);
    expect(file.schemaVersion).toBe(5);
    expect((file.statuses as { annotator: string; status: string }[]).map((m) => [m.annotator, m.status])).toEqual([
      ['Ana', 'done'],
      ['Ben', 'in-progress'],
    ]);
    const read = await ws.readDocument(ids[1]);
    expect([statusOf(read, 'Ana'), statusOf(read, 'Ben'), statusOf(read, 'Cleo')]).toEqual(['done', 'in-progress', 'todo']);
    // Back to "to do": Ben's entry goes, Ana's stays; with none left the key goes too.
    await api.documents.setStatus(ids[1], 'todo');
    expect((fileOf(dir, ids[1]).statuses as unknown[]).length).toBe(1);
    await api.settings.setAnnotator('Ana');
    await api.documents.setStatus(ids[1], 'todo');
    expect('statuses' in fileOf(dir, ids[1])).toBe(false);
    await ws.close();
  });

  it('setting the status held changes nothing, not even its time; the steps go to do, in progress, done and round', () => {
    const file = { statuses: [{ annotator: 'Ana', status: 'done', at: '2016-12-13T09:30:00.000Z' }], document: { id: 'sha256:x' } } as unknown as DocumentFile;
    const same = setDocumentStatus(file, 'Ana', 'done', '2020-01-01T00:00:00.000Z');
    expect(same.file).toBe(file);
    expect(same.result.at).toBe('2016-12-13T09:30:00.000Z');
    expect(['todo', 'in-progress', 'done'].map((s) => nextStatus(s as 'todo'))).toEqual(['in-progress', 'done', 'todo']);
  });

  it('survives closing, a lost index and a restore of a backup', async () => {
    const { dir, ws, ids } = await seeded();
    const api = createWorkbench(ws);
    await api.documents.setStatus(ids[2], 'done');
    const backup = await ws.backup();
    await api.documents.setStatus(ids[2], 'todo');
    expect((await listed(ws, { status: 'done' })).map((d) => d.id)).toEqual([]);
    await ws.restoreBackup(backup.name);
    expect((await listed(ws, { status: 'done' })).map((d) => d.id)).toEqual([ids[2]]);
    await ws.close();
    rmSync(join(dir, INDEX_FILE));
    const reopened = await Workspace.open(dir);
    expect((await listed(reopened, { status: 'done' })).map((d) => d.id)).toEqual([ids[2]]);
    expect(statusOf(await reopened.readDocument(ids[2]), reopened.currentAnnotator)).toBe('done');
    await reopened.close();
  });
});

describe('older files and bad values', () => {
  it('a schema 4 file (no statuses) reads unchanged, as "to do" for everyone, and is not rewritten by reading', async () => {
    const { dir, ws, ids } = await seeded();
    await createWorkbench(ws).annotations.create({ docId: ids[0], label: 'actor', start: 0, end: 5 });
    const current = await ws.readDocument(ids[0]);
    await ws.close();
    const path = join(dir, 'documents', documentFileName(ids[0]));
    const old = JSON.stringify({ ...current, schemaVersion: 4 });
    writeFileSync(path, old);
    const reopened = await Workspace.open(dir);
    expect(await reopened.readDocument(ids[0])).toEqual(current);
    expect(statusOf(current, reopened.currentAnnotator)).toBe('todo');
    expect((await listed(reopened, { status: 'todo' })).map((d) => d.id)).toEqual(ids);
    expect(reopened.notices.join('\n')).not.toMatch(/damaged|restored/);
    expect(readFileSync(path, 'utf8')).toBe(old);
    await reopened.close();
  });

  it('a file with an unknown status or two statuses of one annotator is refused, saying which and why', () => {
    const base = { schemaVersion: 5, document: { id: `sha256:${'a'.repeat(64)}`, title: 't', sourceName: 't.txt', text: 'text', importedAt: '2016-12-13T09:30:00.000Z', meta: {} }, annotations: [], relations: [] };
    const at = '2016-12-13T09:30:00.000Z';
    const unknown = DocumentFileSchema.safeParse({ ...base, statuses: [{ annotator: 'Ana', status: 'finished', at }] });
    expect(unknown.success).toBe(false);
    expect(describeSchemaError(unknown.error!)).toEqual(['statuses.0.status: expected a status: todo, in-progress or done']);
    const twice = DocumentFileSchema.safeParse({ ...base, statuses: [{ annotator: 'Ana', status: 'done', at }, { annotator: 'Ana', status: 'todo', at }] });
    expect(describeSchemaError(twice.error!)).toEqual(['statuses: an annotator has one status per document']);
    expect(DocumentFileSchema.safeParse({ ...base, statuses: [{ annotator: 'Ana', status: 'done', at }] }).success).toBe(true);
  });

  it('the service refuses an unknown status by name and changes nothing', async () => {
    const { dir, ws, ids } = await seeded();
    const reply = await dispatch(createWorkbench(ws), 'documents.setStatus', [ids[0], 'finished']);
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-arguments', message: 'documents.setStatus: 1: expected a status: todo, in-progress or done' } });
    expect('statuses' in fileOf(dir, ids[0])).toBe(false);
    await ws.close();
  });
});

describe('the library by status', () => {
  it('filters by the annotator’s status (with the outlet and title filters), each row saying its status and whose annotations', async () => {
    const { ws, ids } = await seeded();
    const api = createWorkbench(ws);
    await api.settings.setAnnotator('Ana');
    await api.documents.setStatus(ids[3], 'done');
    await api.documents.setStatus(ids[4], 'in-progress');
    for (const start of [0, 10, 20]) await api.annotations.create({ docId: ids[3], label: 'actor', start, end: start + 5 });
    await api.settings.setAnnotator('Ben');
    await api.documents.setStatus(ids[0], 'done');
    for (const start of [0, 10]) await api.annotations.create({ docId: ids[3], label: 'location', start, end: start + 5 });

    // Ben is current: his statuses.
    expect((await listed(ws, { status: 'done' })).map((d) => d.id)).toEqual([ids[0]]);
    expect((await listed(ws, { status: 'todo' })).map((d) => d.id)).toEqual([ids[1], ids[2], ids[3], ids[4]]);
    // Ana's, asked for by name.
    const anaDone = await listed(ws, { status: 'done', annotator: 'Ana' });
    expect(anaDone.map((d) => [d.id, d.status, d.mine])).toEqual([[ids[3], 'done', 3]]);
    expect((await listed(ws, { status: 'in-progress', annotator: 'Ana' })).map((d) => d.id)).toEqual([ids[4]]);
    expect((await listed(ws, { status: 'todo', annotator: 'Ana' })).map((d) => d.id)).toEqual([ids[0], ids[1], ids[2]]);
    const page = await ws.libraryPage({ offset: 0, limit: 100, status: 'todo', annotator: 'Ana' });
    expect([page.total, page.all]).toEqual([3, 5]);
    // Every row: the current annotator's status and own annotations (the rest are others').
    const rows = await listed(ws);
    expect(rows.map((d) => d.status)).toEqual(['done', 'todo', 'todo', 'todo', 'todo']);
    const row3 = rows.find((d) => d.id === ids[3])!;
    expect([row3.mine, Object.values(row3.counts).reduce((a, b) => a + b)]).toEqual([2, 5]);
    // With the other filters, and a page of the filtered rows.
    const outlet = (await ws.readDocument(ids[0])).document.meta.outlet!;
    expect((await ws.libraryPage({ offset: 0, limit: 100, status: 'done', outlet })).documents.map((d) => d.id)).toEqual([ids[0]]);
    expect((await ws.libraryPage({ offset: 0, limit: 100, status: 'done', filter: 'no title has this' })).total).toBe(0);
    expect((await ws.libraryPage({ offset: 1, limit: 2, status: 'todo', sort: 'title' })).documents).toHaveLength(2);
    await ws.close();
  });

  it('the panes’ summaries are library rows: in the order asked, the missing left out, each with the current annotator’s status and own count', async () => {
    const { ws, ids } = await seeded();
    const api = createWorkbench(ws);
    await api.settings.setAnnotator('Ana');
    await api.documents.setStatus(ids[3], 'done');
    await api.annotations.create({ docId: ids[3], label: 'actor', start: 0, end: 5 });
    await api.settings.setAnnotator('Ben');
    await api.documents.setStatus(ids[1], 'in-progress');
    const missing = `sha256:${'0'.repeat(64)}`;
    const rows = await api.documents.summaries([ids[3], missing, ids[1]]);
    expect(rows.map((r) => [r.id, r.status, r.mine])).toEqual([
      [ids[3], 'todo', 0],
      [ids[1], 'in-progress', 0],
    ]);
    expect(rows[0]).toEqual((await listed(ws)).find((d) => d.id === ids[3]));
    await api.settings.setAnnotator('Ana');
    expect((await api.documents.summaries([ids[3]])).map((r) => [r.status, r.mine])).toEqual([['done', 1]]);
    await ws.close();
  });
});

describe('the library by status, in a large index', () => {
  it('a common status (walked in the order’s index) and a rare one (picked, then sorted) page alike', () => {
    const { db } = openIndexDatabase(tempDir());
    const index = new WorkspaceIndex(db);
    const documents = 3000;
    db.transaction(() => {
      const insert = db.prepare(
        `INSERT INTO documents (seq, id, title, source_name, characters, imported_at, counts, annotations, filter_key, stamp, outlet, published_at, meta)
         VALUES (?, ?, ?, 'f.txt', 10, ?, '{}', 0, ?, 's', NULL, NULL, '{}')`,
      );
      const mark = db.prepare('INSERT INTO document_statuses (annotator, doc, status) VALUES (?, ?, ?)');
      for (let seq = 1; seq <= documents; seq++) {
        // Titles run against import order, so that the two orders differ.
        insert.run(seq, `sha256:${String(seq).padStart(64, '0')}`, `T${String(documents - seq).padStart(5, '0')}`, new Date(1e12 + seq).toISOString(), `t${seq}`);
        mark.run('Ana', seq, seq % 7 === 0 ? 'in-progress' : 'done'); // common: 2,572 done
        if (seq % 100 === 0) mark.run('Ben', seq, 'done'); // rare: 30
      }
    })();
    const seqsOf = (annotator: string, status: string, sort?: 'title') => {
      const seqs: number[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = index.libraryPage({ offset, limit: 500, status: status as 'done', ...(sort ? { sort } : {}) }, annotator);
        seqs.push(...page.documents.map((d) => Number(d.id.slice(7))));
        expect(page.documents.every((d) => d.status === status)).toBe(true);
        if (page.documents.length < 500) return { seqs, total: page.total };
      }
    };
    const range = Array.from({ length: documents }, (_, i) => i + 1);
    const anaDone = range.filter((seq) => seq % 7 !== 0);
    expect(seqsOf('Ana', 'done')).toEqual({ seqs: anaDone, total: anaDone.length });
    expect(seqsOf('Ana', 'done', 'title')).toEqual({ seqs: [...anaDone].reverse(), total: anaDone.length });
    const benDone = range.filter((seq) => seq % 100 === 0);
    expect(seqsOf('Ben', 'done', 'title')).toEqual({ seqs: [...benDone].reverse(), total: benDone.length });
    expect(seqsOf('Ben', 'todo')).toEqual({ seqs: range.filter((seq) => seq % 100 !== 0), total: documents - benDone.length });
    expect(seqsOf('Ana', 'todo')).toEqual({ seqs: [], total: 0 });
    index.close();
  });
});
