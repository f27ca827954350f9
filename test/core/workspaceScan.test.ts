// The scan of a workspace's files gives the same answer on the calling thread (small workspaces)
// as on a worker thread (large ones).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCAN_IN_THREAD_UP_TO, scanWorkspace } from '../../main/core/store/workspaceScan';
import { tempDir } from '../helpers';

const name = (n: number) => `${String(n).padStart(64, '0')}.json`;

describe('scanWorkspace', () => {
  it('finds the same files, digests and differences on this thread as on a worker', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'documents'));
    for (let n = 1; n <= 3; n++) writeFileSync(join(dir, 'documents', name(n)), `{"n":${n}}`);
    writeFileSync(join(dir, 'documents', 'not-a-document.txt'), '');
    writeFileSync(join(dir, 'workspace.json'), '{}');

    const here = await scanWorkspace(dir, null, 3);
    const worker = await scanWorkspace(dir, null, SCAN_IN_THREAD_UP_TO + 1);
    expect(here).toEqual(worker);
    expect(here.files.split('\n')).toHaveLength(4);

    // Stamps as an index holds them: one changed, one gone, one new.
    const lines = here.files.split('\n').filter((line) => line.startsWith('documents/'));
    const expected = [lines[0].replace('documents/', ''), `${name(2)}\t1:2:3`, `${name(9)}\t1:2:3`].join('\n');
    rmSync(join(dir, 'documents', name(3)));
    writeFileSync(join(dir, 'documents', name(4)), '{}');
    const compared = await scanWorkspace(dir, expected, 3);
    expect(compared).toEqual(await scanWorkspace(dir, expected, Infinity));
    expect(compared.differing.sort()).toEqual([name(2), name(4)]);
    expect(compared.gone).toEqual([name(9)]);
  });

  it('fails the same way on this thread as on a worker when the folder cannot be read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'documents'), 'a file where the folder should be');
    const here = await scanWorkspace(dir, null, 1).catch((error: NodeJS.ErrnoException) => error);
    const worker = await scanWorkspace(dir, null, Infinity).catch((error: NodeJS.ErrnoException) => error);
    expect(here).toBeInstanceOf(Error);
    expect((here as NodeJS.ErrnoException).code).toBe('ENOTDIR');
    expect((here as NodeJS.ErrnoException).code).toBe((worker as NodeJS.ErrnoException).code);
  });
});
