// Our doccano and Prodigy exports (exportJsonlTools.ts) read back by the import: the same spans
// and labels on a workspace holding only the texts, over emoji and CJK, links included (Prodigy).
import { describe, expect, it } from 'vitest';
import { exportDoccano, exportProdigy } from '../../main/core/export/exportJsonlTools';
import { importForeign } from '../../main/core/foreignFormats/importForeign';
import { SCHEMA_VERSION, type Annotation, type DocumentFile } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { tempDir } from '../helpers';

const text = 'Staffan de Mistura 😀 said "the talks failed" in 東アレッポ; 13,346 left.';
const docId = documentIdOf(text);
function span(label: string, phrase: string): Annotation {
  const start = text.indexOf(phrase);
  return { id: crypto.randomUUID(), docId, label, start, end: start + phrase.length, quote: phrase, annotator: 'ana', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z', origin: 'manual' };
}
const actor = span('actor', 'Staffan de Mistura');
const quote = span('quote', '"the talks failed"');
const file: DocumentFile = {
  schemaVersion: SCHEMA_VERSION,
  document: { id: docId, title: 'Talks', sourceName: 'talks.txt', text, importedAt: '2026-12-01T00:00:00.000Z', meta: {} },
  annotations: [actor, quote, span('location', '東アレッポ'), span('figure', '13,346')],
  relations: [{ id: crypto.randomUUID(), type: 'speaker', from: quote.id, to: actor.id, annotator: 'ana' }],
};

describe('our doccano and Prodigy exports read back', () => {
  for (const [format, content] of [['doccano', exportDoccano([file])], ['prodigy', exportProdigy([file])]] as const) {
    it(`${format}: the same spans and labels on the text, nothing added the second time`, async () => {
      const dir = tempDir();
      const ws = await Workspace.open(dir);
      await ws.importArticles([{ id: docId, sourceName: 'talks.txt', title: 'Talks', text, meta: {}, encoding: 'utf-8', warnings: [] }]);
      const input = () => ({ name: `export.jsonl`, files: new Map([['export.jsonl', Buffer.from(content) as Uint8Array]]) });
      const report = await importForeign(ws, input(), { annotator: 'ana' });
      expect(report.format).toBe(format);
      expect([report.documentsAdded, report.annotationsAdded, report.skipped.length]).toEqual([0, 4, 0]);
      if (format === 'prodigy') expect(report.relationsAdded).toBe(1);
      const stored = await ws.readDocument(docId);
      expect(stored.annotations.map((a) => `${a.label} ${a.start}-${a.end}`).sort()).toEqual(file.annotations.map((a) => `${a.label} ${a.start}-${a.end}`).sort());
      const again = await importForeign(ws, input(), { annotator: 'ana' });
      expect([again.annotationsAdded, again.annotationsAlreadyPresent]).toEqual([0, 4]);
      await ws.close();
    });
  }
});
