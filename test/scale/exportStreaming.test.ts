// Exports bigger than the longest string V8 can make (2^29 − 24 UTF-16 code units, about 536 M
// characters), in every format, from a corpus bigger than that too (110 documents of 5 M
// characters, 250,000 annotations with notes, about 1.2 GB of document files), each by the real
// `awb export` in a process whose heap is capped at 400 MB. Holding the corpus or an output as one
// string would fail there ("Invalid string length", or out of memory); streaming one document at a
// time does not. Each output is then checked from disk without loading it: its size, and its
// structure (records counted, head and tail parsed, the zip's central directory read). It took 11
// minutes on a busy two-core machine (570 s of CPU, most of it building the index of 550 M
// characters and CoNLL's tokenizing) and needs 2.5 GB of temp files, so it runs only when asked:
// `AWB_SCALE_TEST=1 npx vitest run test/scale/exportStreaming.test.ts`.
import { spawn } from 'node:child_process';
import { constants } from 'node:buffer';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../main/core/export/exportBrat';
import { EXPORT_FILES, EXPORT_FORMATS, type ExportFormat } from '../../main/core/export/renderExport';
import { Workspace } from '../../main/core/store/workspace';
import { codePointSlice } from '../arbitraries';
import { corpusBody, corpusDocument, corpusTitle, writeCorpusWorkspace, type CorpusTotals } from '../exportCorpus';
import { repoRoot, tempDir } from '../helpers';
import { readStoredEntry, readZipDirectory } from '../zipDirectory';
import { readRange, scanFile } from './outputScan';

const DOCUMENTS = 110;
const BODY_CHARACTERS = 5_000_000;
/// The V8 heap of each export's process; the outputs are each more than this.
const HEAP_MB = 400;
// A 2,000-character note on every span makes each CSV row and W3C item big, so that those two
// formats pass 2^29 bytes with 250,000 annotations rather than a million (csv-stringify spends
// about 50 µs a row).
const body = corpusBody(BODY_CHARACTERS, { quoteWords: 40, annotateEvery: 18, noteWords: 330 });
const first = corpusDocument(body, 0);
const last = corpusDocument(body, DOCUMENTS - 1);
const spansPerDocument = body.spans.length;
/// The formats by how long they take here (CoNLL tokenizes every character), to run those first.
const SLOWEST_FIRST: ExportFormat[] = ['conll', 'prodigy', 'csv', 'w3c', 'exchange', 'jsonl', 'doccano', 'brat'];

/// What one `awb export` in a child process did.
interface ChildExport {
  code: number | null;
  stderr: string;
  /// Peak resident set size, bytes.
  peakRss: number;
  /// CPU time, user and system, seconds.
  cpuSeconds: number;
  wallSeconds: number;
}

/// Runs `awb export` in a child with the capped heap.
function exportInChild(workspace: string, format: ExportFormat, out: string): Promise<ChildExport> {
  const args = [`--max-old-space-size=${HEAP_MB}`, '--import', join(repoRoot, 'test', 'scale', 'childUsage.mjs'), join(repoRoot, 'bin', 'awb.js')];
  const started = performance.now();
  const child = spawn(process.execPath, [...args, 'export', '--format', format, '--out', out, '--workspace', workspace], {
    env: { ...process.env, AWB_WORKSPACE: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const usage = /child-usage (\d+) ([\d.]+)\n/.exec(stderr);
      resolve({
        code,
        stderr: stderr.replace(/child-usage .*\n/, ''),
        peakRss: usage ? Number(usage[1]) : NaN,
        cpuSeconds: usage ? Number(usage[2]) : NaN,
        wallSeconds: (performance.now() - started) / 1000,
      });
    });
  });
}

/// The file's size in bytes and as a JavaScript string would count it: both past V8's limit.
function expectBiggerThanAnyString(scan: { bytes: number; utf16Units: number }) {
  expect(scan.bytes).toBeGreaterThan(2 ** 29);
  expect(scan.utf16Units).toBeGreaterThan(constants.MAX_STRING_LENGTH);
}

/// Checks one output from disk; `totals` is what the corpus holds.
const checks: Record<ExportFormat, (path: string, totals: CorpusTotals) => Promise<void>> = {
  async exchange(path, totals) {
    const entry = '\n  {\n   "id": "sha256:';
    const scan = await scanFile(path, [entry]);
    expectBiggerThanAnyString(scan);
    const starts = scan.found.get(entry)!;
    expect(starts.count).toBe(totals.documents);
    const head = JSON.parse((await readRange(path, 0, starts.first[0])) + ']}');
    expect(head).toMatchObject({ format: 'annotation-workbench', version: 2, offsets: 'codepoints', exportedBy: 'analyst-a' });
    const end = '\n ]\n}';
    expect(await readRange(path, scan.bytes - end.length, scan.bytes)).toBe(end);
    const firstDocument = JSON.parse(await readRange(path, starts.first[0], starts.first[1] - 1));
    const lastDocument = JSON.parse(await readRange(path, starts.last[1], scan.bytes - end.length));
    for (const [parsed, expected] of [[firstDocument, first], [lastDocument, last]] as const) {
      expect(parsed.id).toBe(expected.document.id);
      expect(parsed.text).toBe(expected.document.text);
      expect(parsed.annotations).toHaveLength(spansPerDocument);
      expect(parsed.relations).toHaveLength(body.links.length);
    }
  },
  async jsonl(path, totals) {
    const scan = await scanFile(path, ['\n']);
    expectBiggerThanAnyString(scan);
    const lines = scan.found.get('\n')!;
    expect(lines.count).toBe(totals.documents);
    const firstLine = JSON.parse(await readRange(path, 0, lines.first[0]));
    const lastLine = JSON.parse(await readRange(path, lines.last[0] + 1, lines.last[1]));
    expect(lines.last[1]).toBe(scan.bytes - 1);
    for (const [parsed, expected] of [[firstLine, first], [lastLine, last]] as const) {
      expect(parsed.id).toBe(expected.document.id);
      expect(parsed.spans).toHaveLength(spansPerDocument);
      const quote = parsed.spans.find((s: { label: string }) => s.label === 'quote');
      expect(codePointSlice(parsed.text, quote.start, quote.end)).toBe(quote.text);
    }
  },
  async csv(path, totals) {
    // No cell of this corpus holds a line break, so every CRLF ends a record.
    const scan = await scanFile(path, ['\r\n'], 21);
    expectBiggerThanAnyString(scan);
    const records = scan.found.get('\r\n')!;
    expect(records.count).toBe(totals.annotations + 1);
    const head = parse(await readRange(path, 0, records.first[20] + 2), { columns: true, bom: true }) as Record<string, string>[];
    expect(head).toHaveLength(20);
    expect(head[0]).toMatchObject({ document_id: first.document.id, annotation_id: first.annotations[0].id, label: 'actor' });
    const tail = parse(await readRange(path, records.last[0] + 2, scan.bytes), { columns: false }) as string[][];
    expect(tail).toHaveLength(20);
    expect(tail.at(-1)!.slice(0, 3)).toEqual([last.document.id, last.document.title, last.annotations.at(-1)!.id]);
  },
  async doccano(path, totals) {
    const scan = await scanFile(path, ['\n']);
    expectBiggerThanAnyString(scan);
    const lines = scan.found.get('\n')!;
    expect(lines.count).toBe(totals.documents);
    const firstLine = JSON.parse(await readRange(path, 0, lines.first[0]));
    expect(firstLine).toMatchObject({ id: first.document.id, text: first.document.text, offsets: 'codepoints' });
    expect(firstLine.label).toHaveLength(spansPerDocument);
  },
  async prodigy(path, totals) {
    const scan = await scanFile(path, ['\n']);
    expectBiggerThanAnyString(scan);
    const lines = scan.found.get('\n')!;
    expect(lines.count).toBe(totals.documents);
    const lastLine = JSON.parse(await readRange(path, lines.last[0] + 1, lines.last[1]));
    expect(lastLine).toMatchObject({ text: last.document.text, meta: { id: last.document.id }, answer: 'accept' });
    expect(lastLine.spans).toHaveLength(spansPerDocument);
    expect(lastLine.relations).toHaveLength(body.links.length);
  },
  async conll(path, totals) {
    const scan = await scanFile(path, ['-DOCSTART-\tO\n\n', '\tB-', '\tI-QUOTE\n']);
    expectBiggerThanAnyString(scan);
    expect(scan.found.get('-DOCSTART-\tO\n\n')!.count).toBe(totals.documents);
    // The spans never overlap and lie on token boundaries: each begins exactly one B- tag.
    expect(scan.found.get('\tB-')!.count).toBe(totals.annotations);
    expect(scan.found.get('\tI-QUOTE\n')!.count).toBeGreaterThan(totals.annotations);
    expect(await readRange(path, 0, 37)).toBe('-DOCSTART-\tO\n\nDispatch\tO\n0000\tO\nof\tO\n');
    expect(await readRange(path, scan.bytes - 5, scan.bytes)).toBe('.\tO\n\n');
  },
  async brat(path, totals) {
    expect(statSync(path).size).toBeGreaterThan(2 ** 29);
    const zip = await readZipDirectory(path);
    // annotation.conf comes last: it lists the attribute values the documents use.
    const names: string[] = [];
    for (let i = 0; i < totals.documents; i++) {
      const name = safeFileName(corpusTitle(i), new Set());
      names.push(`${name}.txt`, `${name}.ann`);
    }
    names.push('annotation.conf');
    expect(zip.entries.map((e) => e.name)).toEqual(names);
    expect(zip.declaredEntries).toBe(names.length);
    expect(zip.entries.every((e) => e.compression === 0 && e.compressedSize === e.size)).toBe(true);
    for (const [entry, expected] of [[zip.entries[0], first], [zip.entries.at(-3)!, last]] as const) {
      const text = await readStoredEntry(path, entry);
      expect(text.toString('utf8')).toBe(expected.document.text);
      expect(crc32(text)).toBe(entry.crc);
    }
    const lastAnn = (await readStoredEntry(path, zip.entries.at(-2)!)).toString('utf8').split('\n');
    expect(lastAnn.filter((line) => line.startsWith('T'))).toHaveLength(spansPerDocument);
    expect(lastAnn.filter((line) => line.startsWith('R'))).toHaveLength(body.links.length);
  },
  async w3c(path, totals) {
    const item = '{"id":"urn:uuid:';
    const scan = await scanFile(path, [item]);
    expectBiggerThanAnyString(scan);
    const items = scan.found.get(item)!;
    // Each speaker link is an item too (a linking annotation), after its document's spans.
    const total = totals.annotations + totals.documents * body.links.length;
    expect(items.count).toBe(total);
    const end = `]},"total":${total}}`;
    expect(await readRange(path, scan.bytes - end.length, scan.bytes)).toBe(end);
    const head = await readRange(path, 0, items.first[0]);
    const firstItem = JSON.parse(await readRange(path, items.first[0], items.first[1] - 1));
    const lastItem = JSON.parse(await readRange(path, items.last[1], scan.bytes - end.length));
    expect(firstItem.id).toBe(`urn:uuid:${first.annotations[0].id}`);
    expect(lastItem.id).toBe(`urn:uuid:${last.relations.at(-1)?.id ?? last.annotations.at(-1)!.id}`);
    // The head, the first and last items and the end make a collection that is valid JSON-LD against anno.jsonld.
    const small = JSON.parse(`${head}${JSON.stringify(firstItem)},${JSON.stringify(lastItem)}${end}`);
    expect(small).toMatchObject({ type: 'AnnotationCollection', total });
    const context = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'anno.jsonld'), 'utf8'));
    const documentLoader = async (url: string) => ({ contextUrl: undefined, documentUrl: url, document: context });
    const expanded = await jsonld.expand(small, { documentLoader, safe: true } as jsonld.Options.Expand);
    expect(JSON.stringify(expanded)).toContain('http://www.w3.org/ns/oa#TextQuoteSelector');
  },
};

describe.skipIf(process.env.AWB_SCALE_TEST !== '1')('exports bigger than the longest string (AWB_SCALE_TEST=1)', () => {
  it(`every format, written by awb export with a ${HEAP_MB} MB heap, one document at a time`, async () => {
    const dir = tempDir('awb-scale-export-');
    const log = (line: string) => console.log(`[export scale] ${line}`);
    try {
      const testStarted = performance.now();
      const cpuStarted = process.cpuUsage();
      const cpuSeconds = (since: NodeJS.CpuUsage) => {
        const used = process.cpuUsage(since);
        return ((used.user + used.system) / 1e6).toFixed(1);
      };
      let started = testStarted;
      let cpu = cpuStarted;
      const workspace = join(dir, 'workspace');
      const totals = writeCorpusWorkspace(workspace, body, DOCUMENTS);
      expect(first.document.title).toBe(corpusTitle(0));
      expect(totals.characters).toBeGreaterThan(constants.MAX_STRING_LENGTH);
      log(`corpus: ${totals.documents} documents, ${(totals.characters / 1e6).toFixed(0)} M characters, ${totals.annotations.toLocaleString('en-US')} annotations, ${(totals.fileBytes / 1e6).toFixed(0)} MB of files, written in ${((performance.now() - started) / 1000).toFixed(1)} s (${cpuSeconds(cpu)} s of CPU)`);
      // The first opening builds the SQL index from the files, as it would for a workspace copied in.
      started = performance.now();
      cpu = process.cpuUsage();
      await (await Workspace.open(workspace, { readOnly: true })).close();
      log(`first opening (builds the index): ${((performance.now() - started) / 1000).toFixed(1)} s (${cpuSeconds(cpu)} s of CPU)`);
      // Two exports at a time (the test is sized for two cores), the slowest formats first; each
      // output is checked as soon as it is written, then removed.
      const queue = [...EXPORT_FORMATS].sort((a, b) => SLOWEST_FIRST.indexOf(a) - SLOWEST_FIRST.indexOf(b));
      // A failure stops both workers; the other one finishes its export before the folder is removed.
      let failed = false;
      const worker = async () => {
        for (let format = queue.shift(); format && !failed; format = queue.shift()) {
          const out = join(dir, `all${EXPORT_FILES[format].extension}`);
          const result = await exportInChild(workspace, format, out);
          expect(result.stderr, `awb export --format ${format}`).toBe('');
          expect(result.code).toBe(0);
          const checkStarted = performance.now();
          await checks[format](out, totals);
          const mb = (statSync(out).size / 1e6).toFixed(0);
          log(`${format}: ${mb} MB in ${result.wallSeconds.toFixed(1)} s (${result.cpuSeconds.toFixed(1)} s of CPU), peak RSS ${(result.peakRss / 1e6).toFixed(0)} MB; checked in ${((performance.now() - checkStarted) / 1000).toFixed(1)} s`);
          rmSync(out, { force: true });
        }
      };
      const stopOnFailure = (error: unknown) => {
        failed = true;
        throw error;
      };
      const settled = await Promise.allSettled([worker().catch(stopOnFailure), worker().catch(stopOnFailure)]);
      for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;
      log(`in all: ${((performance.now() - testStarted) / 1000).toFixed(1)} s; this process ${cpuSeconds(cpuStarted)} s of CPU, the exports' as above`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60 * 60_000);
});
