/// The corpus of the scale benchmark: a workspace of N generated articles with 20 annotations
/// each, built from the real store's pieces (article normalisation and ids, `createAnnotation`,
/// `summarise`, the schemas' file layout) and cached under the temp folder keyed by seed and
/// size, so that re-runs skip the generation. Opened once with `Workspace.open` before it is
/// cached, which validates it and takes its first backup.
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnnotation } from '../../main/core/annotations';
import { DEFAULT_LABELS, SCHEMA_VERSION, type DocumentFile, type DocumentSummary } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { documentFileName, summarise } from '../../main/core/store/workspaceFiles';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { seededRandom } from '../../test/seededRandom';
import { corpusArticle, seedOf, spreadMentions } from '../workload';

/// Bump when the generated corpus changes shape, so old caches are not reused.
const FIXTURE_VERSION = 1;
/// Annotations per article (200,000 over 10,000 articles).
export const SPANS_PER_ARTICLE = 20;
/// Whose annotations the corpus holds.
export const CORPUS_ANNOTATOR = 'analyst-a';
const CREATED = '2016-12-14T09:00:00.000Z';

/// A generated workspace.
export interface CorpusFixture {
  dir: string;
  articles: number;
  annotations: number;
  /// Characters of article text (UTF-16 code units).
  textChars: number;
  /// Bytes of the document files.
  fileBytes: number;
  /// How long generating it took (when it was generated in this run).
  generatedMs: number | null;
}

/// A random (seeded) version 4 UUID.
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(random() * 4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/// Document file of corpus article `index`: normalised and identified as an import would, with
/// `SPANS_PER_ARTICLE` annotations made by `createAnnotation`.
export function corpusDocument(seed: number, index: number): DocumentFile {
  const prose = corpusArticle(seed, index);
  const article = articleFromBytes(`wire-${String(index).padStart(6, '0')}.txt`, Buffer.from(prose.text, 'utf8'));
  if (article.text !== prose.text) throw new Error(`article ${index} changed on normalisation`);
  const random = seededRandom(seedOf(`${seed}:ids:${index}`));
  let file: DocumentFile = {
    schemaVersion: SCHEMA_VERSION,
    document: { id: article.id, title: article.title, sourceName: article.sourceName, text: article.text, importedAt: CREATED },
    annotations: [],
    relations: [],
  };
  for (const m of spreadMentions(prose.mentions, SPANS_PER_ARTICLE)) {
    const input = { id: seededUuid(random), docId: article.id, label: m.label, start: m.start, end: m.end };
    file = createAnnotation(file, input, DEFAULT_LABELS, { annotator: CORPUS_ANNOTATOR, now: CREATED }).file;
  }
  return file;
}

/// The cached corpus of `articles` articles for `seed`, generated first if needed.
export async function corpusFixture(articles: number, seed: number, log: (line: string) => void): Promise<CorpusFixture> {
  const dir = join(tmpdir(), `awb-bench-corpus-v${FIXTURE_VERSION}-${seed}-${articles}`);
  const marker = join(dir, 'bench-fixture.json');
  if (existsSync(marker)) return { ...(JSON.parse(await readFile(marker, 'utf8')) as CorpusFixture), dir, generatedMs: null };
  const started = performance.now();
  const staging = `${dir}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'documents'), { recursive: true });
  const summaries: DocumentSummary[] = [];
  let textChars = 0;
  let fileBytes = 0;
  for (let i = 0; i < articles; i++) {
    const file = corpusDocument(seed, i);
    const json = JSON.stringify(file);
    await writeFile(join(staging, 'documents', documentFileName(file.document.id)), json);
    summaries.push(summarise(file));
    textChars += file.document.text.length;
    fileBytes += Buffer.byteLength(json);
    if ((i + 1) % 1000 === 0) log(`  generating the corpus: ${i + 1} / ${articles} articles`);
  }
  // The index last, so that every document file is older than it (as after ordinary saves).
  await new Promise((r) => setTimeout(r, 20));
  const index = { schemaVersion: SCHEMA_VERSION, labels: DEFAULT_LABELS, annotators: [CORPUS_ANNOTATOR], currentAnnotator: CORPUS_ANNOTATOR, documents: summaries };
  await writeFile(join(staging, 'workspace.json'), JSON.stringify(index));
  log('  validating it with Workspace.open (and taking its first backup)');
  const workspace = await Workspace.open(staging, { app: 'awb bench' });
  const listed = workspace.listDocuments().length;
  await workspace.close();
  if (listed !== articles) throw new Error(`the generated workspace lists ${listed} documents, not ${articles}`);
  const fixture: CorpusFixture = { dir, articles, annotations: articles * SPANS_PER_ARTICLE, textChars, fileBytes, generatedMs: performance.now() - started };
  await writeFile(join(staging, 'bench-fixture.json'), JSON.stringify(fixture));
  await rm(dir, { recursive: true, force: true });
  await rename(staging, dir);
  return fixture;
}

/// A writable copy of a workspace's index and documents (no backups) in `target`, made of hard
/// links: the store only ever replaces files (write to a temp file, rename), so the copy can be
/// changed without touching the original.
export async function cloneWorkspace(source: string, target: string): Promise<string> {
  await mkdir(join(target, 'documents'), { recursive: true });
  for (const name of await readdir(join(source, 'documents'))) await link(join(source, 'documents', name), join(target, 'documents', name));
  await link(join(source, 'workspace.json'), join(target, 'workspace.json'));
  return target;
}
