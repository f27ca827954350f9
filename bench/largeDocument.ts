/// The save of one document at the annotation limit (`MAX_ANNOTATIONS_PER_DOCUMENT`): a 500k
/// character article holding the limit less `SAVES` annotations, then `SAVES` creates through the
/// service (`annotations.create` until it resolves: `createAnnotation`, then
/// `Workspace.updateDocument`'s JSON.stringify and durable write of the whole file), each timed;
/// the next create must be refused with `annotation-limit`. Budget: 1 s a save.
///
/// Part of `npm run bench` (with the corpus); alone: `npx tsx bench/largeDocument.ts [annotations]`
/// (a number other than the limit fills the document to that many, to see how a save scales).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkbenchError } from '../main/core/errors';
import { MAX_ANNOTATIONS_PER_DOCUMENT, type Annotation } from '../main/core/model';
import { Workspace } from '../main/core/store/workspace';
import { documentFileName } from '../main/core/store/workspaceFiles';
import { articleFromBytes } from '../main/core/text/readArticle';
import { createWorkbench } from '../main/service/workbench';
import { seededRandom } from '../test/seededRandom';
import { seededUuid } from './corpus/corpusDocument';
import { formatTable, largeDocumentRows } from './report';
import { median, timed } from './stats';
import { freeWords, seedOf, writeProse } from './workload';

/// Timed creates on the full document.
const SAVES = 5;
/// Annotators whose layers fill the document (each tags the same mentions, as colleagues do).
const ANNOTATORS = 10;
const CREATED = '2016-12-14T09:00:00.000Z';

/// What one run measured.
export interface LargeDocumentResult {
  /// Annotations in the document after the timed saves.
  annotations: number;
  /// Characters of the document's text.
  chars: number;
  /// Size of the document file after the saves.
  fileBytes: number;
  /// Each timed save, and their median.
  savesMs: number[];
  medianMs: number;
  /// Whether one more create was refused with `annotation-limit` (always checked at the limit).
  refusedAtLimit: boolean | null;
}

/// Fills a new workspace's document to `total - SAVES` annotations, then times `SAVES` creates.
export async function measureLargeDocumentSave(seed: number, log: (line: string) => void, total = MAX_ANNOTATIONS_PER_DOCUMENT): Promise<LargeDocumentResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'awb-bench-large-'));
  try {
    const prose = writeProse(seededRandom(seedOf(`${seed}:large-document`)), 500_000);
    const article = articleFromBytes('large.txt', Buffer.from(prose.text, 'utf8'));
    const workspace = await Workspace.open(join(scratch, 'w'), { app: 'awb bench' });
    try {
      await workspace.importArticle(article);
      const random = seededRandom(seedOf(`${seed}:large-document:ids`));
      const perAnnotator = Math.ceil((total - SAVES) / ANNOTATORS);
      const annotations: Annotation[] = [];
      for (let k = 0; annotations.length < total - SAVES; k++) {
        const m = prose.mentions[Math.floor(k / ANNOTATORS) % prose.mentions.length];
        annotations.push({
          id: seededUuid(random), docId: article.id, label: m.label, start: m.start, end: m.end, quote: prose.text.slice(m.start, m.end),
          annotator: `analyst-${k % ANNOTATORS}`, createdAt: CREATED, updatedAt: CREATED, origin: 'manual',
        });
      }
      annotations.sort((a, b) => a.start - b.start || b.end - a.end);
      log(`  filling one document with ${annotations.length.toLocaleString('en-US')} annotations (${perAnnotator.toLocaleString('en-US')} by each of ${ANNOTATORS} annotators)`);
      await workspace.updateDocument(article.id, (file) => ({ file: { ...file, annotations }, result: undefined }));
      const service = createWorkbench(workspace);
      const savesMs: number[] = [];
      for (const word of freeWords(prose.text, prose.mentions, SAVES + 1, 'w')) {
        const create = () => service.annotations.create({ docId: article.id, label: word.label, start: word.start, end: word.end });
        if (savesMs.length < SAVES) {
          savesMs.push((await timed(create)).ms);
          continue;
        }
        if (total !== MAX_ANNOTATIONS_PER_DOCUMENT) return result(null);
        try {
          await create();
          return result(false);
        } catch (error) {
          if (error instanceof WorkbenchError && error.code === 'annotation-limit') return result(true);
          throw error;
        }
      }
      throw new Error('not enough untagged words to add');

      async function result(refusedAtLimit: boolean | null): Promise<LargeDocumentResult> {
        const { size } = await stat(join(workspace.dir, 'documents', documentFileName(article.id)));
        const stored = (await workspace.readDocument(article.id)).annotations.length;
        return { annotations: stored, chars: prose.text.length, fileBytes: size, savesMs, medianMs: median(savesMs), refusedAtLimit };
      }
    } finally {
      await workspace.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const total = process.argv[2] ? Number(process.argv[2]) : MAX_ANNOTATIONS_PER_DOCUMENT;
  measureLargeDocumentSave(20161213, console.error, total).then(
    (r) => console.log(`${formatTable(largeDocumentRows(r))}\n${JSON.stringify(r)}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
