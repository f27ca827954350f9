// Exports written as streams (`writeExport`): what reaches the disk is byte for byte the
// whole-list rendering; an export that fails half-way (a document damaged while it runs, a full
// disk) leaves the output as it was and nothing of its own; short writes are continued; a brat
// zip of more files than a plain zip can count gets a Zip64 end record. The export bigger than
// the longest string is test/scale/exportStreaming.test.ts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { openBratOutput } from '../../main/core/export/bratOutputs';
import { exportBrat } from '../../main/core/export/exportBrat';
import { exportConll } from '../../main/core/export/exportConll';
import { exportContext } from '../../main/core/export/exportContext';
import { exportCsv } from '../../main/core/export/exportCsv';
import { exportExchange } from '../../main/core/export/exportExchange';
import { exportForTransfer } from '../../main/core/export/exportForTransfer';
import { exportJsonl } from '../../main/core/export/exportJsonl';
import { exportW3c } from '../../main/core/export/exportW3c';
import { writeExport, type ExportFormat } from '../../main/core/export/renderExport';
import { DEFAULT_LABELS, type DocumentFile } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { documentFileName } from '../../main/core/store/workspaceFiles';
import { CORPUS_ANNOTATOR, corpusBody, writeCorpusWorkspace } from '../exportCorpus';
import { injectFullDisk } from '../faultyFs';
import { repoRoot, tempDir as newTempDir } from '../helpers';
import { readZipDirectory } from '../zipDirectory';

/// Folders this file made: its workspaces hold megabytes of documents, so they are removed at the end.
const made: string[] = [];
function tempDir(): string {
  const dir = newTempDir();
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/// A workspace of `documents` generated documents of about `characters` characters, opened
/// read-only, and its documents in import order (read apart, so the export reads the files).
async function corpusWorkspace(documents: number, characters: number): Promise<{ workspace: Workspace; files: DocumentFile[] }> {
  const dir = join(tempDir(), 'workspace');
  writeCorpusWorkspace(dir, corpusBody(characters, { annotateEvery: 2, noteWords: 4 }), documents);
  const reader = await Workspace.open(dir, { readOnly: true });
  const files = await Promise.all(reader.documentIds().map((id) => reader.readDocument(id)));
  await reader.close();
  return { workspace: await Workspace.open(dir, { readOnly: true }), files };
}

/// Everything under `dir`, with each file's content (what a failed export must not change).
function snapshot(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    found[path.slice(dir.length)] = entry.isFile() ? readFileSync(path, 'latin1') : '(folder)';
  }
  return found;
}

describe('an export written as a stream', () => {
  it('is on disk byte for byte the whole-list rendering, in every format (brat as a folder and as a zip), and so is what the app downloads', async () => {
    const { workspace, files } = await corpusWorkspace(4, 30_000);
    const out = tempDir();
    const text = async (format: ExportFormat) => {
      const summary = await writeExport(workspace, format, {}, join(out, format));
      expect(summary).toMatchObject({ documents: 4, annotations: files.reduce((n, f) => n + f.annotations.length, 0) });
      return readFileSync(join(out, format), 'utf8');
    };
    const exchange = await text('exchange');
    expect(exchange).toBe(JSON.stringify(exportExchange(files, DEFAULT_LABELS, CORPUS_ANNOTATOR, new Date(JSON.parse(exchange).exportedAt)), null, 1));
    expect(await text('jsonl')).toBe(exportJsonl(files));
    expect(await text('csv')).toBe(exportCsv(files, exportContext(DEFAULT_LABELS)));
    expect(await text('conll')).toBe(exportConll(files).text);
    const w3c = await text('w3c');
    expect(w3c).toBe(JSON.stringify(exportW3c(files, 'Annotation Workbench', new Date(JSON.parse(w3c).generated), undefined, JSON.parse(w3c).id.slice('urn:uuid:'.length))));
    const expectedBrat = exportBrat(files, DEFAULT_LABELS);
    await writeExport(workspace, 'brat', {}, join(out, 'brat'));
    expect(new Map(readdirSync(join(out, 'brat')).map((name) => [name, readFileSync(join(out, 'brat', name), 'utf8')]))).toEqual(expectedBrat);
    await writeExport(workspace, 'brat', {}, join(out, 'brat.zip'));
    const unzipped = unzipSync(readFileSync(join(out, 'brat.zip')));
    expect(Object.keys(unzipped)).toEqual([...expectedBrat.keys()]);
    for (const [path, content] of expectedBrat) expect(Buffer.from(unzipped[path]).toString('utf8')).toBe(content);
    const downloaded = await exportForTransfer(workspace, 'jsonl', {});
    expect(Buffer.from(downloaded.base64, 'base64').toString('utf8')).toBe(exportJsonl(files));
    expect(downloaded.fileName).toMatch(/^annotations-\d{4}-\d\d-\d\d\.jsonl$/);
    expect(readdirSync(out).sort()).toEqual(['brat', 'brat.zip', 'conll', 'csv', 'exchange', 'jsonl', 'w3c']);
    await workspace.close();
  });
});

describe('an export that fails half-way', () => {
  // Documents of 1.2 M characters: each one's piece of every format is over the 1 MB write batch,
  // so the first document is on disk, in the temp file, when the third fails.
  const outputs: [ExportFormat, string, string][] = [
    ['exchange', 'out.awb.json', 'file'],
    ['jsonl', 'out.jsonl', 'file'],
    ['csv', 'out.csv', 'file'],
    ['conll', 'out.conll', 'file'],
    ['w3c', 'out.jsonld', 'file'],
    ['brat', 'brat.zip', 'file'],
    ['brat', 'brat', 'folder'],
    ['brat', join('new', 'brat'), 'new folder'],
  ];

  it('leaves the output as it was and nothing else, when a document turns out damaged while it runs', async () => {
    const { workspace, files } = await corpusWorkspace(3, 1_200_000);
    const third = join(workspace.dir, 'documents', documentFileName(files[2].document.id));
    const intact = readFileSync(third);
    for (const [format, name, kind] of outputs) {
      const dir = tempDir();
      const out = join(dir, name);
      if (kind === 'file') writeFileSync(out, 'the previous export\n');
      if (kind === 'folder') {
        mkdirSync(out);
        writeFileSync(join(out, 'annotation.conf'), 'the previous export\n');
        writeFileSync(join(out, 'notes.txt'), 'kept\n');
      }
      const before = snapshot(dir);
      let midway: Record<string, string> = {};
      const run = writeExport(workspace, format, {}, out, (done) => {
        if (done !== 1) return;
        midway = snapshot(dir);
        writeFileSync(third, '{"schemaVersion":1,');
      });
      await expect(run, `${format} to ${name}`).rejects.toThrow(/is damaged/);
      writeFileSync(third, intact);
      // Half-way the export was there, in its temp file or staging folder, with the first document.
      const partial = Object.entries(midway).filter(([path]) => path.includes('.partial-'));
      expect(partial.length, `${format} to ${name}: its temp file`).toBeGreaterThan(0);
      expect(Math.max(...partial.map(([, content]) => content.length)), `${format} to ${name}: written so far`).toBeGreaterThan(1 << 20);
      expect(snapshot(dir), `${format} to ${name}`).toEqual(before);
    }
    await workspace.close();
  }, 120_000);

  it('leaves the output as it was and says which file and why, when the disk fills up', async () => {
    const { workspace } = await corpusWorkspace(3, 1_200_000);
    for (const [format, name, kind] of outputs) {
      const dir = tempDir();
      const out = join(dir, name);
      if (kind === 'file') writeFileSync(out, 'the previous export\n');
      if (kind === 'folder') mkdirSync(out);
      const before = snapshot(dir);
      const restore = injectFullDisk(3 << 20);
      try {
        await expect(writeExport(workspace, format, {}, out), `${format} to ${name}`).rejects.toThrow(`could not write ${out}: the disk is full (ENOSPC)`);
      } finally {
        expect(restore(), `${format} to ${name}: bytes written before the disk was full`).toBe(3 << 20);
      }
      expect(snapshot(dir), `${format} to ${name}`).toEqual(before);
    }
    await workspace.close();
  }, 120_000);

  it('continues short writes: a disk that takes 64 KB a write gets the whole export', async () => {
    const { workspace, files } = await corpusWorkspace(2, 400_000);
    const out = join(tempDir(), 'out.jsonl');
    const restore = injectFullDisk(Number.MAX_SAFE_INTEGER, { perWrite: 64 << 10 });
    try {
      await writeExport(workspace, 'jsonl', {}, out);
    } finally {
      expect(restore()).toBe(statSync(out).size);
    }
    expect(readFileSync(out, 'utf8')).toBe(exportJsonl(files));
    await workspace.close();
  });
});

describe('awb export stopped with Ctrl+C', () => {
  it('removes its temp file and leaves the output as it was', async () => {
    const { workspace } = await corpusWorkspace(6, 1_200_000);
    await workspace.close();
    const dir = tempDir();
    const out = join(dir, 'out.conll');
    writeFileSync(out, 'the previous export\n');
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'awb.js'), 'export', '--format', 'conll', '--out', out, '--workspace', workspace.dir], {
      env: { ...process.env, AWB_WORKSPACE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    // Interrupted once its temp file is there, that is, while it writes.
    while (!readdirSync(dir).some((name) => name.includes('.partial-'))) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    expect(stderr).toBe(`awb: interrupted (SIGINT); ${out} was left as it was\n`);
    expect(readdirSync(dir)).toEqual(['out.conll']);
    expect(readFileSync(out, 'utf8')).toBe('the previous export\n');
  }, 120_000);
});

describe('a brat zip', () => {
  it('of more files than a zip end record counts (65,535) has a Zip64 end record, read by fflate and by the test own reader', async () => {
    const path = join(tempDir(), 'many.zip');
    const output = await openBratOutput(path);
    const count = 70_000;
    for (let i = 0; i < count; i++) await output.add(`d${i}.ann`, `T1\tActor 0 ${i % 10}\t${i}\n`);
    await output.commit();
    const directory = await readZipDirectory(path);
    expect(directory.zip64).toBe(true);
    expect(directory.declaredEntries).toBe(count);
    expect(directory.entries).toHaveLength(count);
    expect(directory.entries.at(-1)!.name).toBe(`d${count - 1}.ann`);
    const unzipped = unzipSync(readFileSync(path));
    expect(Object.keys(unzipped)).toHaveLength(count);
    expect(Buffer.from(unzipped['d69999.ann']).toString('utf8')).toBe('T1\tActor 0 9\t69999\n');
  });

  it('of a few files has the plain end record, and appears only when complete', async () => {
    const path = join(tempDir(), 'few.zip');
    const output = await openBratOutput(path);
    await output.add('annotation.conf', '[entities]\n');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dirname(path)).filter((name) => name.includes('.partial-'))).toHaveLength(1);
    await output.commit();
    const directory = await readZipDirectory(path);
    expect(directory).toMatchObject({ zip64: false, declaredEntries: 1 });
    expect(readdirSync(dirname(path))).toEqual(['few.zip']);
  });
});
