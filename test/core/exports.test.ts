import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { openBratOutput } from '../../main/core/export/bratOutputs';
import { exportBrat, safeFileName } from '../../main/core/export/exportBrat';
import { exportConll } from '../../main/core/export/exportConll';
import { CSV_COLUMNS, exportCsv, protectCell } from '../../main/core/export/exportCsv';
import { exportJsonl } from '../../main/core/export/exportJsonl';
import { exportW3c } from '../../main/core/export/exportW3c';
import { writeExport } from '../../main/core/export/renderExport';
import { DEFAULT_LABELS, SCHEMA_VERSION, type DocumentFile } from '../../main/core/model';
import { OffsetConverter } from '../../main/core/offsets';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { annotatedDocuments, articleText, codePointSlice } from '../arbitraries';
import { tokensByRule } from '../tokenRule';
import { repoRoot, tempDir } from '../helpers';

const RUNS = { numRuns: 60 };

describe('offsets: UTF-16 inside, code points outside', () => {
  it('converts both ways on text with emoji, ZWJ sequences, combining marks and CJK', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const offsets = new OffsetConverter(text);
        const chars = Array.from(text);
        expect(offsets.codePointLength).toBe(chars.length);
        let utf16 = 0;
        for (let cp = 0; cp <= chars.length; cp++) {
          expect(offsets.toUtf16(cp)).toBe(utf16);
          expect(offsets.toCodePoint(utf16)).toBe(cp);
          utf16 += chars[cp]?.length ?? 0;
        }
      }),
      RUNS,
    );
  });

  it('knows a concrete case', () => {
    const offsets = new OffsetConverter('a😀b👨‍👩‍👧c');
    expect(offsets.toCodePoint(3)).toBe(2); // "b"
    expect(offsets.toUtf16(2)).toBe(3);
    expect(offsets.sliceCodePoints(3, 8)).toBe('👨‍👩‍👧');
  });
});

describe('every exported span slices to its text, in code points', () => {
  it('JSONL', () => {
    fc.assert(
      fc.property(annotatedDocuments, (docs) => {
        const lines = exportJsonl(docs).trimEnd().split('\n').map((l) => JSON.parse(l));
        expect(lines).toHaveLength(docs.length);
        lines.forEach((line, i) => {
          expect(line.id).toBe(docs[i].document.id);
          expect(line.spans).toHaveLength(docs[i].annotations.length);
          for (const s of line.spans) expect(codePointSlice(line.text, s.start, s.end)).toBe(s.text);
          for (const r of line.relations) {
            expect(line.spans[r.from].label).toBe('quote');
            expect(line.spans[r.to].label).toBe('actor');
          }
        });
      }),
      RUNS,
    );
  });

  it('CSV, read back by a CSV parser', () => {
    fc.assert(
      fc.property(annotatedDocuments, (docs) => {
        const rows = parse(exportCsv(docs), { columns: true, bom: true }) as Record<string, string>[];
        expect(rows).toHaveLength(docs.reduce((n, d) => n + d.annotations.length, 0));
        const texts = new Map(docs.map((d) => [d.document.id, d.document.text]));
        for (const row of rows) {
          expect(Object.keys(row)).toEqual([...CSV_COLUMNS]);
          const slice = codePointSlice(texts.get(row.document_id)!, Number(row.start), Number(row.end));
          expect(row.text).toBe(protectCell(slice));
        }
      }),
      RUNS,
    );
  });

  it('brat, fragments included', () => {
    fc.assert(
      fc.property(annotatedDocuments, (docs) => {
        const files = exportBrat(docs, DEFAULT_LABELS);
        for (const [name, content] of files) {
          if (!name.endsWith('.ann')) continue;
          const text = files.get(name.replace(/\.ann$/, '.txt'))!;
          for (const line of content.split('\n').filter((l) => l.startsWith('T'))) {
            const [, typeAndOffsets, covered] = line.split('\t');
            const pieces = typeAndOffsets.split(' ').slice(1).join(' ').split(';').map((p) => p.split(' ').map(Number));
            for (const [s, e] of pieces) expect(codePointSlice(text, s, e)).not.toContain('\n');
            expect(pieces.map(([s, e]) => codePointSlice(text, s, e)).join(' ')).toBe(covered);
          }
        }
      }),
      RUNS,
    );
  });

  it('W3C: TextPositionSelector slices to the TextQuoteSelector, with 32 code points of context', () => {
    fc.assert(
      fc.property(annotatedDocuments, (docs) => {
        const collection = exportW3c(docs, 'test') as { first: { items: { motivation: string; target: { source: string; selector: Record<string, never>[] } }[] } };
        const texts = new Map(docs.map((d) => [`urn:sha256:${d.document.id.slice(7)}`, d.document.text]));
        // Links are annotations of their own, whose target is an annotation (exportEntities.test.ts).
        for (const item of collection.first.items.filter((i) => i.motivation === 'tagging')) {
          const text = texts.get(item.target.source)!;
          const [position, quote] = item.target.selector as unknown as [{ start: number; end: number }, { exact: string; prefix: string; suffix: string }];
          expect(codePointSlice(text, position.start, position.end)).toBe(quote.exact);
          expect(quote.prefix).toBe(codePointSlice(text, Math.max(0, position.start - 32), position.start));
          expect(quote.suffix).toBe(codePointSlice(text, position.end, position.end + 32));
        }
      }),
      RUNS,
    );
  });

  it('CoNLL tokens reproduce the token rule of DESIGN §5', () => {
    fc.assert(
      fc.property(annotatedDocuments, (docs) => {
        const lines = exportConll(docs).text.split('\n');
        const tokens = lines.filter((l) => l && !l.startsWith('-DOCSTART-')).map((l) => l.split('\t')[0]);
        expect(tokens).toEqual(docs.flatMap((d) => tokensByRule(d.document.text).map((t) => t.text)));
        expect(lines.filter((l) => l.startsWith('-DOCSTART-'))).toHaveLength(docs.length);
      }),
      RUNS,
    );
  });
});

const doc = (text: string): DocumentFile => ({
  schemaVersion: SCHEMA_VERSION,
  document: { id: documentIdOf(text), title: 'T', sourceName: 't.txt', text, importedAt: '2026-11-22T00:00:00.000Z', meta: {} },
  annotations: [],
  relations: [],
});
const span = (file: DocumentFile, label: string, phrase: string, extra: Partial<DocumentFile['annotations'][0]> = {}) => {
  const start = file.document.text.indexOf(phrase);
  return {
    id: crypto.randomUUID(), docId: file.document.id, label, start, end: start + phrase.length, quote: phrase, annotator: 'ana',
    createdAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-22T00:00:00.000Z', origin: 'manual' as const, ...extra,
  };
};

describe('CoNLL details', () => {
  it('writes IOB2 tags, sentence breaks, and reports spans hidden by overlaps', () => {
    const file = doc('Staffan de Mistura said it. Aleppo fell.');
    const quote = span(file, 'quote', 'Staffan de Mistura said it');
    const actor = span(file, 'actor', 'Staffan de Mistura');
    file.annotations = [quote, actor, span(file, 'location', 'Aleppo')];
    const { text, report } = exportConll([file]);
    expect(text).toBe(
      '-DOCSTART-\tO\n\nStaffan\tB-QUOTE\nde\tI-QUOTE\nMistura\tI-QUOTE\nsaid\tI-QUOTE\nit\tI-QUOTE\n.\tO\n\nAleppo\tB-LOCATION\nfell\tO\n.\tO\n\n',
    );
    expect(report.lostSpans).toBe(1);
    expect(report.lost[0]).toMatchObject({ label: 'actor', text: 'Staffan de Mistura' });
  });
});

describe('CSV details', () => {
  it('prefixes cells a spreadsheet would evaluate, notes included', () => {
    const file = doc('-5 degrees in Aleppo');
    const note = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: '=HYPERLINK("http://evil")' }] }] };
    file.annotations = [span(file, 'figure', '-5 degrees', { note }), span(file, 'location', 'Aleppo', { annotator: '@ana' })];
    const rows = parse(exportCsv([file]), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows[0].note).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[0].text).toBe(`'-5 degrees`);
    expect(rows[0].start).toBe('0');
    expect(rows[1].annotator).toBe(`'@ana`);
    expect(rows[1].context).toBe(`'-5 degrees in Aleppo`);
  });
});

describe('brat details', () => {
  it('writes a span crossing a newline as fragments, the conf with labels and Speaker, notes and links', () => {
    const file = doc('He said:\n"We stay" in 😀 Aleppo');
    const quote = span(file, 'quote', 'said:\n"We stay"', { note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'check' }] }] } });
    const actor = span(file, 'actor', 'He');
    const place = span(file, 'location', 'Aleppo');
    file.annotations = [actor, quote, place];
    file.relations = [{ id: crypto.randomUUID(), type: 'speaker', from: quote.id, to: actor.id, annotator: 'ana' }];
    const files = exportBrat([file], DEFAULT_LABELS);
    expect(files.get('annotation.conf')).toContain('[entities]\nActor\nLocation\nFigure\nQuote\n');
    expect(files.get('annotation.conf')).toContain('Speaker\tArg1:Quote, Arg2:Actor');
    expect(files.get('T.ann')).toBe('T1\tActor 0 2\tHe\nT2\tQuote 3 8;9 18\tsaid: "We stay"\nT3\tLocation 24 30\tAleppo\n#1\tAnnotatorNotes T2\tcheck\nR1\tSpeaker Arg1:T2 Arg2:T1\n');
  });

  it('keeps every file inside the output folder whatever the titles', async () => {
    const out = join(tempDir(), 'brat');
    const docs = ['../../x', '..', '/etc/passwd', 'a\\b\u0000c', 'CON', ''].map((title, i) => ({ ...doc(`Text ${i}`), document: { ...doc(`Text ${i}`).document, title } }));
    const output = await openBratOutput(out);
    for (const [path, content] of exportBrat(docs, DEFAULT_LABELS)) await output.add(path, content);
    await output.commit();
    const names = readdirSync(out);
    expect(names).toHaveLength(13);
    for (const name of names) expect(relative(out, join(out, name)).startsWith('..')).toBe(false);
    expect(names).toContain('x.txt');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(13);
    expect(safeFileName('../../x', new Set())).toBe('x');
  });
});

describe('W3C Web Annotation', () => {
  it('has tagging and commenting bodies and both selectors, and is valid JSON-LD against the anno.jsonld terms', async () => {
    const file = doc('Staffan de Mistura spoke in Geneva.');
    file.annotations = [
      span(file, 'actor', 'Staffan de Mistura', { note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'UN envoy' }] }] } }),
      span(file, 'location', 'Geneva'),
    ];
    const collection = exportW3c([file], 'test');
    const items = (collection.first as { items: Record<string, unknown>[] }).items;
    expect(items[0].body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'actor' },
      { type: 'TextualBody', purpose: 'commenting', value: 'UN envoy', format: 'text/plain' },
    ]);
    expect((items[1].target as { selector: { type: string }[] }).selector.map((s) => s.type)).toEqual(['TextPositionSelector', 'TextQuoteSelector']);
    const context = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'anno.jsonld'), 'utf8'));
    const documentLoader = async (url: string) => {
      if (url !== 'http://www.w3.org/ns/anno.jsonld') throw new Error(`unexpected context ${url}`);
      return { contextUrl: undefined, documentUrl: url, document: context };
    };
    // `safe` mode throws on any term the context does not define, instead of dropping it.
    const expanded = await jsonld.expand(collection as jsonld.JsonLdDocument, { documentLoader, safe: true } as jsonld.Options.Expand);
    expect(JSON.stringify(expanded)).toContain('http://www.w3.org/ns/oa#hasSelector');
    expect(JSON.stringify(expanded)).toContain('http://www.w3.org/ns/oa#TextQuoteSelector');
    // …and the check bites: a term outside the context is an error.
    const bogus = { ...collection, bogusTerm: 1 } as jsonld.JsonLdDocument;
    await expect(jsonld.expand(bogus, { documentLoader, safe: true } as jsonld.Options.Expand)).rejects.toThrow();
  });
});

describe('exports from a workspace', () => {
  it('apply the scope: documents, annotators, labels', async () => {
    const ws = await Workspace.open(tempDir());
    const a = doc('Alpha text about Aleppo.');
    await ws.importArticle({ id: a.document.id, sourceName: 'a.txt', title: 'A', text: a.document.text, meta: {}, encoding: 'utf-8', warnings: [] });
    const { createWorkbench } = await import('../../main/service/workbench');
    const api = createWorkbench(ws);
    await api.annotations.create({ docId: a.document.id, label: 'location', start: 17, end: 23 });
    await api.settings.setAnnotator('ben');
    await api.annotations.create({ docId: a.document.id, label: 'actor', start: 0, end: 5 });
    const out = join(tempDir(), 'out.jsonl');
    const only = async (scope: object) => (await writeExport(ws, 'jsonl', scope, out)).annotations;
    expect(await only({})).toBe(2);
    expect(await only({ annotators: ['ben'] })).toBe(1);
    expect(await only({ labels: ['location', 'figure'] })).toBe(1);
    await expect(writeExport(ws, 'csv', { documents: ['sha256:' + '0'.repeat(64)] }, out)).rejects.toThrow('no document');
    await ws.close();
  });
});

describe('writing exports', () => {
  it('writes brat as a zip when the path ends in .zip', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'keep'), '');
    const ws = await Workspace.open(join(dir, 'ws'));
    await ws.importArticle({ id: doc('Zip me').document.id, sourceName: 'z.txt', title: 'Z', text: 'Zip me', meta: {}, encoding: 'utf-8', warnings: [] });
    await writeExport(ws, 'brat', {}, join(dir, 'out.zip'));
    await ws.close();
    const bytes = readFileSync(join(dir, 'out.zip'));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the tokenizer', () => {
  it('finds exactly the tokens of the DESIGN §5 rule read on grapheme clusters, on any text', async () => {
    const { tokenize } = await import('../../main/core/tokens');
    const pieces = Array.from("aZé́ 9٣'’.,-—!?\n\t\u00a0😀👨‍👩‍👧北京ㄱ\u0301\u200b\u200d\ufe0f_$…", (c) => c);
    const alphabet = fc.constantFrom(...pieces, '😀', '👍🏽', '🇸🇾', '🏳️‍🌈', '...', 'e\u0301', '\u{1D7D8}', '\u{10400}', '\u{1F1F8}', '\u3000', '\r\n', '\u0600', '\u1100', '\u1161', '\u11a8', '한', 'क', '\u094d', 'ष', 'ि', 'قال', '\u{1F1FA}', '\u{1F3FD}', '\u200d👩');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (text) => {
        expect(tokenize(text)).toEqual(tokensByRule(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the rule’s tokens in long runs of clusters beyond ASCII (segmented a window at a time)', async () => {
    const { tokenize } = await import('../../main/core/tokens');
    const text = ('北京 👨‍👩‍👧👍🏽 e\u0301' + 'a\u0301'.repeat(200) + ' 🇸🇾🇸🇾🇸🇾 ').repeat(40) + 'Z' + '\u0301'.repeat(600);
    expect(tokenize(text)).toEqual(tokensByRule(text));
  });

  it('keeps an ellipsis and every emoji whole', async () => {
    const { tokenize } = await import('../../main/core/tokens');
    const texts = (t: string) => tokenize(t).map((k) => k.text);
    expect(texts('Wait... what… now.... no.. 1.5')).toEqual(['Wait', '...', 'what', '…', 'now', '....', 'no', '.', '.', '1.5']);
    expect(texts('Families 👨‍👩‍👧 fled 🇸🇾, thumbs 👍🏽 up 🏳️‍🌈!')).toEqual(['Families', '👨‍👩‍👧', 'fled', '🇸🇾', ',', 'thumbs', '👍🏽', 'up', '🏳️‍🌈', '!']);
    expect(texts("al-Assad's forces, 13,346 civilians")).toEqual(["al-Assad's", 'forces', ',', '13,346', 'civilians']);
  });
});
