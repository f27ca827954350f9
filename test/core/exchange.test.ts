import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExchangeRejected, importExchange, parseExchange } from '../../main/core/exchange/importExchange';
import { exportExchange } from '../../main/core/export/exportExchange';
import { DEFAULT_LABELS, type Annotation, type DocumentFile } from '../../main/core/model';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { annotatedDocuments } from '../arbitraries';
import { awb, repoRoot, tempDir } from '../helpers';

const comparable = (a: Annotation) => ({
  id: a.id, docId: a.docId, label: a.label, start: a.start, end: a.end, quote: a.quote, annotator: a.annotator,
  note: a.note, createdAt: a.createdAt, review: a.review,
});

async function importInto(dir: string, name: string, content: unknown) {
  const ws = await Workspace.open(dir);
  try {
    return await importExchange(ws, name, parseExchange(name, JSON.stringify(content)));
  } finally {
    await ws.close();
  }
}

describe('exchange round trip', () => {
  it('export then import into an empty workspace gives identical documents, annotations, notes, links and reviews', async () => {
    await fc.assert(
      fc.asyncProperty(annotatedDocuments, async (docs) => {
        const dir = tempDir();
        const report = await importInto(dir, 'colleague.awb.json', exportExchange(docs, DEFAULT_LABELS, 'ana'));
        expect(report.skipped).toEqual([]);
        expect(report.annotationsReanchored).toBe(0);
        const ws = await Workspace.open(dir, { readOnly: true });
        for (const original of docs) {
          const imported = await ws.readDocument(original.document.id);
          expect(imported.document.text).toBe(original.document.text);
          expect(imported.document.title).toBe(original.document.title);
          expect(imported.annotations.map(comparable)).toEqual(original.annotations.map(comparable));
          expect(imported.annotations.every((a) => a.origin === 'import')).toBe(true);
          expect(imported.relations).toEqual(original.relations);
        }
        expect((await checkWorkspace(dir)).problems).toEqual([]);
        // Idempotent: the same file again adds nothing.
        const again = await importInto(dir, 'colleague.awb.json', exportExchange(docs, DEFAULT_LABELS, 'ana'));
        expect([again.documentsAdded, again.annotationsAdded, again.relationsAdded]).toEqual([0, 0, 0]);
        expect(again.annotationsAlreadyPresent).toBe(docs.reduce((n, d) => n + d.annotations.length, 0));
      }),
      { numRuns: 25 },
    );
  });
});

const text = 'Staffan de Mistura said 😀 the talks in Geneva failed. Geneva again.';
const base = (): DocumentFile => ({
  schemaVersion: 1,
  document: { id: documentIdOf(text), title: 'Talks', sourceName: 't.txt', text, importedAt: '2026-11-22T00:00:00.000Z' },
  annotations: [],
  relations: [],
});
function exchangeWith(annotations: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const file = exportExchange([base()], DEFAULT_LABELS, 'ben') as unknown as { documents: Record<string, unknown>[] };
  file.documents[0].annotations = annotations.map((a) => ({
    id: crypto.randomUUID(), label: 'actor', annotator: 'ben', createdAt: '2026-11-22T00:00:00.000Z', ...a,
  }));
  Object.assign(file.documents[0], extra);
  return file;
}

describe('exchange import of imperfect files', () => {
  it('checks spans: keeps good ones, re-anchors moved text found once, skips the rest with reasons', async () => {
    const dir = tempDir();
    const report = await importInto(dir, 'x.awb.json', exchangeWith([
      { start: 0, end: 18, text: 'Staffan de Mistura' },
      { start: 3, end: 21, text: 'Staffan de Mistura', label: 'quote' },
      { start: 25, end: 30, text: 'talks', label: 'figure' },
      { start: 900, end: 906, text: 'Geneva', label: 'location' },
      { start: -4, end: 2, text: 'nothing like it', label: 'location' },
      { start: 5, end: 2, text: 'x' },
      { start: 0, end: 5, text: 'Staff', label: 'person' },
      { start: 'zero', end: 5, text: 'Staff' },
    ]));
    expect(report.annotationsAdded).toBe(3);
    expect(report.annotationsReanchored).toBe(2);
    expect(report.skipped.map((s) => s.reason)).toEqual([
      'span 900–906 is outside the text, and the text occurs in more than one place',
      'span -4–2 is outside the text, and the text does not occur in the document',
      'span 5–2 is outside the text, and the text does not occur in the document',
      'unknown label "person"',
      expect.stringContaining('start:'),
    ]);
    const ws = await Workspace.open(dir, { readOnly: true });
    const stored = (await ws.readDocument(documentIdOf(text))).annotations;
    for (const a of stored) expect(text.slice(a.start, a.end)).toBe(a.quote);
    expect(stored.find((a) => a.label === 'figure')).toMatchObject({ quote: 'talks', start: text.indexOf('talks') });
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('skips a document whose id does not match its text, and imports the others', async () => {
    const dir = tempDir();
    const file = exchangeWith([{ start: 0, end: 18, text: 'Staffan de Mistura' }]);
    const other = exchangeWith([], { text: 'A different text.', id: documentIdOf('Something else') });
    file.documents.push(other.documents[0]);
    const report = await importInto(dir, 'x.awb.json', file);
    expect(report.documentsAdded).toBe(1);
    expect(report.skipped).toEqual([{ document: 'Talks', reason: 'its id does not match the SHA-256 of its text (the text was changed)' }]);
    expect((await checkWorkspace(dir)).problems).toEqual([]);
  });

  it('carries review decisions back: a newer review updates the annotation', async () => {
    const dir = tempDir();
    const id = crypto.randomUUID();
    await importInto(dir, 'x.awb.json', exchangeWith([{ id, start: 0, end: 18, text: 'Staffan de Mistura' }]));
    const review = { status: 'accepted', by: 'ana', at: '2026-11-23T00:00:00.000Z', comment: 'agreed' };
    const report = await importInto(dir, 'x.awb.json', exchangeWith([{ id, start: 0, end: 18, text: 'Staffan de Mistura', review }]));
    expect(report.reviewsUpdated).toBe(1);
    const ws = await Workspace.open(dir, { readOnly: true });
    expect((await ws.readDocument(documentIdOf(text))).annotations[0].review).toEqual(review);
  });

  it('adds labels the workspace does not have', async () => {
    const dir = tempDir();
    const file = exchangeWith([{ start: 54, end: 60, text: 'Geneva', label: 'venue' }]) as unknown as { labels: unknown[] };
    file.labels.push({ id: 'venue', name: 'Venue', color: '#123456' });
    const report = await importInto(dir, 'x.awb.json', file);
    expect(report.labelsAdded).toEqual(['venue']);
    expect(report.annotationsAdded).toBe(1);
  });

  it('rejects a file that cannot be used at all, before writing anything', () => {
    const cases: [string, string][] = [
      ['{not json', 'not JSON'],
      ['[1,2]', 'not an exchange file (expected a JSON object)'],
      ['{"format":"doccano"}', 'not an Annotation Workbench exchange file ("format" is "doccano")'],
      ['{"format":"annotation-workbench","version":7}', 'exchange version 7 is not supported (this build reads version 1)'],
      ['{"format":"annotation-workbench","version":1,"offsets":"utf16"}', 'offsets'],
      ['{"format":"annotation-workbench","version":1,"offsets":"codepoints","exportedAt":"x","exportedBy":"x","labels":[],"documents":[],"__proto__":{"polluted":1}}', 'Unrecognized key'],
    ];
    for (const [raw, reason] of cases) {
      expect(() => parseExchange('f.awb.json', raw), raw).toThrow(ExchangeRejected);
      expect(() => parseExchange('f.awb.json', raw), raw).toThrow(reason);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('awb export and import of exchange files', () => {
  it('exports every format from the seed workspace, and imports the exchange file into a fresh one', () => {
    const dir = tempDir();
    const ws = join(dir, 'w');
    expect(awb('import', ...readdirSync(join(repoRoot, 'seeds')).map((n) => join(repoRoot, 'seeds', n)), '--workspace', ws).code).toBe(0);
    for (const [format, out] of [['exchange', 'all.awb.json'], ['jsonl', 'all.jsonl'], ['csv', 'all.csv'], ['conll', 'all.conll'], ['brat', 'brat'], ['brat', 'brat.zip'], ['w3c', 'all.jsonld']]) {
      const result = awb('export', '--format', format, '--out', join(dir, out), '--workspace', ws);
      expect(result.code, `${format}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toContain(`from 5 documents as ${format}`);
      expect(existsSync(join(dir, out))).toBe(true);
    }
    const fresh = join(dir, 'fresh');
    const imported = awb('import', join(dir, 'all.awb.json'), '--workspace', fresh);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('5 documents added');
    expect(JSON.parse(awb('list', '--json', '--workspace', fresh).stdout)).toHaveLength(5);
    expect(awb('check', '--workspace', fresh).code).toBe(0);
  });

  it('rejects an unusable exchange file with exit 1 and writes nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.awb.json'), '{"format":"annotation-workbench","version":9}');
    const result = awb('import', join(dir, 'bad.awb.json'), '--workspace', join(dir, 'w'));
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`awb: ${join(dir, 'bad.awb.json')}: exchange version 9 is not supported (this build reads version 1)`);
    expect(existsSync(join(dir, 'w'))).toBe(false);
  });

  it('usage errors: unknown format, missing --out', () => {
    expect(awb('export', '--format', 'xml', '--out', 'x').code).toBe(2);
    expect(awb('export', '--format', 'csv').code).toBe(2);
  });
});

describe('exchange import and annotators', () => {
  it('makes the colleagues known to the workspace', async () => {
    const dir = tempDir();
    const report = await importInto(dir, 'x.awb.json', exchangeWith([{ start: 0, end: 18, text: 'Staffan de Mistura', annotator: 'colleague' }]));
    expect(report.annotators).toEqual(['colleague']);
    const ws = await Workspace.open(dir, { readOnly: true });
    expect(ws.annotators).toContain('colleague');
  });
});
