/// The Node half of the corpus benchmark, on the real store and service: opening the workspace
/// until the library's first page is listed, opening a cold document, a phrase search through the
/// service (and, for reference, without an index), rebuilding the SQL index, acknowledged saves,
/// and importing 1,000 articles.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importArticleFiles } from '../../main/core/importArticles';
import { Workspace, type OpenWorkspaceOptions } from '../../main/core/store/workspace';
import { documentFileName } from '../../main/core/store/workspaceFiles';
import { createWorkbench } from '../../main/service/workbench';
import { median, percentile, timed } from '../stats';
import { corpusArticle, freeWords, SEARCH_PHRASE, type BenchSpan } from '../workload';
import { cloneWorkspace, indexProgressLogger, openOptions, type CorpusFixture } from './fixture';

const APP = 'awb bench';
const RUNS = 3;
/// Rows of the library's first page (what the app asks for first).
export const FIRST_PAGE_ROWS = 100;

/// Opening the workspace until the library is listed.
export interface OpenResult {
  /// `Workspace.open` as the app opens it (writable, `checkIndexInBackground`: the index is
  /// checked against the files after `open` returns) + `libraryPage` of the first
  /// `FIRST_PAGE_ROWS`: median and each run.
  ms: number;
  runs: number[];
  /// The same, the index checked before `open` returns (as `awb` commands open).
  checkFirstMs: number;
  /// The same, read-only (no lock, no backup; the index checked first).
  readOnlyMs: number;
  /// Documents in the workspace (the page's `all`).
  listed: number;
}

/// Rebuilding the SQL index from the document files: `Workspace.open` of a copy without it.
export type IndexRebuildResult =
  | {
      skipped: false;
      ms: number;
      /// How many times opening reported progress, and the last report.
      progressReports: number;
      lastProgress: [done: number, total: number] | null;
    }
  | { skipped: true; reason: string };

/// A phrase search over every document.
export interface SearchResult {
  phrase: string;
  /// `documents.search` through the service, the first one after opening the workspace (which
  /// loads the text index): median of the runs.
  firstMs: number;
  /// The same search again on the same workspace.
  againMs: number;
  /// For reference, what a search without an index costs at least: read each document file,
  /// JSON-parse it, scan its text.
  rawScanMs: number;
  documentsMatched: number;
}

/// Everything measured here.
export interface CorpusNodeResult {
  open: OpenResult;
  /// `readDocument` of a document not read before by this workspace (OS file cache warm).
  readDocumentMs: number;
  /// One such document, for the browser to show and highlight.
  sample: { id: string; text: string; annotations: BenchSpan[] };
  search: SearchResult;
  indexRebuild: IndexRebuildResult;
  /// `annotations.create` through the service until it resolves (the file and index on disk).
  save: { p50Ms: number; p95Ms: number; samples: number[] };
  /// `importArticleFiles` of 1,000 new article files (the CLI's and the app's import path).
  import: { articles: number; intoCorpusMs: number; intoFreshMs: number };
}

async function openAndList(dir: string, options: OpenWorkspaceOptions): Promise<{ ms: number; listed: number }> {
  const { value, ms } = await timed(async () => {
    const workspace = await Workspace.open(dir, { app: APP, ...options });
    const page = await workspace.libraryPage({ offset: 0, limit: FIRST_PAGE_ROWS });
    if (page.documents.length !== Math.min(FIRST_PAGE_ROWS, page.all)) throw new Error(`the first page of the library holds ${page.documents.length} documents`);
    return { workspace, listed: page.all };
  });
  await value.workspace.close();
  return { ms, listed: value.listed };
}

/// Opens the workspace `RUNS` times each way (as the app does, checking the index first,
/// read-only) and keeps the medians.
export async function measureOpen(dir: string): Promise<OpenResult> {
  const times = async (options: OpenWorkspaceOptions) => {
    const opened: { ms: number; listed: number }[] = [];
    for (let i = 0; i < RUNS; i++) opened.push(await openAndList(dir, options));
    return { ms: median(opened.map((o) => o.ms)), runs: opened.map((o) => o.ms), listed: opened[0].listed };
  };
  const { ms, runs, listed } = await times({ checkIndexInBackground: true });
  const checkFirst = await times({});
  const readOnly = await times({ readOnly: true });
  return { ms, runs, checkFirstMs: checkFirst.ms, readOnlyMs: readOnly.ms, listed };
}

/// `readDocument` of five documents spread through the corpus, each the first read of its file.
export async function measureReadDocument(dir: string): Promise<{ ms: number; sample: CorpusNodeResult['sample'] }> {
  const workspace = await Workspace.open(dir, { app: APP });
  try {
    const ids = await workspace.documentIds();
    const picks = [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => ids[Math.floor(f * ids.length)]);
    const times: number[] = [];
    for (const id of picks) times.push((await timed(() => workspace.readDocument(id))).ms);
    const file = await workspace.readDocument(picks[2]);
    const annotations = file.annotations.map((a) => ({ id: a.id, start: a.start, end: a.end, label: a.label as BenchSpan['label'], quote: a.quote }));
    return { ms: median(times), sample: { id: file.document.id, text: file.document.text, annotations } };
  } finally {
    await workspace.close();
  }
}

/// `documents.search` through the service on a freshly opened workspace, twice, then the scan
/// without an index once; the two must find the same documents.
export async function measureSearch(dir: string): Promise<SearchResult> {
  const wanted = SEARCH_PHRASE.toLowerCase();
  const first: number[] = [];
  const again: number[] = [];
  let found: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const workspace = await Workspace.open(dir, { readOnly: true });
    const service = createWorkbench(workspace);
    const { value, ms } = await timed(() => service.documents.search(SEARCH_PHRASE));
    first.push(ms);
    again.push((await timed(() => service.documents.search(SEARCH_PHRASE))).ms);
    found = value.map((r) => r.id).sort();
    await workspace.close();
  }
  const workspace = await Workspace.open(dir, { readOnly: true });
  const ids = await workspace.documentIds();
  await workspace.close();
  const scanned: string[] = [];
  const { ms: rawScanMs } = await timed(async () => {
    for (const id of ids) {
      const file = JSON.parse(await readFile(join(dir, 'documents', documentFileName(id)), 'utf8')) as { document: { text: string } };
      if (file.document.text.toLowerCase().includes(wanted)) scanned.push(id);
    }
  });
  // The service lists at most 100 documents.
  if (found.length !== Math.min(100, scanned.length) || !found.every((id) => scanned.includes(id))) throw new Error('the search and the scan disagree');
  return { phrase: SEARCH_PHRASE, firstMs: median(first), againMs: median(again), rawScanMs, documentsMatched: scanned.length };
}

/// 50 single annotation creates through the service on a hard-linked copy of the corpus (ten on
/// each of five documents already open, as a person tags one article after another).
async function measureSaves(workspace: Workspace): Promise<CorpusNodeResult['save']> {
  const service = createWorkbench(workspace);
  const ids = await workspace.documentIds();
  const samples: number[] = [];
  for (let d = 0; d < 5; d++) {
    const id = ids[Math.floor(((d + 0.5) / 5) * ids.length)];
    const open = await service.documents.open(id);
    for (const word of freeWords(open.document.text, open.annotations, 10, 'w')) {
      samples.push((await timed(() => service.annotations.create({ docId: id, label: word.label, start: word.start, end: word.end }))).ms);
    }
  }
  return { p50Ms: median(samples), p95Ms: percentile(samples, 95), samples };
}

/// Writes 1,000 new article files (not in the corpus) to `folder`.
async function writeArticles(folder: string, seed: number, from: number, count: number): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const paths: string[] = [];
  for (let i = from; i < from + count; i++) {
    const path = join(folder, `new-${i}.txt`);
    await writeFile(path, corpusArticle(seed, i).text);
    paths.push(path);
  }
  return paths;
}

async function timedImport(workspace: Workspace, paths: string[]): Promise<number> {
  const { value: report, ms } = await timed(() => importArticleFiles(workspace, paths));
  if (report.imported.length !== paths.length) throw new Error(`imported ${report.imported.length} of ${paths.length} articles`);
  return ms;
}

/// Opens a copy of the corpus without its SQL index (made in `target`), which rebuilds it from
/// the document files, printing its progress.
export async function measureIndexRebuild(fixture: CorpusFixture, target: string, log: (line: string) => void): Promise<IndexRebuildResult> {
  if (!fixture.sqlIndex) return { skipped: true, reason: 'n/a: no SQL index yet' };
  await cloneWorkspace(fixture.dir, target, { withSqlIndex: false });
  let progressReports = 0;
  let lastProgress: [number, number] | null = null;
  const print = indexProgressLogger(log, 'rebuilding the index');
  const { value: workspace, ms } = await timed(() =>
    Workspace.open(
      target,
      openOptions({ app: APP }, (done, total) => {
        progressReports++;
        lastProgress = [done, total];
        print(done, total);
      }),
    ),
  );
  const listed = (await workspace.libraryPage({ offset: 0, limit: 1 })).all;
  await workspace.close();
  if (listed !== fixture.articles) throw new Error(`the rebuilt index lists ${listed} documents, not ${fixture.articles}`);
  return { skipped: false, ms, progressReports, lastProgress };
}

/// Saves, then the import of 1,000 articles into a copy of the corpus and into a new workspace.
export async function measureWrites(fixture: CorpusFixture, seed: number, log: (line: string) => void): Promise<Pick<CorpusNodeResult, 'save' | 'import'>> {
  const scratch = await mkdtemp(join(tmpdir(), 'awb-bench-scratch-'));
  try {
    log('  cloning the corpus (hard links) and opening the clone');
    const clone = await cloneWorkspace(fixture.dir, join(scratch, 'clone'));
    const workspace = await Workspace.open(clone, { app: APP });
    const paths = await writeArticles(join(scratch, 'articles'), seed, fixture.articles, 1000);
    let result: Pick<CorpusNodeResult, 'save' | 'import'>;
    try {
      log('  50 saves through the service');
      const save = await measureSaves(workspace);
      log('  importing 1,000 articles into the corpus');
      const intoCorpusMs = await timedImport(workspace, paths);
      result = { save, import: { articles: paths.length, intoCorpusMs, intoFreshMs: NaN } };
    } finally {
      await workspace.close();
    }
    log('  importing 1,000 articles into a new workspace');
    const fresh = await Workspace.open(join(scratch, 'fresh'), { app: APP });
    try {
      result.import.intoFreshMs = await timedImport(fresh, paths);
    } finally {
      await fresh.close();
    }
    return result;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
