// DESIGN §13: other tools' annotation files come in whole (spans on the matching document, labels
// mapped, a report) or are refused whole; our own brat, W3C and CoNLL exports round-trip.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportBrat } from '../../main/core/export/exportBrat';
import { exportConll } from '../../main/core/export/exportConll';
import { exportW3c } from '../../main/core/export/exportW3c';
import { inputFromBytes } from '../../main/core/foreignFormats/foreignInput';
import { ForeignRejected, NormalisedOffsets, type ForeignInput } from '../../main/core/foreignFormats/foreignFile';
import { importForeign, type ForeignImportOptions } from '../../main/core/foreignFormats/importForeign';
import { DEFAULT_LABELS, SCHEMA_VERSION, type Annotation, type DocumentFile } from '../../main/core/model';
import { checkWorkspace } from '../../main/core/store/checkWorkspace';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { tempDir } from '../helpers';

const textA = 'Staffan de Mistura 😀 said "the talks\nin Geneva failed" on Monday. 13,346 civilians left 東アレッポ.';
const textB = 'Sergei Lavrov spoke in Moscow. Aleppo fell.';
const at = (text: string, phrase: string, from = 0) => ({ start: text.indexOf(phrase, from), end: text.indexOf(phrase, from) + phrase.length });

function annotation(text: string, label: string, phrase: string, id = crypto.randomUUID()): Annotation {
  const { start, end } = at(text, phrase);
  return { id, docId: documentIdOf(text), label, start, end, quote: phrase, annotator: 'ana', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z', origin: 'manual' };
}
function documentFile(text: string, title: string, annotations: Annotation[], relations: DocumentFile['relations'] = []): DocumentFile {
  return { schemaVersion: SCHEMA_VERSION, document: { id: documentIdOf(text), title, sourceName: `${title}.txt`, text, importedAt: '2026-12-01T00:00:00.000Z', meta: {} }, annotations, relations };
}
/// Spans that do not overlap (CoNLL keeps one tag per token), over emoji, CJK and a line break.
function corpus(): DocumentFile[] {
  const actor = annotation(textA, 'actor', 'Staffan de Mistura');
  const quote = annotation(textA, 'quote', 'the talks\nin Geneva failed');
  return [
    documentFile(textA, 'Talks', [actor, quote, annotation(textA, 'figure', '13,346'), annotation(textA, 'location', '東アレッポ')], [{ id: crypto.randomUUID(), type: 'speaker', from: quote.id, to: actor.id, annotator: 'ana' }]),
    documentFile(textB, 'Lavrov', [annotation(textB, 'actor', 'Sergei Lavrov'), annotation(textB, 'location', 'Moscow'), annotation(textB, 'location', 'Aleppo')]),
  ];
}
const spansOf = (file: DocumentFile) => file.annotations.map((a) => `${a.label} ${a.start}-${a.end} ${a.quote}`).sort();

/// A workspace holding only the corpus's texts.
async function workspaceWithTexts(docs: DocumentFile[]): Promise<string> {
  const dir = tempDir();
  const ws = await Workspace.open(dir);
  await ws.importArticles(docs.map((f) => ({ id: f.document.id, sourceName: f.document.sourceName, title: f.document.title, text: f.document.text, meta: {}, encoding: 'utf-8' as const, warnings: [] })));
  await ws.close();
  return dir;
}
async function importInto(dir: string, input: ForeignInput, options: ForeignImportOptions = {}) {
  const ws = await Workspace.open(dir);
  try {
    return await importForeign(ws, input, options);
  } finally {
    await ws.close();
  }
}
async function documents(dir: string, ids: string[]): Promise<DocumentFile[]> {
  const ws = await Workspace.open(dir, { readOnly: true });
  try {
    return await Promise.all(ids.map((id) => ws.readDocument(id)));
  } finally {
    await ws.close();
  }
}
const single = (name: string, content: string | Uint8Array): ForeignInput => ({ name, files: new Map([[name, typeof content === 'string' ? Buffer.from(content) : content]]) });
/// doccano's JSONL as doccano writes it: UTF-16 offsets (JavaScript's), labels by name.
const doccanoLines = (docs: DocumentFile[]) =>
  docs.map((d) => JSON.stringify({ id: d.document.title, text: d.document.text, label: d.annotations.map((a) => [a.start, a.end, a.label.toUpperCase()]), Comments: [] })).join('\n');
/// Prodigy's JSONL: code point offsets (Python's), accepted answers.
const prodigyLines = (docs: DocumentFile[]) =>
  docs.map((d) => {
    const cp = (i: number) => [...d.document.text.slice(0, i)].length;
    return JSON.stringify({ text: d.document.text, spans: d.annotations.map((a) => ({ start: cp(a.start), end: cp(a.end), label: a.label })), answer: 'accept', _annotator_id: 'ana' });
  }).join('\n');
const bratFiles = (docs: DocumentFile[]) => new Map([...exportBrat(docs, DEFAULT_LABELS)].map(([path, text]) => [path, Buffer.from(text) as Uint8Array]));

describe('round trips of our own exports into a workspace holding only the texts', () => {
  for (const [format, make] of [
    ['brat folder', (docs: DocumentFile[]) => ({ name: 'brat-export', files: bratFiles(docs) })],
    ['brat zip', (docs: DocumentFile[]) => inputFromBytes('brat.zip', zipSync(Object.fromEntries(bratFiles(docs))))],
    ['w3c', (docs: DocumentFile[]) => single('export.jsonld', JSON.stringify(exportW3c(docs, 'awb')))],
    ['conll', (docs: DocumentFile[]) => single('export.conll', exportConll(docs).text)],
    ['doccano', (docs: DocumentFile[]) => single('doccano.jsonl', doccanoLines(docs))],
    ['prodigy', (docs: DocumentFile[]) => single('prodigy.jsonl', prodigyLines(docs))],
  ] as const) {
    it(`${format}: the same spans and labels, nothing added the second time`, async () => {
      const docs = corpus();
      const dir = await workspaceWithTexts(docs);
      const report = await importInto(dir, make(docs), { annotator: 'ana' });
      expect(report.skipped).toEqual([]);
      expect(report.documentsAdded).toBe(0);
      expect(report.annotationsAdded).toBe(7);
      const imported = await documents(dir, docs.map((d) => d.document.id));
      for (const [i, doc] of imported.entries()) {
        expect(spansOf(doc)).toEqual(spansOf(docs[i]));
        expect(doc.annotations.every((a) => a.annotator === 'ana' && a.origin === 'import')).toBe(true);
      }
      if (!['conll', 'doccano', 'prodigy'].includes(format)) expect(imported[0].relations).toEqual([expect.objectContaining({ type: 'speaker' })]);
      expect((await checkWorkspace(dir)).problems).toEqual([]);
      const again = await importInto(dir, make(docs), { annotator: 'ana' });
      expect([again.annotationsAdded, again.relationsAdded, again.annotationsAlreadyPresent]).toEqual([0, 0, 7]);
    });
  }

  it('brat with a folder per annotator: each folder names its spans\' annotator, unless --annotator is given', async () => {
    const docs = corpus();
    const ben = docs.map((d) => ({ ...d, annotations: d.annotations.slice(0, 1).map((a) => ({ ...a, id: crypto.randomUUID(), annotator: 'ben' })), relations: [] }));
    const files = new Map([
      ...[...bratFiles(docs)].map(([path, bytes]) => [`ana/${path}`, bytes] as const),
      ...[...bratFiles(ben)].map(([path, bytes]) => [`ben/${path}`, bytes] as const),
    ]);
    const dir = await workspaceWithTexts(docs);
    const report = await importInto(dir, { name: 'layers', files });
    expect(report.annotationsAdded).toBe(9);
    expect(report.warnings).toContain("annotators taken from the folders' names: ana, ben (give --annotator to name one for all)");
    const [a] = await documents(dir, [docs[0].document.id]);
    expect(a.annotations.filter((x) => x.annotator === 'ben').map((x) => x.quote)).toEqual(['Staffan de Mistura']);
    expect(a.annotations.filter((x) => x.annotator === 'ana')).toHaveLength(4);
    const named = await importInto(await workspaceWithTexts(docs), { name: 'layers', files }, { annotator: 'cy' });
    // One annotator for both layers: ben's spans are ana's again, counted as present.
    expect([named.annotationsAdded, named.annotationsAlreadyPresent]).toEqual([7, 2]);
  });

  it("brat: a review decision written as a Review note comes back as the span's review", async () => {
    const docs = corpus();
    docs[1].annotations[0] = { ...docs[1].annotations[0], review: { status: 'rejected', by: 'ben', at: '2026-12-02T09:00:00.000Z', comment: 'not the speaker' } };
    const dir = await workspaceWithTexts(docs);
    await importInto(dir, { name: 'b', files: bratFiles(docs) }, { annotator: 'ana' });
    const [b] = await documents(dir, [docs[1].document.id]);
    expect(b.annotations.find((a) => a.quote === 'Sergei Lavrov')).toMatchObject({ review: docs[1].annotations[0].review });
    expect(b.annotations.find((a) => a.quote === 'Sergei Lavrov')!.note).toBeUndefined();
  });

  it('W3C keeps the annotation ids and the annotator it names', async () => {
    const docs = corpus();
    const dir = await workspaceWithTexts(docs);
    await importInto(dir, single('w.json', JSON.stringify(exportW3c(docs, 'awb'))), { annotator: 'someone else' });
    const [a] = await documents(dir, [docs[0].document.id]);
    expect(a.annotations.map((x) => x.id).sort()).toEqual(docs[0].annotations.map((x) => x.id).sort());
    expect(new Set(a.annotations.map((x) => x.annotator))).toEqual(new Set(['ana']));
  });

  it('W3C assessing bodies (accepted or rejected, by whom, when, a comment) become the review', async () => {
    const docs = corpus();
    const dir = await workspaceWithTexts(docs);
    const by = { creator: { type: 'Person', name: 'ben' }, created: '2026-12-02T09:00:00Z' };
    const item = {
      id: 'urn:uuid:' + crypto.randomUUID(), type: 'Annotation', motivation: 'tagging', creator: { type: 'Person', name: 'ana' },
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'location' },
        { type: 'TextualBody', purpose: 'assessing', value: 'rejected', ...by },
        { type: 'TextualBody', purpose: 'assessing', label: 'comment', value: 'a city, not a place name here', ...by },
      ],
      target: { source: `urn:sha256:${docs[1].document.id.slice(7)}`, selector: [{ type: 'TextPositionSelector', ...at(textB, 'Moscow') }] },
    };
    const report = await importInto(dir, single('r.json', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items: [item, { ...item, id: undefined, motivation: 'commenting', body: { type: 'TextualBody', value: 'a comment alone' } }] })));
    expect(report.annotationsAdded).toBe(1);
    expect(report.warnings).toContain('1 annotation(s) without a tagging body (a label) left out');
    const [doc] = await documents(dir, [docs[1].document.id]);
    expect(doc.annotations[0]).toMatchObject({ quote: 'Moscow', annotator: 'ana', review: { status: 'rejected', by: 'ben', at: '2026-12-02T09:00:00Z', comment: 'a city, not a place name here' } });
  });

  it('CoNLL: a text no document has is rebuilt from the tokens, with a warning', async () => {
    const docs = corpus();
    const dir = tempDir();
    const report = await importInto(dir, single('x.conll', exportConll([docs[1]]).text), { annotator: 'ana' });
    expect(report.documentsAdded).toBe(1);
    expect(report.annotationsAdded).toBe(3);
    expect(report.warnings.join('\n')).toMatch(/no document here has these 9 tokens; a new document was made from them/);
  });
});

describe('doccano, Prodigy and Label Studio files written to their documented shapes', () => {
  // doccano counts UTF-16 code units; 😀 is two of them.
  const emoji = 'Hi 😀 Staffan de Mistura';
  it('doccano label arrays and entities/relations go on the document with the same text, or a new one', async () => {
    const dir = tempDir();
    const lines = [
      { text: emoji, label: [[6, 24, 'ACTOR']] },
      { text: 'Lavrov said "no".', entities: [{ id: 1, label: 'actor', start_offset: 0, end_offset: 6 }, { id: 2, label: 'quote', start_offset: 12, end_offset: 16 }], relations: [{ id: 3, from_id: 2, to_id: 1, type: 'speaker' }] },
    ];
    const report = await importInto(dir, single('d.jsonl', lines.map((l) => JSON.stringify(l)).join('\n')), { annotator: 'dee' });
    expect(report.format).toBe('doccano');
    expect([report.documentsAdded, report.annotationsAdded, report.relationsAdded]).toEqual([2, 3, 1]);
    const [first] = await documents(dir, [documentIdOf(emoji)]);
    expect(first.annotations[0]).toMatchObject({ quote: 'Staffan de Mistura', label: 'actor', annotator: 'dee' });
  });

  it('Prodigy spans in code points; rejected answers left out', async () => {
    const dir = tempDir();
    const lines = [
      { text: emoji, spans: [{ start: 5, end: 23, label: 'PERSON' }], answer: 'accept', _annotator_id: 'pat' },
      { text: 'Rejected one.', spans: [{ start: 0, end: 8, label: 'PERSON' }], answer: 'reject' },
    ];
    const report = await importInto(dir, single('p.jsonl', lines.map((l) => JSON.stringify(l)).join('\n')), { labelMap: { person: 'actor' } });
    expect(report.labelsMapped).toEqual([{ from: 'PERSON', to: 'actor' }]);
    expect(report.annotationsAdded).toBe(1);
    expect(report.warnings).toContain('1 task(s) answered reject or ignore were left out');
    const [doc] = await documents(dir, [documentIdOf(emoji)]);
    expect(doc.annotations[0]).toMatchObject({ quote: 'Staffan de Mistura', annotator: 'pat' });
  });

  it('Label Studio tasks: annotations and predictions, code points or UTF-16 as each span text says, a relation', async () => {
    const dir = tempDir();
    const tasks = [{
      id: 17,
      data: { text: emoji + ' said "peace".' },
      annotations: [{ id: 1, completed_by: { email: 'lee@example.org' }, result: [
        { id: 'a1', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 5, end: 23, text: 'Staffan de Mistura', labels: ['Actor'] } },
        { id: 'q1', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 30, end: 37, text: '"peace"', labels: ['Quote'] } },
        { from_id: 'q1', to_id: 'a1', type: 'relation', direction: 'right', labels: ['speaker'] },
      ] }],
      predictions: [{ model_version: 'ner-v1', result: [{ id: 'p1', type: 'labels', value: { start: 6, end: 24, text: 'Staffan de Mistura', labels: ['Actor'] } }] }],
    }];
    const report = await importInto(dir, single('ls.json', JSON.stringify(tasks)));
    expect(report.format).toBe('label-studio');
    expect([report.annotationsAdded, report.relationsAdded]).toEqual([3, 1]);
    const [doc] = await documents(dir, [documentIdOf(emoji + ' said "peace".')]);
    expect(doc.annotations.map((a) => `${a.annotator} ${a.label} ${a.quote}`).sort()).toEqual(['lee@example.org actor Staffan de Mistura', 'lee@example.org quote "peace"', 'ner-v1 actor Staffan de Mistura']);
  });
});

describe('files that are refused whole, writing nothing', () => {
  async function refused(input: ForeignInput, options: ForeignImportOptions = {}, docs = corpus()): Promise<string> {
    const dir = await workspaceWithTexts(docs);
    const error = await importInto(dir, input, options).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignRejected);
    const after = await documents(dir, docs.map((d) => d.document.id));
    expect(after.flatMap((d) => d.annotations)).toEqual([]);
    return (error as Error).message;
  }

  it('unknown labels are listed with how to map them; a label map to a label we lack is refused', async () => {
    const input = single('p.jsonl', JSON.stringify({ text: textB, spans: [{ start: 0, end: 13, label: 'PER' }, { start: 23, end: 29, label: 'GPE' }] }));
    expect(await refused(input)).toMatch(/labels this workspace does not have: "PER" \(1 span\), "GPE" \(1 span\); map them with --label-map PER=<label>/);
    expect(await refused(input, { labelMap: { per: 'person', gpe: 'location' } })).toMatch(/--label-map per=person: this workspace has no label "person"/);
  });

  it('a label mapped to nothing is left out, the rest goes in', async () => {
    const dir = tempDir();
    const input = single('p.jsonl', JSON.stringify({ text: textB, spans: [{ start: 0, end: 13, label: 'PER' }, { start: 23, end: 29, label: 'GPE' }] }));
    const report = await importInto(dir, input, { labelMap: { per: 'actor', gpe: '' } });
    expect(report.annotationsAdded).toBe(1);
    expect(report.labelsMapped).toEqual([{ from: 'PER', to: 'actor' }, { from: 'GPE', to: null }]);
  });

  it('malformed brat lines, offsets out of range and a text that does not match name the file and line', async () => {
    const docs = corpus();
    const files = bratFiles(docs);
    const [ann] = [...files.keys()].filter((k) => k.endsWith('.ann'));
    const withLine = (line: string) => ({ name: 'b', files: new Map([...files, [ann, Buffer.from(`${Buffer.from(files.get(ann)!).toString()}${line}\n`)]]) });
    expect(await refused(withLine('X1\tnonsense'))).toMatch(/line \d+: not a brat annotation line/);
    expect(await refused(withLine('T99\tActor 500 510\tzzz'))).toMatch(/offsets 500–510 \(code points\) are outside the text/);
    expect(await refused(withLine('T99\tActor 0 7\tLavrov'))).toMatch(/the text at 0–7 \(code points\) is "Staffan", the file says "Lavrov"/);
    expect(await refused(withLine('R9\tSpeaker Arg1:T1 Arg2:T77'))).toMatch(/refers to T77, which is not a text-bound annotation/);
  });

  it('a zip bomb is refused before it is inflated, and one that lies about its size as it inflates', async () => {
    const zip = zipSync({ 'a.txt': new Uint8Array(70 * 1024 * 1024), 'a.ann': new Uint8Array(0) }, { level: 9 });
    expect(() => inputFromBytes('bomb.zip', zip)).toThrow(/would inflate to more than 64.0 MB .*refused before inflating/);
    const lying = Buffer.from(zipSync({ 'a.txt': new Uint8Array(1_000_000), 'a.ann': new Uint8Array(0) }, { level: 9 }));
    lying.writeUInt32LE(10, lying.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])) + 22);
    expect(() => inputFromBytes('liar.zip', new Uint8Array(lying))).toThrow(/a\.txt inflates to more than it declares/);
  });

  it('a file in the wrong encoding, and JSON that is no known format, are refused with reasons', async () => {
    const latin1 = Buffer.from('{"text": "Caf\xe9", "spans": []}', 'latin1');
    expect(await refused(single('p.jsonl', latin1), { format: 'prodigy' })).toMatch(/p\.jsonl is not UTF-8 text/);
    expect(await refused(single('x.conll', 'Sergei\tB-ACTOR\nLavrov\tX-ACTOR\n'), { format: 'conll' })).toMatch(/x\.conll: line 2: expected a token and an IOB2 tag/);
    expect(await refused(single('x.json', '{"hello": 1}'))).toMatch(/the format cannot be told from the content; name it \(--format in awb, Format in the app\)/);
    expect(await refused(single('d.jsonl', JSON.stringify({ text: textB, label: [[0, 99, 'actor']] })))).toMatch(/line 1 label\[0\]: offsets 0–99 \(UTF-16 code units\) are outside the text/);
    expect(await refused(single('w.json', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', body: { purpose: 'tagging', value: 'actor' }, target: { source: 'urn:sha256:' + 'f'.repeat(64), selector: { type: 'TextPositionSelector', start: 0, end: 3 } } })))).toMatch(/no document here has this id, and the file does not carry the text/);
  });
});

describe('offsets of a text as another tool carries it', () => {
  it('map onto the normalised text: a BOM, CRLF line ends and decomposed accents', () => {
    const raw = '\uFEFFCafe\u0301 one\r\nSe\u0301ance two\r\nthree';
    const offsets = new NormalisedOffsets(raw);
    expect(offsets.normalised).toBe('Café one\nSéance two\nthree');
    const word = (w: string) => [offsets.map(raw.indexOf(w)), offsets.map(raw.indexOf(w) + w.length)];
    for (const w of ['two', 'one', 'three', 'Se\u0301ance']) {
      const [start, end] = word(w);
      expect(offsets.normalised.slice(start, end)).toBe(w.normalize('NFC'));
    }
  });
});
