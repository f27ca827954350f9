// The annotator's name is asked for once per workspace: a new workspace's is not confirmed (and
// the service offers the OS user name), setting it confirms it for good, an older workspace whose
// current annotator already tagged counts as confirmed, and "curation" is never a name (nor a side
// of a review, which needs two different annotators).
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAnnotatorName } from '../../main/core/annotatorName';
import { Workspace } from '../../main/core/store/workspace';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { dispatch } from '../../main/service/dispatch';
import { createWorkbench } from '../../main/service/workbench';
import { tempDir } from '../helpers';

const text = 'Staffan de Mistura met Lavrov in Geneva.';
const storedFlag = (dir: string) => (JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8')) as { annotatorConfirmed?: boolean }).annotatorConfirmed;

async function withArticle(dir: string) {
  const ws = await Workspace.open(dir);
  const { document } = await ws.importArticle(articleFromBytes('t.txt', new TextEncoder().encode(text)));
  return { ws, api: createWorkbench(ws), docId: document.id };
}

describe("the annotator's name", () => {
  it('is not confirmed in a new workspace, which offers the OS user name', async () => {
    const ws = await Workspace.open(tempDir());
    const info = await createWorkbench(ws).workspace.info();
    expect(info).toMatchObject({ annotatorConfirmed: false, systemUserName: userInfo().username, currentAnnotator: userInfo().username });
    await ws.close();
  });

  it('is confirmed once set, and stays so when the workspace is opened again', async () => {
    const dir = tempDir();
    let ws = await Workspace.open(dir);
    const info = await createWorkbench(ws).settings.setAnnotator('ana');
    expect(info).toMatchObject({ currentAnnotator: 'ana', annotatorConfirmed: true });
    expect(info.annotators).toContain('ana');
    await ws.close();
    expect(storedFlag(dir)).toBe(true);
    ws = await Workspace.open(dir);
    expect(await createWorkbench(ws).workspace.info()).toMatchObject({ currentAnnotator: 'ana', annotatorConfirmed: true });
    await ws.close();
  });

  it('counts as confirmed where the current annotator already made annotations, and is recorded so', async () => {
    const dir = tempDir();
    const { ws, api, docId } = await withArticle(dir);
    const made = await api.annotations.create({ docId, label: 'actor', start: 0, end: 18 });
    expect(storedFlag(dir)).toBeUndefined();
    expect((await api.workspace.info()).annotatorConfirmed).toBe(true);
    expect(storedFlag(dir)).toBe(true);
    // Deleting the work later does not bring the question back.
    await api.annotations.delete(docId, made.id);
    expect((await api.workspace.info()).annotatorConfirmed).toBe(true);
    await ws.close();
  });

  it("is not confirmed by someone else's annotations", async () => {
    const dir = tempDir();
    const { ws, api, docId } = await withArticle(dir);
    await ws.updateIndex((index) => ({ ...index, currentAnnotator: 'ben', annotators: [...index.annotators, 'ben'] }));
    await api.annotations.create({ docId, label: 'actor', start: 0, end: 18 });
    await ws.updateIndex((index) => ({ ...index, currentAnnotator: 'zoe', annotators: [...index.annotators, 'zoe'] }));
    expect(await api.workspace.info()).toMatchObject({ currentAnnotator: 'zoe', annotatorConfirmed: false });
    expect(storedFlag(dir)).toBeUndefined();
    await ws.close();
  });

  it('refuses "curation", the curated layer of Review, through the contract and in the core', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    const reply = await dispatch(createWorkbench(ws), 'settings.setAnnotator', ['curation']);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringContaining('"curation" is the curated layer of Review') } });
    expect(() => checkAnnotatorName(' curation ')).toThrow(/"curation" is the curated layer of Review/);
    expect(() => checkAnnotatorName('   ')).toThrow(/an annotator name is needed/);
    expect(() => checkAnnotatorName('x'.repeat(61))).toThrow(/at most 60 characters \(this one has 61\)/);
    expect((await createWorkbench(ws).workspace.info()).annotatorConfirmed).toBe(false);
    await ws.close();
  });

  it('is never a side of a review, and a review needs two different annotators: deciding or curating ana against ana changes nothing', async () => {
    const dir = tempDir();
    const { ws, api, docId } = await withArticle(dir);
    const made = await api.annotations.create({ docId, label: 'actor', start: 0, end: 18 });
    const before = readFileSync(join(dir, 'documents', `${docId.slice('sha256:'.length)}.json`), 'utf8');
    const me = made.annotator;
    for (const [channel, args] of [
      ['review.curateAgreed', [docId, me, me]],
      ['review.decide', [docId, me, me, { a: made.id, b: made.id }, { status: 'accepted' }]],
    ] as const) {
      const reply = await dispatch(api, channel, args as unknown as unknown[]);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-arguments', message: expect.stringContaining('annotators A and B must be two different annotators') } });
    }
    const curated = await dispatch(api, 'review.curateAgreed', [docId, 'curation', me]);
    expect(curated).toMatchObject({ ok: false, error: { message: expect.stringContaining('the curated layer is the outcome of a review, not a side of one') } });
    expect(readFileSync(join(dir, 'documents', `${docId.slice('sha256:'.length)}.json`), 'utf8')).toBe(before);
    await ws.close();
  });
});
