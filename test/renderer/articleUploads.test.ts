// Sending article files to the service: a file over the limit is refused by its size without
// being read; the others go in groups, each file once in the report; a group the service refuses
// as a whole is sent again file by file, so that only the file at fault is refused; progress is
// told after each group.
import { describe, expect, it } from 'vitest';
import type { ImportReport, UploadedFile } from '../../preload/api';
import { MAX_ARTICLE_BYTES } from '../../main/core/text/readArticle';
import { MAX_ARTICLE_FILE_BYTES, UPLOAD_GROUP_BYTES, UPLOAD_GROUP_FILES, uploadArticles, uploadGroups, type ChosenFile } from '../../renderer/src/import/articleUploads';

const file = (name: string, size: number): ChosenFile => ({ name, size });

/// A service that imports every file it is sent, refusing a whole call when one file's name says so.
function service() {
  const calls: string[][] = [];
  const send = async (files: UploadedFile[]): Promise<ImportReport> => {
    calls.push(files.map((f) => f.name));
    if (files.some((f) => f.name.startsWith('bad'))) throw new Error('documents.import: 0.name: too long');
    return { imported: files.map((f) => ({ name: f.name, document: { id: f.name } as never, warnings: [] })), duplicates: [], rejected: [] };
  };
  return { calls, send };
}

describe('uploadArticles', () => {
  it('holds the same size limit as the service', () => {
    expect(MAX_ARTICLE_FILE_BYTES).toBe(MAX_ARTICLE_BYTES);
  });

  it('refuses a file over the limit by its size, never reading it, and imports the others', async () => {
    const read: string[] = [];
    const { calls, send } = service();
    const progress: [number, number][] = [];
    const report = await uploadArticles([file('good.txt', 1000), file('huge.pdf', 21 * 1024 * 1024)], {
      read: async (f) => (read.push(f.name), new TextEncoder().encode(f.name)),
      send,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(read).toEqual(['good.txt']);
    expect(calls).toEqual([['good.txt']]);
    expect(report.imported.map((i) => i.name)).toEqual(['good.txt']);
    expect(report.rejected).toEqual([{ name: 'huge.pdf', reason: 'file is 21.0 MB, over the 20 MB limit' }]);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('a file of exactly the limit is sent', async () => {
    const { calls, send } = service();
    await uploadArticles([file('edge.txt', MAX_ARTICLE_FILE_BYTES)], { read: async (f) => new TextEncoder().encode(f.name), send });
    expect(calls).toEqual([['edge.txt']]);
  });

  it('sends a refused group again file by file: only the file at fault is refused, with the reason', async () => {
    const { calls, send } = service();
    const report = await uploadArticles([file('a.txt', 10), file('bad.txt', 10), file('c.txt', 10)], { read: async (f) => new TextEncoder().encode(f.name), send });
    expect(calls).toEqual([['a.txt', 'bad.txt', 'c.txt'], ['a.txt'], ['bad.txt'], ['c.txt']]);
    expect(report.imported.map((i) => i.name)).toEqual(['a.txt', 'c.txt']);
    expect(report.rejected).toEqual([{ name: 'bad.txt', reason: 'documents.import: 0.name: too long' }]);
  });

  it('refuses the whole group, without sending file by file, when the server cannot be reached', async () => {
    const calls: number[] = [];
    const unreachable = Object.assign(new Error('the workbench server cannot be reached'), { code: 'unreachable' });
    const report = await uploadArticles([file('a.txt', 10), file('b.txt', 10)], {
      read: async (f) => new TextEncoder().encode(f.name),
      send: async (files) => {
        calls.push(files.length);
        throw unreachable;
      },
    });
    expect(calls).toEqual([2]);
    expect(report.rejected.map((r) => [r.name, r.reason])).toEqual([
      ['a.txt', 'the workbench server cannot be reached'],
      ['b.txt', 'the workbench server cannot be reached'],
    ]);
  });

  it('a file that cannot be read is refused on its own', async () => {
    const { send } = service();
    const report = await uploadArticles([file('a.txt', 10), file('gone.txt', 10)], {
      read: async (f) => {
        if (f.name === 'gone.txt') throw new Error('the file could not be read');
        return new TextEncoder().encode(f.name);
      },
      send,
    });
    expect(report.imported.map((i) => i.name)).toEqual(['a.txt']);
    expect(report.rejected).toEqual([{ name: 'gone.txt', reason: 'the file could not be read' }]);
  });
});

describe('uploadGroups', () => {
  it('groups by bytes and by count, a large file alone, in the order given', () => {
    const big = file('big', UPLOAD_GROUP_BYTES + 1);
    const groups = uploadGroups([file('a', 100), big, file('b', UPLOAD_GROUP_BYTES - 50), file('c', 100)]);
    expect(groups.map((g) => g.map((f) => f.name))).toEqual([['a'], ['big'], ['b'], ['c']]);
    const many = uploadGroups(Array.from({ length: UPLOAD_GROUP_FILES + 1 }, (_, i) => file(`f${i}`, 1)));
    expect(many.map((g) => g.length)).toEqual([UPLOAD_GROUP_FILES, 1]);
  });
});
