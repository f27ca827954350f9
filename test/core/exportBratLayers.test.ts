// brat export of several annotators: one folder per annotator's layer (so layers never mix in one
// .ann file), only the --annotator's layer when one is named, and review decisions as `#` notes
// of their own type.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentRenderer } from '../../main/core/export/documentRenderers';
import { exportBrat } from '../../main/core/export/exportBrat';
import { writeExport } from '../../main/core/export/renderExport';
import { DEFAULT_LABELS, SCHEMA_VERSION, type DocumentFile } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { documentIdOf } from '../../main/core/text/readArticle';
import { annotatedDocuments } from '../arbitraries';
import { awb, tempDir } from '../helpers';

const AT = '2026-11-22T10:00:00.000Z';

/// Two annotators' layers of one document: each tagged the actor and linked the quote to it; ben's
/// quote was reviewed (rejected, with a comment), ana's actor accepted.
function twoLayers(): DocumentFile {
  const text = 'Sergei Lavrov said: "The corridor stays open." in Geneva.';
  const id = documentIdOf(text);
  const span = (label: string, phrase: string, annotator: string, extra = {}) => {
    const start = text.indexOf(phrase);
    return { id: crypto.randomUUID(), docId: id, label, start, end: start + phrase.length, quote: phrase, annotator, createdAt: AT, updatedAt: AT, origin: 'manual' as const, ...extra };
  };
  const anaActor = span('actor', 'Sergei Lavrov', 'ana', { review: { status: 'accepted' as const, by: 'chloé', at: '2026-11-23T08:00:00.000Z' } });
  const anaQuote = span('quote', 'The corridor stays open.', 'ana');
  const benActor = span('actor', 'Lavrov', 'ben');
  const benQuote = span('quote', 'The corridor stays open', 'ben', { review: { status: 'rejected' as const, by: 'chloé', at: '2026-11-23T08:01:00.000Z', comment: 'the full\tstop\nbelongs in it' } });
  const benPlace = span('location', 'Geneva', 'ben');
  return {
    schemaVersion: SCHEMA_VERSION,
    document: { id, title: 'Lavrov', sourceName: 'l.txt', text, importedAt: AT, meta: {} },
    annotations: [anaActor, benActor, anaQuote, benQuote, benPlace],
    relations: [
      { id: crypto.randomUUID(), type: 'speaker', from: anaQuote.id, to: anaActor.id, annotator: 'ana' },
      { id: crypto.randomUUID(), type: 'speaker', from: benQuote.id, to: benActor.id, annotator: 'ben' },
    ],
  };
}

describe('brat: a folder per annotator', () => {
  it('writes each layer in its own folder, with its own spans, links and review notes', () => {
    const files = exportBrat([twoLayers()], DEFAULT_LABELS, [], ['ana', 'ben']);
    expect([...files.keys()]).toEqual(['ana/Lavrov.txt', 'ana/Lavrov.ann', 'ben/Lavrov.txt', 'ben/Lavrov.ann', 'annotation.conf']);
    expect(files.get('ana/Lavrov.ann')).toBe(
      'T1\tActor 0 13\tSergei Lavrov\nT2\tQuote 21 45\tThe corridor stays open.\n#1\tReview T1\taccepted by chloé (2026-11-23T08:00:00.000Z)\nR1\tSpeaker Arg1:T2 Arg2:T1\n',
    );
    expect(files.get('ben/Lavrov.ann')).toBe(
      'T1\tActor 7 13\tLavrov\nT2\tQuote 21 44\tThe corridor stays open\nT3\tLocation 50 56\tGeneva\n#1\tReview T2\trejected by chloé (2026-11-23T08:01:00.000Z): the full stop belongs in it\nR1\tSpeaker Arg1:T2 Arg2:T1\n',
    );
    expect(files.get('ana/Lavrov.txt')).toBe(twoLayers().document.text);
  });

  it('one annotator’s export stays flat, review notes included', () => {
    const file = twoLayers();
    const ben = { ...file, annotations: file.annotations.filter((a) => a.annotator === 'ben'), relations: file.relations.filter((r) => r.annotator === 'ben') };
    const files = exportBrat([ben], DEFAULT_LABELS, [], ['ben']);
    expect([...files.keys()]).toEqual(['Lavrov.txt', 'Lavrov.ann', 'annotation.conf']);
    expect(files.get('Lavrov.ann')).toContain('#1\tReview T2\trejected by chloé');
  });

  it('on random documents, every span is in its annotator’s folder and every link between spans of one file', () => {
    fc.assert(
      fc.property(annotatedDocuments, (docs) => {
        const annotators = [...new Set(docs.flatMap((d) => d.annotations.map((a) => a.annotator)))];
        const files = exportBrat(docs, DEFAULT_LABELS, [], ['ana', 'ben', 'Chloé']);
        const annotatorOf = new Map(docs.flatMap((d) => d.annotations.map((a) => [a.id, a.annotator])));
        const withinLayers = docs.flatMap((d) => d.relations).filter((r) => annotatorOf.get(r.from) === annotatorOf.get(r.to));
        for (const annotator of annotators) {
          const spans = [...files].filter(([path]) => path.startsWith(`${annotator}/`) && path.endsWith('.ann')).flatMap(([, ann]) => ann.split('\n').filter((l) => l.startsWith('T')));
          expect(spans).toHaveLength(docs.flatMap((d) => d.annotations).filter((a) => a.annotator === annotator).length);
        }
        const links = [...files].filter(([path]) => path.endsWith('.ann')).flatMap(([, ann]) => ann.split('\n').filter((l) => l.startsWith('R')));
        // A link between two layers (the app makes none; an import may) is left out, and counted.
        expect(links).toHaveLength(withinLayers.length);
        for (const line of links) expect(line).not.toContain('undefined');
        const renderer = documentRenderer('brat', { labels: DEFAULT_LABELS, exportedBy: 'ana', generator: 'test', layerAnnotators: ['ana', 'ben'] });
        if (renderer.kind !== 'files') throw new Error('brat is a set of files');
        for (const file of docs) renderer.add(file);
        expect(renderer.brat?.crossLayerLinks).toBe(docs.flatMap((d) => d.relations).length - withinLayers.length);
        const reviews = [...files].flatMap(([, content]) => content.split('\n').filter((l) => /^#\d+\tReview T\d+\t(accepted|rejected) by /.test(l)));
        expect(reviews).toHaveLength(docs.flatMap((d) => d.annotations).filter((a) => a.review).length);
      }),
      { numRuns: 80 },
    );
  });

  it('writeExport and awb export: folders for several annotators, flat for one --annotator', async () => {
    const dir = tempDir();
    const wsDir = join(dir, 'ws');
    const ws = await Workspace.open(wsDir);
    const file = twoLayers();
    await ws.importArticle({ id: file.document.id, sourceName: 'l.txt', title: 'Lavrov', text: file.document.text, meta: {}, encoding: 'utf-8', warnings: [] });
    const { createWorkbench } = await import('../../main/service/workbench');
    const api = createWorkbench(ws);
    for (const annotator of ['ana', 'ben']) {
      await api.settings.setAnnotator(annotator);
      for (const a of file.annotations.filter((x) => x.annotator === annotator)) await api.annotations.create({ docId: a.docId, label: a.label, start: a.start, end: a.end });
    }
    await writeExport(ws, 'brat', {}, join(dir, 'all'));
    await writeExport(ws, 'brat', { annotators: ['ben'] }, join(dir, 'ben'));
    await ws.close();
    expect(readdirSync(join(dir, 'all')).sort()).toEqual(['ana', 'annotation.conf', 'ben']);
    expect(readFileSync(join(dir, 'all', 'ben', 'Lavrov.ann'), 'utf8').split('\n').filter((l) => l.startsWith('T'))).toHaveLength(3);
    expect(readdirSync(join(dir, 'ben')).sort()).toEqual(['Lavrov.ann', 'Lavrov.txt', 'annotation.conf']);

    const cli = awb('export', '--format', 'brat', '--annotator', 'ana', '--out', join(dir, 'cli-ana'), '--workspace', wsDir);
    expect(cli.code, cli.stderr).toBe(0);
    expect(readFileSync(join(dir, 'cli-ana', 'Lavrov.ann'), 'utf8').split('\n').filter((l) => l.startsWith('T'))).toHaveLength(2);
    expect(awb('export', '--format', 'brat', '--out', join(dir, 'cli-all'), '--workspace', wsDir).code).toBe(0);
    expect(existsSync(join(dir, 'cli-all', 'ana', 'Lavrov.ann')) && existsSync(join(dir, 'cli-all', 'ben', 'Lavrov.txt'))).toBe(true);
  });
});
