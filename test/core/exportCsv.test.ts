// CSV export as spreadsheets read it: a UTF-8 byte order mark first (unless --no-bom), label names
// beside label ids, every metadata field of DESIGN §10, and the speaker or source of each quote or
// figure; read back with csv-parse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportContext } from '../../main/core/export/exportContext';
import { CSV_COLUMNS, exportCsv } from '../../main/core/export/exportCsv';
import { writeExport } from '../../main/core/export/renderExport';
import { DEFAULT_LABELS, SCHEMA_VERSION, type DocumentFile } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { awb, tempDir } from '../helpers';

const AT = '2026-11-22T10:00:00.000Z';
const BOM = [0xef, 0xbb, 0xbf];

/// A document with full metadata, a quote linked to its speaker and a figure linked to its source.
function article(): DocumentFile {
  const text = 'Sergei Lavrov said: "Élan is over." 13,346 civilians left Aleppo 😀.';
  const id = documentIdOf(text);
  const span = (label: string, phrase: string) => {
    const start = text.indexOf(phrase);
    return { id: crypto.randomUUID(), docId: id, label, start, end: start + phrase.length, quote: phrase, annotator: 'ana', createdAt: AT, updatedAt: AT, origin: 'manual' as const };
  };
  const actor = span('actor', 'Sergei Lavrov');
  const quote = span('quote', 'Élan is over.');
  const figure = span('figure', '13,346');
  const place = span('location', 'Aleppo');
  return {
    schemaVersion: SCHEMA_VERSION,
    document: {
      id, title: 'Lavrov on Aleppo', sourceName: 'a.txt', text, importedAt: AT,
      meta: { outlet: 'Reuters', publishedAt: '2016-12-13', author: 'Jane Doe', url: 'https://example.org/a', language: 'en-GB', tags: ['syria', 'aleppo evacuation'] },
    },
    annotations: [actor, quote, figure, place],
    relations: [
      { id: crypto.randomUUID(), type: 'speaker', from: quote.id, to: actor.id, annotator: 'ana' },
      { id: crypto.randomUUID(), type: 'source', from: figure.id, to: actor.id, annotator: 'ana' },
    ],
  };
}

const LABELS = DEFAULT_LABELS.map((l) => (l.id === 'location' ? { ...l, name: 'Place' } : l));

describe('CSV for spreadsheets', () => {
  it('starts with a UTF-8 byte order mark by default, and without one when asked', () => {
    const withBom = Buffer.from(exportCsv([article()]), 'utf8');
    expect([...withBom.subarray(0, 3)]).toEqual(BOM);
    expect(withBom.subarray(3, 14).toString()).toBe('document_id');
    const without = Buffer.from(exportCsv([article()], exportContext(), { bom: false }), 'utf8');
    expect(without.subarray(0, 11).toString()).toBe('document_id');
    // Read without stripping it, the mark is part of the first header: the reason to test for it.
    expect(Object.keys((parse(withBom, { columns: true }) as Record<string, string>[])[0])[0]).toBe('\uFEFFdocument_id');
  });

  it('has label names beside label ids, every metadata field, and the speaker or source of each quote and figure', () => {
    const file = article();
    const rows = parse(exportCsv([file], exportContext(LABELS)), { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(CSV_COLUMNS.indexOf('label_name')).toBe(CSV_COLUMNS.indexOf('label') + 1);
    expect(rows.map((r) => [r.label, r.label_name])).toEqual([['actor', 'Actor'], ['quote', 'Quote'], ['figure', 'Figure'], ['location', 'Place']]);
    for (const row of rows) {
      expect([row.outlet, row.published_at, row.author, row.url, row.language, row.tags]).toEqual(['Reuters', '2016-12-13', 'Jane Doe', 'https://example.org/a', 'en-GB', 'syria; aleppo evacuation']);
    }
    const [actor, quote, figure, place] = file.annotations;
    const linkColumns = (r: Record<string, string>) => [r.speaker_or_source, r.speaker_or_source_id, r.speaker_or_source_text];
    expect(rows.map(linkColumns)).toEqual([
      ['', '', ''],
      ['speaker', actor.id, 'Sergei Lavrov'],
      ['source', actor.id, 'Sergei Lavrov'],
      ['', '', ''],
    ]);
    expect(rows[3].annotation_id).toBe(place.id);
    expect(rows[1].text).toBe(quote.quote);
    expect(rows[2].start).toBe(String(figure.start));
  });

  it('a label the workspace no longer has leaves its name empty', () => {
    const rows = parse(exportCsv([article()], exportContext(LABELS.filter((l) => l.id !== 'figure'))), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.find((r) => r.label === 'figure')?.label_name).toBe('');
  });

  it('writeExport and awb export write the mark unless told not to (--no-bom)', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(join(dir, 'ws'));
    const file = article();
    await ws.importArticle({ id: file.document.id, sourceName: 'a.txt', title: 'A', text: file.document.text, meta: file.document.meta, encoding: 'utf-8', warnings: [] });
    const { createWorkbench } = await import('../../main/service/workbench');
    await createWorkbench(ws).annotations.create({ docId: file.document.id, label: 'location', start: 58, end: 64 });
    await writeExport(ws, 'csv', {}, join(dir, 'default.csv'));
    await writeExport(ws, 'csv', {}, join(dir, 'plain.csv'), undefined, undefined, { bom: false });
    await ws.close();
    expect([...readFileSync(join(dir, 'default.csv')).subarray(0, 3)]).toEqual(BOM);
    expect(readFileSync(join(dir, 'plain.csv'), 'utf8').startsWith('document_id,')).toBe(true);
    const rows = parse(readFileSync(join(dir, 'default.csv')), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.text, r.label_name, r.outlet])).toEqual([['Aleppo', 'Location', 'Reuters']]);

    expect(awb('export', '--format', 'csv', '--out', join(dir, 'cli.csv'), '--workspace', join(dir, 'ws')).code).toBe(0);
    expect([...readFileSync(join(dir, 'cli.csv')).subarray(0, 3)]).toEqual(BOM);
    const noBom = awb('export', '--format', 'csv', '--no-bom', '--out', join(dir, 'cli-plain.csv'), '--workspace', join(dir, 'ws'));
    expect(noBom.code, noBom.stderr).toBe(0);
    expect(readFileSync(join(dir, 'cli-plain.csv'), 'utf8').startsWith('document_id,')).toBe(true);
    expect(awb('export', '--help').stdout).toContain('--no-bom');
  });
});
