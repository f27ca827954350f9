// doccano and Prodigy JSONL exports: each tool's own shape (doccano's `label: [[start, end,
// label]]`, Prodigy's `tokens` and `spans` with token indexes), code point offsets, and read back
// by this app's readers of those tools' files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDoccano, exportProdigy } from '../../main/core/export/exportJsonlTools';
import { EXPORT_FILES, EXPORT_FORMATS, writeExport } from '../../main/core/export/renderExport';
import { readDoccano } from '../../main/core/foreignFormats/readDoccano';
import { readProdigy } from '../../main/core/foreignFormats/readProdigy';
import { SCHEMA_VERSION, type DocumentFile } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { tokenize } from '../../main/core/tokens';
import { annotatedDocuments, codePointSlice } from '../arbitraries';
import { awb, repoRoot, tempDir } from '../helpers';

const AT = '2026-11-22T10:00:00.000Z';

/// A document with an emoji before its spans (so code points and UTF-16 differ), a quote linked
/// to its speaker, and a span that ends inside a word.
function article(): DocumentFile {
  const text = '😀 Sergei Lavrov said: "Families 👨‍👩‍👧 left Aleppo." Aleppo’s';
  const id = documentIdOf(text);
  const span = (label: string, phrase: string, end = phrase.length) => {
    const start = text.indexOf(phrase);
    return { id: crypto.randomUUID(), docId: id, label, start, end: start + end, quote: phrase.slice(0, end), annotator: 'ana', createdAt: AT, updatedAt: AT, origin: 'manual' as const };
  };
  const actor = span('actor', 'Sergei Lavrov');
  const quote = span('quote', 'Families 👨‍👩‍👧 left Aleppo.');
  const cut = span('location', 'Aleppo’s', 6);
  return {
    schemaVersion: SCHEMA_VERSION,
    document: { id, title: 'Lavrov', sourceName: 'l.txt', text, importedAt: AT, meta: { outlet: 'Reuters', publishedAt: '2016-12-13' } },
    annotations: [actor, quote, cut],
    relations: [{ id: crypto.randomUUID(), type: 'speaker', from: quote.id, to: actor.id, annotator: 'ana' }],
  };
}

const input = (name: string, text: string) => ({ name, files: new Map([[name, new TextEncoder().encode(text)]]) });

describe('doccano JSONL', () => {
  it('is doccano’s sequence-labelling shape with code point offsets, id and meta', () => {
    const file = article();
    const line = JSON.parse(exportDoccano([file]));
    expect(Object.keys(line)).toEqual(['id', 'text', 'label', 'meta', 'offsets']);
    expect(line.label).toEqual([
      [2, 15, 'actor'],
      [23, 50, 'quote'],
      [52, 58, 'location'],
    ]);
    expect(line.label.map(([start, end]: [number, number]) => codePointSlice(line.text, start, end))).toEqual(file.annotations.map((a) => a.quote));
    expect(line.meta).toEqual({ id: file.document.id, title: 'Lavrov', outlet: 'Reuters', publishedAt: '2016-12-13' });
    expect(line.offsets).toBe('codepoints');
  });

  it('is read back by the app’s doccano reader at the same places', () => {
    fc.assert(
      fc.property(annotatedDocuments, (docs) => {
        const read = readDoccano(input('x.jsonl', exportDoccano(docs)));
        read.documents.forEach((doc, i) => {
          expect(doc.unit).toBe('codepoints');
          expect(doc.spans.map((s) => codePointSlice(doc.text!, s.start, s.end))).toEqual(docs[i].annotations.map((a) => a.quote));
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('Prodigy JSONL', () => {
  it('is Prodigy’s task shape: tokens, spans with token indexes on token edges, relations, meta', () => {
    const file = article();
    const task = JSON.parse(exportProdigy([file]));
    expect(Object.keys(task)).toEqual(['text', 'tokens', 'spans', 'relations', 'answer', 'meta']);
    const tokens = tokenize(file.document.text);
    expect(task.tokens.map((t: { text: string }) => t.text)).toEqual(tokens.map((t) => t.text));
    expect(task.tokens[1]).toEqual({ text: 'Sergei', start: 2, end: 8, id: 1, ws: true });
    expect(task.spans).toEqual([
      { start: 2, end: 15, label: 'actor', token_start: 1, token_end: 2 },
      { start: 23, end: 50, label: 'quote', token_start: 6, token_end: 10 },
      // Ends inside the token "Aleppo’s": no token indexes.
      { start: 52, end: 58, label: 'location' },
    ]);
    expect(task.relations).toEqual([{ head: 10, child: 2, head_span: task.spans[1], child_span: task.spans[0], label: 'speaker' }]);
    expect(task.meta).toEqual({ id: file.document.id, title: 'Lavrov', outlet: 'Reuters', publishedAt: '2016-12-13' });
    expect(task.answer).toBe('accept');
  });

  it('token indexes and offsets agree on random documents, and the app’s Prodigy reader places every span and link', () => {
    fc.assert(
      fc.property(annotatedDocuments, (docs) => {
        const text = exportProdigy(docs);
        text.trimEnd().split('\n').forEach((line, i) => {
          const task = JSON.parse(line);
          for (const t of task.tokens) expect(codePointSlice(task.text, t.start, t.end)).toBe(t.text);
          for (const s of task.spans) {
            if (s.token_start === undefined) continue;
            expect(task.tokens[s.token_start].start).toBe(s.start);
            expect(task.tokens[s.token_end].end).toBe(s.end);
          }
          expect(task.spans).toHaveLength(docs[i].annotations.length);
        });
        const read = readProdigy(input('x.jsonl', text));
        read.documents.forEach((doc, i) => {
          expect(doc.spans.map((s) => codePointSlice(doc.text!, s.start, s.end))).toEqual(docs[i].annotations.map((a) => a.quote));
          expect(doc.relations).toHaveLength(docs[i].relations.length);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('as export formats', () => {
  it('are offered everywhere (awb export --format, the Export dialog through EXPORT_FORMATS) and written by writeExport and awb', async () => {
    expect(EXPORT_FORMATS).toContain('doccano');
    expect(EXPORT_FORMATS).toContain('prodigy');
    expect(EXPORT_FILES.doccano.extension).toBe('.doccano.jsonl');
    // The dialog's list of choices (a renderer module, read as text: it needs a browser to load).
    const dialog = readFileSync(join(repoRoot, 'renderer', 'src', 'export', 'ExportDialog.tsx'), 'utf8');
    const offered = [...dialog.matchAll(/\{ format: '([a-z0-9]+)', name:/g)].map((m) => m[1]);
    expect(offered.sort()).toEqual([...EXPORT_FORMATS].sort());
    const dir = tempDir();
    const ws = await Workspace.open(join(dir, 'ws'));
    const file = article();
    await ws.importArticle({ id: file.document.id, sourceName: 'l.txt', title: 'Lavrov', text: file.document.text, meta: {}, encoding: 'utf-8', warnings: [] });
    const { createWorkbench } = await import('../../main/service/workbench');
    await createWorkbench(ws).annotations.create({ docId: file.document.id, label: 'actor', start: 3, end: 16 });
    await writeExport(ws, 'prodigy', {}, join(dir, 'p.jsonl'));
    await ws.close();
    expect(JSON.parse(readFileSync(join(dir, 'p.jsonl'), 'utf8')).spans).toEqual([{ start: 2, end: 15, label: 'actor', token_start: 1, token_end: 2 }]);
    const cli = awb('export', '--format', 'doccano', '--out', join(dir, 'd.jsonl'), '--workspace', join(dir, 'ws'));
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'd.jsonl'), 'utf8')).label).toEqual([[2, 15, 'actor']]);
  });
});
