import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeLabels } from '../../main/core/exchange/exchangeLabels';
import { ExchangeRejected, importExchange, parseExchange } from '../../main/core/exchange/importExchange';
import { mergeExchangeDocument, type MergeTally } from '../../main/core/exchange/mergeExchangeDocument';
import { MAX_LABELS } from '../../main/core/labels';
import { exportExchange } from '../../main/core/export/exportExchange';
import { DEFAULT_LABELS, MAX_ANNOTATIONS_PER_DOCUMENT, SCHEMA_VERSION, type Annotation, type DocumentFile } from '../../main/core/model';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { annotatedDocuments } from '../arbitraries';
import { awb, seedArticles, tempDir } from '../helpers';

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
        expect(report.warnings).toEqual([]);
        expect(report.annotationsReanchored).toBe(0);
        const ws = await Workspace.open(dir, { readOnly: true });
        for (const original of docs) {
          const imported = await ws.readDocument(original.document.id);
          expect(imported.document.text).toBe(original.document.text);
          expect(imported.document.title).toBe(original.document.title);
          // Each document keeps its own file's name, not the exchange file's.
          expect(imported.document.sourceName).toBe(original.document.sourceName || 'colleague.awb.json');
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
  schemaVersion: SCHEMA_VERSION,
  document: { id: documentIdOf(text), title: 'Talks', sourceName: 't.txt', text, importedAt: '2026-11-22T00:00:00.000Z', meta: {} },
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
      ['{"format":"annotation-workbench","version":7}', 'exchange version 7 is not supported (this build reads versions 1 and 2)'],
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
    expect(awb('import', ...seedArticles(), '--workspace', ws).code).toBe(0);
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
    expect(result.stderr).toContain(`${join(dir, 'bad.awb.json')}: exchange version 9 is not supported (this build reads versions 1 and 2)\n`);
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

describe('spans that would cut an emoji in half (issue 14, finding 7)', () => {
  it('skips a span whose text is half a surrogate pair instead of re-anchoring it inside the emoji', async () => {
    const dir = tempDir();
    const report = await importInto(dir, 'x.awb.json', exchangeWith([
      { start: 900, end: 901, text: '\uD83D', label: 'figure' },
      { start: 0, end: 4, text: '\uDE00 the', label: 'figure' },
      { start: 24, end: 25, text: '😀', label: 'figure' },
    ]));
    expect(report.annotationsAdded).toBe(1);
    expect(report.skipped.map((s) => s.reason)).toEqual([
      'span 900–901 is outside the text; where its text occurs, the span ends inside a character (it would cut an emoji or other character written as a surrogate pair in half)',
      'its text does not match the document at its offsets; where its text occurs, the span starts inside a character (it would cut an emoji or other character written as a surrogate pair in half)',
    ]);
    // What is stored exports as a span of one code point, not an empty one.
    const ws = await Workspace.open(dir, { readOnly: true });
    const stored = await ws.readDocument(documentIdOf(text));
    expect(stored.annotations.map((a) => a.quote)).toEqual(['😀']);
    const exported = exportExchange([stored], DEFAULT_LABELS, 'ana').documents[0].annotations;
    expect(exported.map((a) => [a.start, a.end])).toEqual([[24, 25]]);
  });
});

describe('limits of an exchange file (issue 14, finding 8)', () => {
  const envelope = (documents: unknown[]) =>
    JSON.stringify({ format: 'annotation-workbench', version: 1, offsets: 'codepoints', exportedAt: 'x', exportedBy: 'x', labels: [], documents });

  it('refuses a file over 200,000 annotations, 5,000 documents or 64 MB whole, naming the limit and the count', () => {
    const refusal = (raw: string) => {
      try {
        parseExchange('f.awb.json', raw);
      } catch (error) {
        expect(error).toBeInstanceOf(ExchangeRejected);
        return (error as ExchangeRejected).message;
      }
      return 'accepted';
    };
    expect(refusal(envelope([{ annotations: new Array(200_000).fill({}) }]))).toBe('accepted');
    expect(refusal(envelope([{ annotations: new Array(200_000).fill({}) }, { annotations: [{}] }]))).toBe(
      'f.awb.json: the file holds 200,001 annotations, over the limit of 200,000 per exchange file; export fewer documents at a time',
    );
    expect(refusal(envelope(new Array(5_001).fill({})))).toBe(
      'f.awb.json: the file holds 5,001 documents, over the limit of 5,000 per exchange file; export fewer documents at a time',
    );
    // Bytes, not characters: 22,369,622 three-byte characters are 64 MiB and 2 bytes of UTF-8.
    expect(refusal(`"${'€'.repeat(22_369_622)}"`)).toBe('f.awb.json: file is 64.0 MB, over the 64 MB limit for an exchange file; export fewer documents at a time');
    expect(refusal(`"${'€'.repeat(22_369_620)}"`)).toBe('f.awb.json: not an exchange file (expected a JSON object)');
  });

  it('a document near its annotation limit takes what fits and skips the rest with one reason', async () => {
    const dir = tempDir();
    await importInto(dir, 'x.awb.json', exchangeWith([]));
    const ws = await Workspace.open(dir);
    const docId = documentIdOf(text);
    const one = { docId, label: 'actor', start: 0, end: 7, quote: 'Staffan', annotator: 'ana', createdAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-22T00:00:00.000Z', origin: 'manual' as const };
    const annotations = Array.from({ length: MAX_ANNOTATIONS_PER_DOCUMENT - 2 }, () => ({ ...one, id: crypto.randomUUID() }));
    await ws.updateDocument(docId, (file) => ({ file: { ...file, annotations }, result: undefined }));
    const report = await importExchange(ws, 'x.awb.json', parseExchange('x.awb.json', JSON.stringify(exchangeWith([
      { start: 0, end: 18, text: 'Staffan de Mistura' },
      { start: 0, end: 7, text: 'Staffan' },
      { start: 11, end: 18, text: 'Mistura' },
      { start: 54, end: 60, text: 'Geneva', label: 'location' },
    ]))));
    expect(report.annotationsAdded).toBe(2);
    expect(report.skipped).toEqual([
      { document: 'Talks', item: '2 annotations', reason: 'not added: the document already holds 50,000 annotations, the most one document may hold' },
    ]);
    expect((await ws.readDocument(docId)).annotations).toHaveLength(MAX_ANNOTATIONS_PER_DOCUMENT);
    await ws.close();
  }, 30_000);

  it('skips a document whose text is over the 20 MB article limit', async () => {
    const huge = 'Aleppo. '.repeat(2_700_000);
    const file = exchangeWith([{ start: 0, end: 18, text: 'Staffan de Mistura' }]);
    const other = exchangeWith([], { text: huge, id: documentIdOf(huge), title: 'Huge' });
    file.documents.push(other.documents[0]);
    const report = await importInto(tempDir(), 'x.awb.json', file);
    expect(report.documentsAdded).toBe(1);
    expect(report.skipped).toEqual([{ document: 'Huge', reason: 'its text is 20.6 MB, over the 20 MB limit for an article' }]);
  });

  it('stops re-anchoring when the search budget is spent, and says so once', () => {
    const tally: MergeTally = { annotationsAdded: 0, annotationsReanchored: 0, reviewsUpdated: 0, annotationsAlreadyPresent: 0, annotationsCompleted: 0, relationsAdded: 0, annotators: [], skipped: [] };
    const entries = exchangeWith([
      { start: 0, end: 7, text: 'Staffan' },
      { start: 1, end: 7, text: 'Staffan de' },
      { start: 2, end: 7, text: 'Mistura' },
      { start: 3, end: 7, text: 'said' },
    ]).documents[0] as unknown as { annotations: unknown[]; relations: unknown[] };
    // Enough for one search of the whole text: "Staffan" needs none, "Staffan de" takes it.
    const budget = { characters: Math.floor(text.length * 1.5) };
    const merged = mergeExchangeDocument(base(), 'Talks', entries, { known: new Set(['actor']), dropped: new Set() }, budget, tally);
    expect(merged.annotations.map((a) => a.quote)).toEqual(['Staffan de', 'Staffan']);
    expect(tally.skipped).toEqual([
      { document: 'Talks', item: '2 annotations', reason: 'not re-anchored: this import has searched 10,000,000,000 characters of text for moved spans, the most one import may' },
    ]);
  });
});

describe('labels of an exchange file (issue 14, finding 11b)', () => {
  it('reports every label entry it drops, with the label and the reason', async () => {
    const dir = tempDir();
    const file = exchangeWith([
      { start: 54, end: 60, text: 'Geneva', label: 'venue' },
      { start: 0, end: 7, text: 'Staffan', label: 'person' },
    ]) as unknown as { labels: unknown[] };
    file.labels.push(
      { id: 'venue', name: 'Venue', color: 'red' },
      { id: 'Person!', name: 'Person', color: '#123456' },
      { id: 'place', name: '', color: '#123456' },
      'not a label',
      { id: 'event', name: 'Event', color: '#123456' },
      { id: 'event', name: 'Event', color: '#654321' },
      { id: 'event', name: 'Event', color: '#123456' },
    );
    const report = await importInto(dir, 'x.awb.json', file);
    expect(report.labelsAdded).toEqual(['event']);
    expect(report.skipped).toEqual([
      { document: "the file's labels", item: 'label "venue"', reason: 'not added: its colour "red" is not of the form #rrggbb' },
      { document: "the file's labels", item: 'label "Person!"', reason: 'not added: its id "Person!" is not 1–32 lowercase letters, digits, "_" or "-" starting with a letter' },
      { document: "the file's labels", item: 'label "place"', reason: 'not added: its name "" is not 1–40 characters' },
      { document: "the file's labels", item: 'labels[7]', reason: 'not added: (the entry): Invalid input: expected object, received string' },
      { document: "the file's labels", item: 'label "event"', reason: 'not used: the file lists this label twice, differently; the first entry was used' },
      { document: 'Talks', item: expect.any(String), reason: 'unknown label "venue" (its entry in the file\'s labels was not added, see above)' },
      { document: 'Talks', item: expect.any(String), reason: 'unknown label "person"' },
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('reports every label it changes: renamed for a name in use, or the workspace\'s own kept', async () => {
    const dir = tempDir();
    const file = exchangeWith([{ start: 54, end: 60, text: 'Geneva', label: 'place' }]) as unknown as { labels: unknown[] };
    file.labels.splice(0, 1, { id: 'actor', name: 'Person', color: '#000000' });
    // The same colour in capitals is the same colour: no warning for it.
    file.labels.splice(3, 1, { id: 'quote', name: 'Quote', color: '#A454C9' });
    file.labels.push({ id: 'place', name: 'Location', color: '#123456' });
    const report = await importInto(dir, 'x.awb.json', file);
    expect(report.labelsAdded).toEqual(['place']);
    expect(report.annotationsAdded).toBe(1);
    expect(report.skipped).toEqual([]);
    expect(report.warnings).toEqual([
      'label "actor": this workspace\'s name and colour ("Actor", #2f6fdf) are kept, not the file\'s ("Person", #000000)',
      'label "place" added as "Location (place)": its name "Location" is taken by label "location"',
    ]);
    const ws = await Workspace.open(dir, { readOnly: true });
    expect(ws.labels.find((l) => l.id === 'place')).toEqual({ id: 'place', name: 'Location (place)', color: '#123456', key: '' });
  });

  it('adds no label beyond the workspace\'s limit, and says which were left out', () => {
    const many = Array.from({ length: MAX_LABELS }, (_, i) => ({ id: `l${i}`, name: `L${i}`, color: '#123456' }));
    const merge = mergeLabels(DEFAULT_LABELS, many);
    expect(merge.added).toHaveLength(MAX_LABELS - DEFAULT_LABELS.length);
    expect(merge.skipped).toHaveLength(DEFAULT_LABELS.length);
    expect(merge.skipped[0]).toEqual({ item: 'label "l46"', reason: 'not added: the workspace already has 50 labels, the most it may have' });
    expect([...merge.dropped]).toEqual(['l46', 'l47', 'l48', 'l49']);
  });
});
