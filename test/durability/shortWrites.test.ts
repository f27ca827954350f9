// Finding: a save on a nearly full disk was acknowledged while the file was cut short, because
// the atomic write issued one write(2) and never checked how much of it reached the disk.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentFileSchema } from '../../main/core/model';
import { readJsonFile, writeFileDurably } from '../../main/core/store/durableJsonFile';
import { Workspace } from '../../main/core/store/workspace';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { createWorkbench } from '../../main/service/workbench';
import { dispatch } from '../../main/service/dispatch';
import { injectFullDisk } from '../faultyFs';
import { tempDir } from '../helpers';

/// A workspace holding one article of about 540 KB, as in the report.
async function largeDocumentWorkspace(dir: string) {
  const ws = await Workspace.open(dir);
  const text = Array.from({ length: 9000 }, (_, n) => `Paragraph ${n}: 13,346 civilians left east Aleppo, the Observatory said.`).join('\n');
  await ws.importArticle(articleFromBytes('large.txt', new TextEncoder().encode(text)));
  const docId = ws.listDocuments()[0].id;
  return { ws, api: createWorkbench(ws), docId, file: join(dir, 'documents', `${docId.slice(7)}.json`) };
}

describe('writes on a nearly full disk', () => {
  for (const stall of [false, true]) {
    it(`a short write ${stall ? 'followed by writes that take no bytes' : 'followed by ENOSPC'} is an error and changes nothing`, async () => {
      const { ws, api, docId, file } = await largeDocumentWorkspace(tempDir());
      const first = await api.annotations.create({ docId, label: 'actor', start: 0, end: 9 });
      const before = readFileSync(file);
      const remove = injectFullDisk(40_000, { stall });
      const reply = await dispatch(api, 'annotations.create', [{ docId, label: 'figure', start: 13, end: 19 }]);
      const written = remove();
      expect(written).toBe(40_000);
      expect(reply).toEqual({ ok: false, error: { code: 'save-failed', message: expect.stringContaining('the disk is full') } });
      expect(readFileSync(file)).toEqual(before);
      // Memory is as the disk is, and a retry with room succeeds.
      expect((await api.documents.open(docId)).annotations.map((a) => a.id)).toEqual([first.id]);
      await api.annotations.create({ docId, label: 'figure', start: 13, end: 19 });
      await ws.close();
      const reopened = await Workspace.open(ws.dir, { readOnly: true });
      expect((await reopened.readDocument(docId)).annotations).toHaveLength(2);
    });
  }

  it('writes that the disk takes in pieces still write every byte', async () => {
    const dir = tempDir();
    const path = join(dir, 'piecewise.json');
    const content = JSON.stringify({ text: 'x'.repeat(300_000) });
    // No write takes more than 70,000 bytes: five writes for one file.
    const remove = injectFullDisk(Infinity, { perWrite: 70_000 });
    await writeFileDurably(path, content);
    expect(remove()).toBe(content.length);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('a restore (awb restore) on a full disk fails clearly and leaves every file whole', async () => {
    const { ws, api, docId, file } = await largeDocumentWorkspace(tempDir());
    const backup = await ws.backup();
    await api.annotations.create({ docId, label: 'actor', start: 0, end: 9 });
    const before = readFileSync(file);
    const remove = injectFullDisk(40_000);
    await expect(ws.restoreBackup(backup.name)).rejects.toThrow(/the disk is full.*the state before the restore is backup /);
    remove();
    expect(readFileSync(file)).toEqual(before);
    expect(await readJsonFile(file, DocumentFileSchema)).not.toBeNull();
    await ws.close();
  });
});

// The same on a real file system that runs out of room, where the machine lets the test mount one.
const mountPoint = join(tempDir('awb-tmpfs-'), 'disk');
mkdirSync(mountPoint);
const mounted = (() => {
  if (process.platform !== 'linux') return 'not Linux';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mounting a 3 MB tmpfs is not permitted here (${String((error as Error).message).split('\n')[0]})`;
  }
})();
afterAll(() => {
  if (!mounted) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

describe.skipIf(mounted !== null)(`a real 3 MB disk that fills up${mounted ? ` (skipped: ${mounted})` : ''}`, () => {
  it('an annotation saved with 40 KB free is refused, never acknowledged over a truncated file', async () => {
    const { ws, api, docId, file } = await largeDocumentWorkspace(join(mountPoint, 'ws'));
    await api.annotations.create({ docId, label: 'actor', start: 0, end: 9 });
    const before = readFileSync(file);
    const free = Number(execFileSync('df', ['--output=avail', '-B1', mountPoint], { encoding: 'utf8' }).split('\n')[1]);
    writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(Math.max(0, free - 40_960)));
    const reply = await dispatch(api, 'annotations.create', [{ docId, label: 'figure', start: 13, end: 19 }]);
    expect(reply).toMatchObject({ ok: false, error: { code: 'save-failed' } });
    expect(readFileSync(file)).toEqual(before);
    rmSync(join(mountPoint, 'filler'));
    await ws.close();
    const reopened = await Workspace.open(ws.dir);
    expect(reopened.notices.filter((n) => n.includes('damaged'))).toEqual([]);
    expect((await reopened.readDocument(docId)).annotations).toHaveLength(1);
    await reopened.close();
  });
});

describe('a temp file removed before its rename', () => {
  it('is written again (a process that took over the stale lock of a paused one removes it as a leftover)', async () => {
    const dir = tempDir();
    const path = join(dir, 'doc.json');
    writeFileSync(path, '"old"');
    let removed = 0;
    await writeFileDurably(path, '"new"', async () => {
      // As the other process's removeStaleTempFiles does, the first time only.
      if (removed++ === 0) for (const name of readdirSync(dir)) if (/\.json\.\d+$/.test(name)) rmSync(join(dir, name));
    });
    expect(removed).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe('"new"');
    expect(readdirSync(dir)).toEqual(['doc.json']);
  });
});
