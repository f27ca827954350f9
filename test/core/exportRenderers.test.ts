// Exports rendered one document at a time (as `writeExport` does) against the whole-list
// renderings they replace, and exports from a workspace whose document files are damaged.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openBratOutput } from '../../main/core/export/bratOutputs';
import { documentRenderer } from '../../main/core/export/documentRenderers';
import { exportBrat } from '../../main/core/export/exportBrat';
import { exportConll, type ConllReport } from '../../main/core/export/exportConll';
import { CSV_COLUMNS, CSV_HEADER, CSV_STRINGIFY_OPTIONS, exportCsv } from '../../main/core/export/exportCsv';
import { exportExchange } from '../../main/core/export/exportExchange';
import { exportJsonl } from '../../main/core/export/exportJsonl';
import { exportW3c } from '../../main/core/export/exportW3c';
import { EXPORT_FORMATS, writeExport, type ExportFormat } from '../../main/core/export/renderExport';
import { exportContext } from '../../main/core/export/exportContext';
import { DEFAULT_LABELS, type DocumentFile, type Entity } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { documentFileName } from '../../main/core/store/workspaceFiles';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { tagTokens, tokenize } from '../../main/core/tokens';
import { annotatedDocument, linkedWorkspace } from '../arbitraries';
import { tempDir } from '../helpers';

const NOW = new Date('2026-11-22T10:00:00.000Z');
/// The W3C collection's id in every rendering here.
const EXPORT_ID = '6b1f0c3e-1d2a-4f4e-9c1b-3a5d7e9f0b2c';
/// Zero to six documents with distinct texts (none at all, too).
const documentLists = fc.uniqueArray(annotatedDocument, { maxLength: 6, selector: (d) => d.document.id });

/// The pieces of an export put together in memory (`writeExport` writes them as they come).
type Rendered = { kind: 'file'; content: string; conll?: ConllReport } | { kind: 'files'; files: Map<string, string> };

function rendered(format: ExportFormat, documents: DocumentFile[], labels = DEFAULT_LABELS, entities: Entity[] = []): Rendered {
  const renderer = documentRenderer(format, { labels, exportedBy: 'ana', generator: 'test', now: NOW, entities, exportId: EXPORT_ID });
  if (renderer.kind === 'files') return { kind: 'files', files: new Map([...documents.flatMap((file) => renderer.add(file)), ...renderer.end()]) };
  const annotations = documents.reduce((n, d) => n + d.annotations.length, 0);
  const content = renderer.start() + documents.map((file) => renderer.add(file)).join('') + renderer.end(documents.length, annotations);
  return { kind: 'file', content, conll: renderer.conll };
}

function text(result: Rendered): string {
  if (result.kind !== 'file') throw new Error('expected one file');
  return result.content;
}

/// The CoNLL text as the export wrote it before it was rendered per document: every line of the
/// corpus in one array, joined once (and a span going on past a sentence break starting it with
/// `B-` again).
function conllAsBefore(documents: DocumentFile[]): string {
  const lines: string[] = [];
  for (const file of documents) {
    const { text } = file.document;
    lines.push('-DOCSTART-\tO', '');
    const tokens = tokenize(text);
    const { owners } = tagTokens(tokens, file.annotations);
    let open = false;
    let newline = text.indexOf('\n');
    tokens.forEach((token, i) => {
      if (newline >= 0 && newline < token.start) {
        if (open) lines.push('');
        open = false;
        newline = text.indexOf('\n', token.start);
      }
      const owner = owners[i];
      lines.push(`${token.text}\t${owner ? `${open && owners[i - 1] === owner ? 'I' : 'B'}-${owner.label.toUpperCase()}` : 'O'}`);
      open = true;
      if (['.', '!', '?', '…'].includes(token.text) || /^\.{3,}$/.test(token.text)) {
        lines.push('');
        open = false;
      }
    });
    if (open) lines.push('');
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

describe('exports rendered one document at a time', () => {
  it('are the whole-list renderings, byte for byte', () => {
    fc.assert(
      fc.property(documentLists, (docs) => {
        expect(text(rendered('exchange', docs))).toBe(JSON.stringify(exportExchange(docs, DEFAULT_LABELS, 'ana', NOW), null, 1));
        expect(text(rendered('w3c', docs))).toBe(JSON.stringify(exportW3c(docs, 'test', NOW, undefined, EXPORT_ID)));
        expect(text(rendered('jsonl', docs))).toBe(exportJsonl(docs));
        expect(text(rendered('csv', docs))).toBe(exportCsv(docs, exportContext(DEFAULT_LABELS)));
        const conll = rendered('conll', docs);
        expect(text(conll)).toBe(conllAsBefore(docs));
        expect(conll.kind === 'file' && conll.conll).toEqual(exportConll(docs).report);
        const brat = rendered('brat', docs);
        expect(brat.kind === 'files' && [...brat.files]).toEqual([...exportBrat(docs, DEFAULT_LABELS)]);
      }),
      { numRuns: 150 },
    );
  });

  it('are the whole-list renderings with entities, attribute values and source links too', () => {
    fc.assert(
      fc.property(linkedWorkspace, ({ labels, entities, documents }) => {
        const context = exportContext(labels, entities);
        expect(text(rendered('exchange', documents, labels, entities))).toBe(JSON.stringify(exportExchange(documents, labels, 'ana', NOW, entities), null, 1));
        expect(text(rendered('w3c', documents, labels, entities))).toBe(JSON.stringify(exportW3c(documents, 'test', NOW, context, EXPORT_ID)));
        expect(text(rendered('jsonl', documents, labels, entities))).toBe(exportJsonl(documents, context));
        expect(text(rendered('csv', documents, labels, entities))).toBe(exportCsv(documents, context));
        const brat = rendered('brat', documents, labels, entities);
        expect(brat.kind === 'files' && [...brat.files]).toEqual([...exportBrat(documents, labels, entities)]);
      }),
      { numRuns: 60 },
    );
  });

  it('CSV: the header and the rows of each document, written apart, are one csv-stringify call over all rows', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '😀', '\ud800', "'", '=') }), fc.integer());
    const row = fc.array(cell, { minLength: CSV_COLUMNS.length, maxLength: CSV_COLUMNS.length });
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 4 }), { maxLength: 5 }), (groups) => {
        const apart = CSV_HEADER + groups.map((rows) => (rows.length ? stringify(rows, { ...CSV_STRINGIFY_OPTIONS, header: false }) : '')).join('');
        expect(apart).toBe(stringify(groups.flat(), { ...CSV_STRINGIFY_OPTIONS, header: true }));
      }),
      { numRuns: 500 },
    );
  });

  it('CoNLL ends sentences after . ! ? and …', () => {
    const file = fc.sample(annotatedDocument, { numRuns: 1, seed: 1 })[0];
    const withText = (t: string): DocumentFile => ({ ...file, document: { ...file.document, text: t }, annotations: [], relations: [] });
    const docs = [withText('Wait… what? Yes! Done. Next'), withText('a.b 1.5 x\ny')];
    expect(exportConll(docs).text).toBe(conllAsBefore(docs));
    expect(exportConll(docs).text).toContain('Wait\tO\n…\tO\n\nwhat\tO\n?\tO\n\nYes\tO\n!\tO\n\nDone\tO\n.\tO\n\nNext\tO\n\n');
  });

  it('brat as a zip holds exactly the files', async () => {
    const docs = fc.sample(documentLists, { numRuns: 1, seed: 3 })[0];
    const result = rendered('brat', docs);
    if (result.kind !== 'files') throw new Error('expected files');
    const zip = join(tempDir(), 'brat.zip');
    const output = await openBratOutput(zip);
    for (const [path, content] of result.files) await output.add(path, content);
    await output.commit();
    const unzipped = unzipSync(readFileSync(zip));
    expect(Object.keys(unzipped)).toEqual([...result.files.keys()]);
    for (const [path, content] of result.files) expect(Buffer.from(unzipped[path]).toString('utf8')).toBe(content);
  });
});

describe('exports from a workspace with a damaged document file', () => {
  it('fail with the error of reading that document, in every format', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    const articles = ['First text.', 'Second text.', 'Third text.'].map((t) => articleFromBytes('a.txt', new TextEncoder().encode(t)));
    const ids = (await ws.importArticles(articles)).map((outcome) => outcome.document.id);
    await ws.close();
    for (const damage of ['{"schemaVersion":1,"document":{}}', '{"schemaVersion":1,', '']) {
      writeFileSync(join(dir, 'documents', documentFileName(ids[1])), damage);
      const expected = await Workspace.open(dir, { readOnly: true }).then((w) => w.readDocument(ids[1]).then(() => 'no error', (e: Error) => e.message));
      expect(expected).toMatch(/is damaged/);
      for (const format of EXPORT_FORMATS) {
        const reader = await Workspace.open(dir, { readOnly: true });
        const out = join(tempDir(), `out-${format}`);
        await expect(writeExport(reader, format, {}, out)).rejects.toThrow(expected);
        expect(existsSync(out)).toBe(false);
        expect(readdirSync(join(out, '..'))).toEqual([]);
      }
    }
  });
});
