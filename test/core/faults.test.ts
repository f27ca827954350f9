import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSeeds } from '../../main/core/importArticles';
import { DocumentFileSchema, WorkspaceFileSchema } from '../../main/core/model';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { readJsonFile } from '../../main/core/store/durableJsonFile';
import { Workspace } from '../../main/core/store/workspace';
import { createWorkbench } from '../../main/service/workbench';
import { dispatch } from '../../main/service/dispatch';
import { injectFault, type FaultOp } from '../faultyFs';
import { repoRoot, tempDir } from '../helpers';

const EXPLAINED: Record<string, string> = { ENOSPC: 'the disk is full (ENOSPC)', EACCES: 'permission denied (EACCES)', EIO: 'the disk reported an input/output error (EIO)' };

/// Every workspace file parses and validates.
async function everyFileValid(dir: string): Promise<void> {
  expect(await readJsonFile(join(dir, 'workspace.json'), WorkspaceFileSchema)).not.toBeNull();
  for (const name of readdirSync(join(dir, 'documents'))) {
    expect(name).toMatch(/^[0-9a-f]{64}\.json$/); // no temp file left behind
    expect(await readJsonFile(join(dir, 'documents', name), DocumentFileSchema)).not.toBeNull();
  }
}

describe('fault injection: failing writes, fsyncs and renames', () => {
  for (const code of ['ENOSPC', 'EACCES', 'EIO']) {
    for (const op of ['write', 'fsync', 'rename'] as FaultOp[]) {
      it(`${op} failing with ${code}: nothing corrupt, a clear error, and a retry succeeds`, async () => {
        const dir = tempDir();
        const ws = await Workspace.open(dir);
        await importSeeds(ws, join(repoRoot, 'seeds'));
        const api = createWorkbench(ws);
        const docId = ws.listDocuments()[0].id;
        let label = 'location';
        const target = await api.annotations.create({ docId, label: 'actor', start: 0, end: 5 });
        let failures = 0;
        // Fail the 1st, 2nd, … matching call until the change goes through untouched.
        for (let nth = 1; ; nth++) {
          label = label === 'location' ? 'figure' : 'location';
          const remove = await injectFault(op, nth, code);
          const reply = await dispatch(api, 'annotations.update', [{ docId, id: target.id, label }]);
          const fired = remove();
          await everyFileValid(dir);
          if (!fired) {
            expect(reply.ok).toBe(true);
            break;
          }
          failures++;
          if (reply.ok) {
            // Only the flush of the folder after the rename may fail without failing the save:
            // the file holds the change by then, and memory must say so too.
            expect(op).toBe('fsync');
            expect((await api.documents.open(docId)).annotations.find((a) => a.id === target.id)!.label).toBe(label);
            continue;
          }
          expect(reply).toEqual({ ok: false, error: { code: 'save-failed', message: expect.stringContaining(EXPLAINED[code]) } });
          // The retry, as the UI does it, succeeds and the change is there.
          const retry = await dispatch(api, 'annotations.update', [{ docId, id: target.id, label }]);
          expect(retry.ok).toBe(true);
          expect((await api.documents.open(docId)).annotations.find((a) => a.id === target.id)!.label).toBe(label);
          expect(nth).toBeLessThan(20);
        }
        expect(failures).toBeGreaterThan(0);
        await ws.close();
        const reopened = await Workspace.open(dir, { readOnly: true });
        expect((await reopened.readDocument(docId)).annotations.find((a) => a.id === target.id)!.label).toBe(label);
        expect((await checkWorkspace(dir)).problems).toEqual([]);
      });
    }
  }

  it('a batch import that fails midway indexes what reached the disk and corrupts nothing', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    const { articleFromBytes } = await import('../../main/core/text/readArticle');
    const articles = ['One', 'Two', 'Three', 'Four'].map((t) => articleFromBytes(`${t}.txt`, new TextEncoder().encode(`Article ${t}`)));
    const remove = await injectFault('rename', 3, 'ENOSPC');
    await expect(ws.importArticles(articles)).rejects.toThrow('the disk is full');
    remove();
    // Files are written a few at once: the third rename failed, the others reached the disk.
    const onDisk = readdirSync(join(dir, 'documents')).filter((n) => n.endsWith('.json')).length;
    const listed = ws.listDocuments().map((d) => d.title);
    expect(listed).toHaveLength(articles.length - 1);
    expect(listed).toHaveLength(onDisk);
    await everyFileValid(dir);
    expect((await ws.importArticles(articles)).map((o) => o.status)).toEqual(articles.map((a) => (listed.includes(a.title) ? 'duplicate' : 'imported')));
    await ws.close();
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('a failed write leaves memory as it was on disk', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const api = createWorkbench(ws);
    const docId = ws.listDocuments()[0].id;
    const remove = await injectFault('write', 1, 'ENOSPC');
    await expect(api.annotations.create({ docId, label: 'actor', start: 0, end: 5 })).rejects.toThrow('the disk is full');
    remove();
    expect((await api.documents.open(docId)).annotations).toEqual([]);
    expect(ws.listDocuments()[0].counts).toEqual({});
    await ws.close();
  });
});
