import { readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation, setRelation, updateAnnotation } from '../../main/core/annotations';
import { importSeeds } from '../../main/core/importArticles';
import { searchDocuments } from '../../main/core/search';
import { writeFileDurably } from '../../main/core/store/durableJsonFile';
import { INDEX_FILE } from '../../main/core/store/sqlIndex/indexDatabase';
import { Workspace } from '../../main/core/store/workspace';
import { documentFileName } from '../../main/core/store/workspaceFiles';
import { EMPTY_DIGEST, scanWorkspace } from '../../main/core/store/workspaceScan';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { seededRandom } from '../seededRandom';
import { repoRoot, tempDir } from '../helpers';

/// Everything the index says, without what only tells one build from another (row numbers, stamps).
function indexContents(dir: string) {
  const db = new Database(join(dir, INDEX_FILE), { readonly: true });
  try {
    return {
      documents: db.prepare('SELECT id, title, source_name, characters, imported_at, counts, annotations, filter_key FROM documents ORDER BY id').all(),
      annotations: db
        .prepare('SELECT d.id AS doc, a.id, a.label, a.annotator, a.start, a.end, a.quote, a.measure_key FROM annotations a JOIN documents d ON d.seq = a.doc ORDER BY d.id, a.id')
        .all(),
      // Compare's counts, kept by triggers as annotations come and go.
      quoteSpeakers: db
        .prepare('SELECT d.id AS doc, q.quote_id, q.link, q.speaker_id, q.speaker_entity, q.speaker_text FROM quote_speakers q JOIN documents d ON d.seq = q.doc ORDER BY d.id, q.quote_id, q.link')
        .all(),
      labelTallies: db.prepare('SELECT d.id AS doc, t.annotator, t.label, t.n FROM label_tallies t JOIN documents d ON d.seq = t.doc ORDER BY d.id, t.annotator, t.label').all(),
      texts: db.prepare('SELECT d.id, t.text FROM texts t JOIN documents d ON d.seq = t.doc ORDER BY d.id').all(),
    };
  } finally {
    db.close();
  }
}

/// The digest of the files the index keeps (see `withFileDigest`).
function filesDigest(dir: string): unknown {
  const db = new Database(join(dir, INDEX_FILE), { readonly: true });
  try {
    return db.prepare("SELECT value FROM meta WHERE key = 'files_digest'").pluck().get();
  } finally {
    db.close();
  }
}

async function seeded(): Promise<{ dir: string; ids: string[] }> {
  const dir = tempDir();
  const ws = await Workspace.open(dir);
  await importSeeds(ws, join(repoRoot, 'seeds'));
  const ids = ws.documentIds();
  await ws.close();
  return { dir, ids };
}

/// Makes some random annotation changes through the store (creates, label changes, deletes).
async function annotateRandomly(ws: Workspace, seed: number, changes: number): Promise<void> {
  const random = seededRandom(seed);
  const ids = ws.documentIds();
  const author = (annotator: string) => ({ annotator, now: new Date().toISOString() });
  for (let i = 0; i < changes; i++) {
    const docId = ids[Math.floor(random() * ids.length)];
    const { annotations, document } = await ws.readDocument(docId);
    const who = random() < 0.5 ? 'ann' : 'bob';
    const roll = random();
    if (annotations.length && roll < 0.25) {
      const victim = annotations[Math.floor(random() * annotations.length)];
      await ws.updateDocument(docId, (file) => deleteAnnotation(file, victim.id));
    } else if (annotations.length && roll < 0.45) {
      const target = annotations[Math.floor(random() * annotations.length)];
      await ws.updateDocument(docId, (file) => updateAnnotation(file, { id: target.id, label: random() < 0.5 ? 'actor' : 'location' }, ws.labels, author(who)));
    } else if (roll < 0.55) {
      // A quote linked to its speaker, or a speaker's span moved (the link keeps its text).
      const quote = annotations.find((a) => a.label === 'quote');
      const actor = annotations.find((a) => a.label === 'actor');
      if (quote && actor && random() < 0.6) await ws.updateDocument(docId, (file) => setRelation(file, 'speaker', quote.id, actor.id, author(who)));
      else if (actor) await ws.updateDocument(docId, (file) => updateAnnotation(file, { id: actor.id, end: Math.min(actor.end + 1, document.text.length) }, ws.labels, author(who))).catch(() => undefined);
    } else {
      const start = Math.floor(random() * (document.text.length - 20));
      const input = { docId, label: ['figure', 'quote', 'actor'][Math.floor(random() * 3)], start, end: start + 1 + Math.floor(random() * 15) };
      await ws.updateDocument(docId, (file) => createAnnotation(file, input, ws.labels, author(who))).catch(() => undefined); // a span across a surrogate pair is refused
    }
  }
}

describe('the SQL index (index.sqlite)', () => {
  it('follows every save exactly as a rebuild from the files would', async () => {
    const { dir } = await seeded();
    const ws = await Workspace.open(dir);
    await annotateRandomly(ws, 7, 150);
    await ws.close();
    const followed = indexContents(dir);
    expect(followed.annotations.length).toBeGreaterThan(20);
    expect(followed.quoteSpeakers.length).toBeGreaterThan(2);
    rmSync(join(dir, INDEX_FILE));
    const rebuilt = await Workspace.open(dir);
    await rebuilt.close();
    expect(indexContents(dir)).toEqual(followed);
  });

  it("keeps the files' digest as it follows saves, equal to a scan of the files, so the opening check compares one value", async () => {
    const { dir, ids } = await seeded();
    const ws = await Workspace.open(dir);
    await annotateRandomly(ws, 5, 30);
    await ws.close();
    const indexed = () => filesDigest(dir);
    const scan = await scanWorkspace(dir);
    expect(scan.documentsDigest).not.toBe(EMPTY_DIGEST);
    expect(indexed()).toBe(scan.documentsDigest);
    expect(scan.files.split('\n')).toHaveLength(ids.length + 1); // the documents and workspace.json
    // A file changed behind the index's back: the digests differ, the stamps tell which file.
    const path = join(dir, 'documents', documentFileName(ids[0]));
    await writeFileDurably(path, readFileSync(path));
    const changed = await scanWorkspace(dir);
    expect(changed.documentsDigest).not.toBe(indexed());
    const reopened = await Workspace.open(dir);
    expect(reopened.notices.join('\n')).toMatch(/brought up to date for 1 document/);
    await reopened.close();
    expect(indexed()).toBe((await scanWorkspace(dir)).documentsDigest);
  });

  for (const [damage, spoil, reason] of [
    ['deleted', (path: string) => rmSync(path), /index\.sqlite is missing/],
    ['truncated', (path: string) => truncateSync(path, Math.floor(statSync(path).size / 2)), /index\.sqlite (is shorter than its own header says|it is damaged)/],
    ['overwritten with garbage', (path: string) => writeFileSync(path, Buffer.alloc(statSync(path).size, 0x5a)), /index\.sqlite it is damaged/],
  ] as const) {
    it(`is rebuilt from the files when ${damage}`, async () => {
      const { dir, ids } = await seeded();
      const ws = await Workspace.open(dir);
      await annotateRandomly(ws, 11, 20);
      await ws.close();
      const before = indexContents(dir);
      spoil(join(dir, INDEX_FILE));
      let progress = 0;
      const reopened = await Workspace.open(dir, { onIndexProgress: (done, total) => void (progress = done / total) });
      expect(reopened.notices.join('\n')).toMatch(reason);
      expect(progress).toBe(1);
      expect(reopened.documentIds().sort()).toEqual([...ids].sort());
      expect((await searchDocuments(reopened, 'Aleppo')).length).toBe(5);
      await reopened.close();
      expect(indexContents(dir)).toEqual(before);
    });
  }

  it('is rebuilt when a build was interrupted (left half-built)', async () => {
    const { dir } = await seeded();
    const db = new Database(join(dir, INDEX_FILE));
    db.prepare("UPDATE meta SET value = '0' WHERE key = 'built'").run();
    db.prepare('DELETE FROM documents WHERE seq > 2').run();
    db.close();
    const ws = await Workspace.open(dir);
    expect(ws.notices.join()).toMatch(/was left half-built/);
    expect(ws.documentCount()).toBe(5);
    await ws.close();
  });

  it('catches up on open with files written behind its back: a crash between a file and its index entry, a file changed, a file gone (restored, or forgotten)', async () => {
    const { dir, ids } = await seeded();
    const ws = await Workspace.open(dir);
    await annotateRandomly(ws, 3, 10);
    await ws.close();
    // As a crash right after the file's rename leaves it: the file is new, the index is not.
    const article = articleFromBytes('late.txt', new TextEncoder().encode('Imported just before the crash, about Homs.'));
    const changedPath = join(dir, 'documents', documentFileName(ids[0]));
    const changed = JSON.parse(readFileSync(changedPath, 'utf8'));
    const digestBefore = filesDigest(dir);
    const crashed = await Workspace.open(dir);
    await crashed.importArticle(article);
    await crashed.updateDocument(ids[0], (file) => createAnnotation(file, { docId: ids[0], label: 'actor', start: 0, end: 5 }, crashed.labels, { annotator: 'ann', now: new Date().toISOString() }));
    const withChanges = indexContents(dir);
    await crashed.close();
    // Put the index back as it was before those two saves (what a kill between write and index leaves).
    const db = new Database(join(dir, INDEX_FILE));
    db.prepare('DELETE FROM annotations WHERE doc = (SELECT seq FROM documents WHERE id = ?)').run(ids[0]);
    const seqOf = (id: string) => db.prepare('SELECT seq FROM documents WHERE id = ?').pluck().get(id);
    const insert = db.prepare('INSERT INTO annotations (doc, id, label, annotator, start, end, quote, cp_start, cp_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const a of changed.annotations) insert.run(seqOf(ids[0]), a.id, a.label, a.annotator, a.start, a.end, a.quote, a.start, a.end);
    db.prepare("UPDATE documents SET counts = '{}', stamp = 'old' WHERE id = ?").run(ids[0]);
    const lateSeq = seqOf(article.id);
    db.prepare('DELETE FROM text_search WHERE rowid = ?').run(lateSeq);
    db.prepare('DELETE FROM texts WHERE doc = ?').run(lateSeq);
    db.prepare('DELETE FROM documents WHERE seq = ?').run(lateSeq);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'files_digest'").run(digestBefore);
    db.close();
    expect(indexContents(dir)).not.toEqual(withChanges);
    const reopened = await Workspace.open(dir);
    expect(reopened.notices.join('\n')).toMatch(/indexed "Imported just before the crash, about Homs\."/);
    expect(reopened.notices.join('\n')).toMatch(/brought up to date for 1 document/);
    expect((await searchDocuments(reopened, 'about homs')).map((r) => r.id)).toEqual([article.id]);
    await reopened.close();
    expect(indexContents(dir)).toEqual(withChanges);
    // A file removed by hand is restored from the newest backup at the next open (the index
    // remembers it); with no backup holding it, it leaves the library.
    rmSync(join(dir, 'documents', documentFileName(article.id)));
    const again = await Workspace.open(dir, { checkIndexInBackground: true });
    await again.indexChecked;
    expect(again.notices.join('\n')).toMatch(/was missing\. It was restored from the backup of /);
    await again.close();
    expect(indexContents(dir)).toEqual(withChanges);
    rmSync(join(dir, 'documents', documentFileName(article.id)));
    rmSync(join(dir, 'backups'), { recursive: true });
    const last = await Workspace.open(dir);
    expect(last.notices.join('\n')).toMatch(/is missing and no backup holds a valid copy of it/);
    expect(last.hasDocument(article.id)).toBe(false);
    await last.close();
    const others = <T extends object>(rows: T[], key: keyof T) => rows.filter((row) => row[key] !== article.id);
    expect(indexContents(dir)).toEqual({
      documents: others(withChanges.documents as { id: string }[], 'id'),
      annotations: others(withChanges.annotations as { doc: string }[], 'doc'),
      texts: others(withChanges.texts as { id: string }[], 'id'),
      quoteSpeakers: others(withChanges.quoteSpeakers as { doc: string }[], 'doc'),
      labelTallies: others(withChanges.labelTallies as { doc: string }[], 'doc'),
    });
  });

  it('a document file changed by hand (same size, same second) is told apart by its inode', async () => {
    const { dir, ids } = await seeded();
    const path = join(dir, 'documents', documentFileName(ids[1]));
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.document.title = file.document.title.replace(/^./, (c: string) => (c === 'X' ? 'Y' : 'X'));
    await writeFileDurably(path, JSON.stringify(file));
    const ws = await Workspace.open(dir);
    expect(ws.listDocuments().find((d) => d.id === ids[1])!.title).toBe(file.document.title);
    await ws.close();
  });

  it('an import never writes over a document whose file exists, even when the index lacks it', async () => {
    const { dir, ids } = await seeded();
    const ws = await Workspace.open(dir);
    const text = (await ws.readDocument(ids[0])).document.text;
    await ws.updateDocument(ids[0], (file) => createAnnotation(file, { docId: ids[0], label: 'actor', start: 0, end: 4 }, ws.labels, { annotator: 'ann', now: new Date().toISOString() }));
    await ws.close();
    const path = join(dir, 'documents', documentFileName(ids[0]));
    const before = readFileSync(path, 'utf8');
    const db = new Database(join(dir, INDEX_FILE));
    db.prepare('DELETE FROM documents WHERE id = ?').run(ids[0]);
    db.close();
    // Opened with the check still running: the index does not know the document yet.
    const reopened = await Workspace.open(dir, { checkIndexInBackground: true });
    const [outcome] = await reopened.importArticles([articleFromBytes('again.txt', new TextEncoder().encode(text))]);
    expect(outcome.status).toBe('duplicate');
    expect(outcome.document.counts).toEqual({ actor: 1 });
    expect(readFileSync(path, 'utf8')).toBe(before);
    await reopened.indexChecked;
    expect(reopened.hasDocument(ids[0])).toBe(true);
    await reopened.close();
  });

  it('a save whose index update fails is still saved and acknowledged; the next open catches the index up', async () => {
    const { dir, ids } = await seeded();
    const ws = await Workspace.open(dir);
    // The index's connection fails under the store (as a full disk or a damaged file would).
    (ws as unknown as { sql: { sql: { db: Database.Database } } }).sql.sql.db.close();
    const saved = await ws.updateDocument(ids[2], (file) => createAnnotation(file, { docId: ids[2], label: 'figure', start: 0, end: 3 }, ws.labels, { annotator: 'ann', now: new Date().toISOString() }));
    expect(saved.quote).toHaveLength(3);
    expect(ws.notices.join()).toMatch(/could not update the document index .*every change is saved in the document files/);
    await ws.close();
    const reopened = await Workspace.open(dir);
    expect(reopened.notices.join()).toMatch(/brought up to date for 1 document/);
    expect(reopened.listDocuments().find((d) => d.id === ids[2])!.counts).toEqual({ figure: 1 });
    await reopened.close();
  });
});
