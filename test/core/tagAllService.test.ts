// "Tag all occurrences" through the service (DESIGN §12) on the seed articles: the preview over
// every document comes from the index (no document file read) and finds what a scan of every
// text finds; apply makes each missing span once, never twice; remove and restore undo and redo
// it exactly; the channels validate their payloads.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkbenchApi } from '../../preload/api';
import { importSeeds } from '../../main/core/importArticles';
import { Workspace } from '../../main/core/store/workspace';
import { findOccurrences } from '../../main/core/tagAll/phraseOccurrences';
import { dispatch } from '../../main/service/dispatch';
import { createWorkbench } from '../../main/service/workbench';
import { repoRoot, tempDir } from '../helpers';

let workspace: Workspace;
let api: WorkbenchApi;

beforeAll(async () => {
  workspace = await Workspace.open(join(tempDir(), 'w'), { app: 'test' });
  await importSeeds(workspace, join(repoRoot, 'seeds'));
  api = createWorkbench(workspace);
});

afterAll(() => workspace.close());

/// Every whole-word occurrence of `phrase` by reading every document file: what the index must find.
async function scanEveryFile(phrase: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const id of workspace.documentIds()) {
    const n = findOccurrences((await workspace.readDocument(id)).document.text, phrase).length;
    if (n) found.set(id, n);
  }
  return found;
}

describe('tagAll.preview', () => {
  it('over every document asks the index, reads no document file, and finds what a scan of every file finds', async () => {
    const expected = await scanEveryFile('Aleppo');
    expect(expected.size).toBeGreaterThan(2);
    const read = vi.spyOn(workspace, 'readDocument');
    const query = vi.spyOn(workspace, 'queryIndex');
    const preview = await api.tagAll.preview({ phrase: 'aleppo', label: 'location', scope: { kind: 'workspace' } });
    expect(read).not.toHaveBeenCalled();
    expect(query).toHaveBeenCalledTimes(1);
    read.mockRestore();
    query.mockRestore();
    expect(new Map(preview.documents.map((d) => [d.id, d.occurrences.length]))).toEqual(expected);
    expect(preview).toMatchObject({ phrase: 'aleppo', documentsFound: expected.size, alreadyTagged: 0, notListed: 0 });
    expect(preview.occurrences).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    for (const d of preview.documents) {
      expect(d.title).toBeTruthy();
      for (const o of d.occurrences) expect(o).toMatchObject({ text: 'Aleppo', alreadyTagged: false });
    }
    expect(preview.documents.flatMap((d) => d.occurrences).some((o) => o.before.length > 10 && o.after.length > 0)).toBe(true);
  });

  it('in some documents reads those and finds the same there', async () => {
    const everywhere = await api.tagAll.preview({ phrase: 'Aleppo', label: 'location', scope: { kind: 'workspace' } });
    const [one, two] = everywhere.documents;
    const some = await api.tagAll.preview({ phrase: 'Aleppo', label: 'location', scope: { kind: 'documents', ids: [two.id, one.id] } });
    expect(new Set(some.documents.map((d) => d.id))).toEqual(new Set([one.id, two.id]));
    expect(some.documents.find((d) => d.id === one.id)).toEqual(one);
  });

  it('over every document marks what each occurrence overlaps, from the index', async () => {
    const [doc] = (await api.tagAll.preview({ phrase: 'Aleppo', label: 'location', scope: { kind: 'workspace' } })).documents;
    const [o] = doc.occurrences;
    const quote = await api.annotations.create({ docId: doc.id, label: 'quote', start: Math.max(0, o.start - 5), end: o.end + 3 });
    const inside = (await api.tagAll.preview({ phrase: 'Aleppo', label: 'location', scope: { kind: 'workspace' } })).documents.find((d) => d.id === doc.id)!;
    expect(inside.occurrences[0]).toMatchObject({ start: o.start, overlaps: ['quote'], alreadyTagged: false });
    expect(inside.occurrences.slice(1).every((x) => x.overlaps.length === 0 || x.start > o.end)).toBe(true);
    await api.annotations.delete(doc.id, quote.id);
  });

  it('is case-sensitive when asked', async () => {
    const folded = await api.tagAll.preview({ phrase: 'ALEPPO', label: 'location', scope: { kind: 'workspace' } });
    const exact = await api.tagAll.preview({ phrase: 'ALEPPO', label: 'location', caseSensitive: true, scope: { kind: 'workspace' } });
    expect(folded.occurrences).toBeGreaterThan(0);
    expect(exact.occurrences).toBe(0);
  });
});

describe('tagAll.apply, remove and restore', () => {
  it('tags the confirmed occurrences once, marks them tagged, and undoes and redoes exactly', async () => {
    const before = await api.tagAll.preview({ phrase: 'Aleppo', label: 'location', scope: { kind: 'workspace' } });
    const all = before.documents.flatMap((d) => d.occurrences.map((o) => ({ docId: d.id, start: o.start, end: o.end })));
    const [left, ...confirmed] = all;
    const applied = await api.tagAll.apply({ phrase: 'Aleppo', label: 'location', occurrences: confirmed });
    expect(applied).toMatchObject({ alreadyTagged: 0, notFound: 0, failed: [] });
    expect(applied.created).toHaveLength(confirmed.length);
    for (const a of applied.created) expect(a).toMatchObject({ label: 'location', quote: 'Aleppo', annotator: workspace.currentAnnotator, origin: 'manual' });

    const after = await api.tagAll.preview({ phrase: 'Aleppo', label: 'location', scope: { kind: 'workspace' } });
    expect(after.alreadyTagged).toBe(confirmed.length);
    const leftNow = after.documents.flatMap((d) => d.occurrences.filter((o) => !o.alreadyTagged).map((o) => ({ docId: d.id, start: o.start, end: o.end })));
    expect(leftNow).toEqual([left]);
    // The document with something left comes first.
    expect(after.documents[0].id).toBe(left.docId);

    // Applied again (and an occurrence given twice, and a span that is not one): nothing twice.
    const again = await api.tagAll.apply({ phrase: 'Aleppo', label: 'location', occurrences: [...confirmed, confirmed[0], { ...left, start: left.start + 1 }] });
    expect(again).toMatchObject({ created: [], alreadyTagged: confirmed.length, notFound: 1 });
    const file = await workspace.readDocument(confirmed[0].docId);
    const twins = file.annotations.filter((a) => a.start === confirmed[0].start && a.end === confirmed[0].end && a.label === 'location');
    expect(twins).toHaveLength(1);

    const removed = await api.tagAll.remove(applied.created.map((a) => ({ docId: a.docId, id: a.id })));
    expect(removed.map((r) => r.annotation.id).sort()).toEqual(applied.created.map((a) => a.id).sort());
    expect((await api.tagAll.preview({ phrase: 'Aleppo', label: 'location', scope: { kind: 'workspace' } })).alreadyTagged).toBe(0);

    const restored = await api.tagAll.restore(removed);
    expect(restored.map((a) => a.id).sort()).toEqual(applied.created.map((a) => a.id).sort());
    expect((await api.tagAll.preview({ phrase: 'Aleppo', label: 'location', scope: { kind: 'workspace' } })).alreadyTagged).toBe(confirmed.length);
    await api.tagAll.remove(restored.map((a) => ({ docId: a.docId, id: a.id })));
  });
});

describe('the tagAll channels validate their payloads', () => {
  it('refuses a missing label, an unknown label, a blank phrase, a phrase without a word, an empty apply', async () => {
    const call = (channel: string, ...args: unknown[]) => dispatch(api, channel, args);
    const id = workspace.documentIds()[0];
    expect(await call('tagAll.preview', { phrase: 'Aleppo', scope: { kind: 'workspace' } })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await call('tagAll.preview', { phrase: 'Aleppo', label: 'location', scope: { kind: 'everything' } })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await call('tagAll.preview', { phrase: '  ', label: 'location', scope: { kind: 'workspace' } })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await call('tagAll.preview', { phrase: 'Aleppo', label: 'nope', scope: { kind: 'workspace' } })).toMatchObject({ ok: false, error: { code: 'invalid-change' } });
    expect(await call('tagAll.preview', { phrase: '—', label: 'location', scope: { kind: 'documents', ids: [id] } })).toMatchObject({ ok: false, error: { code: 'invalid-change' } });
    expect(await call('tagAll.apply', { phrase: 'Aleppo', label: 'location', occurrences: [] })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await call('tagAll.apply', { phrase: 'Aleppo', label: 'location', occurrences: [{ docId: id, start: -1, end: 3 }] })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await call('tagAll.remove', [{ docId: id, id: 'not-a-uuid' }])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });
});
