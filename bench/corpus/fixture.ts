/// The corpus of the scale benchmark: a workspace of N generated articles with 20 annotations
/// each (see `corpusDocument`), cached under the temp folder keyed by seed, size and schema, so
/// that re-runs skip the generation. The document files are written by child processes, one per
/// core; `workspace.json` is the store's own new workspace (`emptyWorkspace`) with the corpus's
/// annotator, plus the document list while the schema holds one; `entities.json` the entities the
/// articles' actors and places link to (`corpusEntities`). It is then opened once with
/// `Workspace.open`, which validates it, builds its SQL index (where the store has one) and takes
/// its first backup.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDEX_FILE } from '../../main/core/store/sqlIndex/indexDatabase';
import { WorkspaceFileSchema, type DocumentSummary } from '../../main/core/model';
import { Workspace, type OpenWorkspaceOptions } from '../../main/core/store/workspace';
import { ENTITIES_FILE, emptyWorkspace } from '../../main/core/store/workspaceFiles';
import { CORPUS_ANNOTATOR, SPANS_PER_ARTICLE, type GeneratedRange } from './corpusDocument';
import { corpusEntitiesFile } from './corpusEntities';

/// Bump when the generated corpus changes shape, so old caches are not reused.
/// 2: article `i` imported `i` seconds after the first (import order is article order); 3: each
/// article's outlet and date, figures' measures, speaker and source relations, entity links and
/// `entities.json` (what Compare compares).
const FIXTURE_VERSION = 3;
/// Fewest articles worth a child process of their own.
const ARTICLES_PER_CHILD_AT_LEAST = 5000;

/// A generated workspace.
export interface CorpusFixture {
  dir: string;
  articles: number;
  annotations: number;
  /// Characters of article text (UTF-16 code units).
  textChars: number;
  /// Bytes of the document files.
  fileBytes: number;
  /// How long generating it took in all (when it was generated in this run).
  generatedMs: number | null;
  /// Of which writing the document files, in `processes` child processes.
  documentsMs?: number;
  processes?: number;
  /// Of which the first `Workspace.open` (building the SQL index, where the store has one).
  firstOpenMs?: number;
  /// Whether opening it left a SQL index (`index.sqlite`) beside the JSON files.
  sqlIndex: boolean;
}

/// Whether `dir` holds a SQL index.
export function hasSqlIndex(dir: string): boolean {
  return existsSync(join(dir, INDEX_FILE));
}

/// Progress of an index build, printed at most every 5 s and at the end.
export function indexProgressLogger(log: (line: string) => void, what: string): (done: number, total: number) => void {
  let last = 0;
  let lastDone = -1;
  return (done, total) => {
    const now = performance.now();
    if (done === lastDone || (done < total && now - last < 5000)) return;
    last = now;
    lastDone = done;
    log(`  ${what}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} documents`);
  };
}

/// Opening options with the store's index progress callback (ignored by a store without one).
export function openOptions(options: OpenWorkspaceOptions, onIndexProgress?: (done: number, total: number) => void): OpenWorkspaceOptions {
  return { ...options, ...(onIndexProgress ? { onIndexProgress } : {}) } as OpenWorkspaceOptions;
}

/// Generates articles `0`–`articles` in child processes, in order.
async function generateDocuments(articles: number, seed: number, documentsDir: string, log: (line: string) => void): Promise<{ ranges: GeneratedRange[]; processes: number }> {
  const processes = Math.max(1, Math.min(availableParallelism(), Math.floor(articles / ARTICLES_PER_CHILD_AT_LEAST)));
  const script = fileURLToPath(new URL('./generateArticles.ts', import.meta.url));
  const done = new Array<number>(processes).fill(0);
  let logged = 0;
  const ranges = await Promise.all(
    Array.from({ length: processes }, (_, p) => {
      const from = Math.floor((p * articles) / processes);
      const to = Math.floor(((p + 1) * articles) / processes);
      const child = fork(script, [String(seed), String(from), String(to), documentsDir], { cwd: fileURLToPath(new URL('../..', import.meta.url)), execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      return new Promise<GeneratedRange>((resolve, reject) => {
        let range: GeneratedRange | null = null;
        child.on('message', (message: { progress: number } | GeneratedRange) => {
          if ('progress' in message) {
            done[p] = message.progress;
            const total = done.reduce((a, b) => a + b, 0);
            if (total - logged >= 10_000 || total === articles) {
              logged = total;
              log(`  generating the corpus: ${total.toLocaleString('en-US')} / ${articles.toLocaleString('en-US')} articles`);
            }
          } else range = message;
        });
        child.once('error', reject);
        child.once('exit', (code) => (range && code === 0 ? resolve(range) : reject(new Error(`corpus generator for articles ${from}–${to} exited with ${code}`))));
      });
    }),
  );
  return { ranges: ranges.sort((a, b) => a.from - b.from), processes };
}

/// `workspace.json` of the corpus: the store's new workspace, the corpus's annotator, and the
/// document list if the schema still has one.
function corpusWorkspaceFile(summaries: DocumentSummary[]): unknown {
  const file = { ...emptyWorkspace(), annotators: [CORPUS_ANNOTATOR], currentAnnotator: CORPUS_ANNOTATOR };
  if ('documents' in file) Object.assign(file, { documents: summaries });
  return WorkspaceFileSchema.parse(file);
}

/// The cached corpus of `articles` articles for `seed`, generated first if needed.
export async function corpusFixture(articles: number, seed: number, log: (line: string) => void): Promise<CorpusFixture> {
  const dir = join(tmpdir(), `awb-bench-corpus-v${FIXTURE_VERSION}-w${emptyWorkspace().schemaVersion}-${seed}-${articles}`);
  const marker = join(dir, 'bench-fixture.json');
  if (existsSync(marker)) {
    const cached = { ...(JSON.parse(await readFile(marker, 'utf8')) as CorpusFixture), dir, generatedMs: null };
    await openCached(cached, log);
    return cached;
  }
  const started = performance.now();
  const staging = `${dir}.staging-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'documents'), { recursive: true });
  const { ranges, processes } = await generateDocuments(articles, seed, join(staging, 'documents'), log);
  const documentsMs = performance.now() - started;
  await writeFile(join(staging, 'workspace.json'), JSON.stringify(corpusWorkspaceFile(ranges.flatMap((r) => r.summaries))));
  await writeFile(join(staging, ENTITIES_FILE), JSON.stringify(corpusEntitiesFile(seed)));
  log('  opening it with Workspace.open (validating it and building its index)');
  const openStarted = performance.now();
  const workspace = await Workspace.open(staging, openOptions({ app: 'awb bench' }, indexProgressLogger(log, 'indexing')));
  const firstOpenMs = performance.now() - openStarted;
  const listed = (await workspace.libraryPage({ offset: 0, limit: 1 })).all;
  log(`  opened in ${(firstOpenMs / 1000).toFixed(1)} s; waiting for its first backup`);
  await workspace.close();
  if (listed !== articles) throw new Error(`the generated workspace lists ${listed} documents, not ${articles}`);
  const fixture: CorpusFixture = {
    dir,
    articles,
    annotations: articles * SPANS_PER_ARTICLE,
    textChars: ranges.reduce((sum, r) => sum + r.textChars, 0),
    fileBytes: ranges.reduce((sum, r) => sum + r.fileBytes, 0),
    generatedMs: performance.now() - started,
    documentsMs,
    processes,
    firstOpenMs,
    sqlIndex: hasSqlIndex(staging),
  };
  await writeFile(join(staging, 'bench-fixture.json'), JSON.stringify(fixture));
  await rm(dir, { recursive: true, force: true });
  await rename(staging, dir);
  return fixture;
}

/// Opens a cached corpus once before it is measured, so that its SQL index is of the store's
/// current layout (opening rebuilds an index of another layout, which is reported) and that
/// every measurement finds the files in the OS cache alike.
async function openCached(fixture: CorpusFixture, log: (line: string) => void): Promise<void> {
  let rebuilt = false;
  const progress = indexProgressLogger(log, 'the store rebuilds the cached corpus index');
  const workspace = await Workspace.open(fixture.dir, openOptions({ app: 'awb bench' }, (done, total) => ((rebuilt = true), progress(done, total))));
  await workspace.close();
  fixture.sqlIndex = hasSqlIndex(fixture.dir);
  if (rebuilt) log('  (the cached corpus had an index of an older layout: rebuilt)');
}

/// Hard links every file under `source` into `target` (folders made anew).
async function linkTree(source: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(source, { withFileTypes: true })) {
    if (entry.isDirectory()) await linkTree(join(source, entry.name), join(target, entry.name));
    else if (entry.isFile()) await link(join(source, entry.name), join(target, entry.name));
  }
}

/// A writable copy of a workspace in `target`: its index, entities, documents and backups as
/// hard links (the store only ever replaces those files, writing a temp file and renaming it, so
/// the copy can change without touching the original; with the backups, the copy's first
/// snapshot finds nothing changed, as a workspace used every day would), and its SQL index copied
/// (SQLite writes in place) unless `withSqlIndex` is false. The text index, which is appended to,
/// is left out.
export async function cloneWorkspace(source: string, target: string, { withSqlIndex = true } = {}): Promise<string> {
  await linkTree(join(source, 'documents'), join(target, 'documents'));
  if (existsSync(join(source, 'backups'))) await linkTree(join(source, 'backups'), join(target, 'backups'));
  await link(join(source, 'workspace.json'), join(target, 'workspace.json'));
  // Without its entities.json, opening the copy would put the backup's back, with a notice.
  if (existsSync(join(source, ENTITIES_FILE))) await link(join(source, ENTITIES_FILE), join(target, ENTITIES_FILE));
  if (withSqlIndex) {
    for (const name of await readdir(source)) if (name.startsWith(INDEX_FILE)) await copyFile(join(source, name), join(target, name));
  }
  return target;
}
