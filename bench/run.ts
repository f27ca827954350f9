/// `npm run bench`: builds the benchmark pages, serves them on 127.0.0.1, measures the real
/// renderer against the floor in headless Chromium at each document size, then the corpus scale
/// on the real store and service (Compare too, through the service and in the real UI), and a
/// save on a document at the annotation limit, the suggestions of a long article, and how fast
/// `awb list` and an up-to-date `npm start` start; prints a table (value, budget, pass/fail) and
/// writes `bench/results.json` with the machine it ran on.
///
/// Flags: `--quick` (50k size, 1,000-article corpus), `--sizes 50k,500k,2M`, `--corpus N`
/// (articles, 10,000 by default; 100,000 is the large corpus, the same measurements; 0
/// skips the corpus and the annotation-limit save), `--runs N` (fresh pages per
/// size, default 3), `--seed N`, `--no-ui` (skip the library in the real UI), `--no-build` (use
/// the last page build).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { BROWSER_SIZES, measureLoad, runBrowserBench, type SizeResult } from './browser';
import { measureIndexRebuild, measureOpen, type IndexRebuildResult, measureReadDocument, measureSearch, measureWrites } from './corpus/corpusBench';
import { measureCompare } from './corpus/compareBench';
import { measureCompareUi } from './corpus/compareUi';
import { measureCompareAfterEdit } from './corpus/compareAfterEdit';
import { measureAgreement, measureExports } from './corpus/corpusExport';
import { cloneWorkspace, corpusFixture } from './corpus/fixture';
import { measureLibraryUi } from './corpus/libraryUi';
import { measureServeStart } from './corpus/serveStart';
import { measureTagAllPreview } from './corpus/tagAllBench';
import { measureLargeDocumentSave, type LargeDocumentResult } from './largeDocument';
import { buildPages, servePages, type ServedPages } from './pages';
import { importBatchRows, measureImportBatch, type ImportBatchResult } from './importBatchUi';
import { measureSuggestions, suggestionRows } from './suggestionsBench';
import { measurePdfImport, pdfImportRows } from './pdfImportBench';
import { measureStartup, startupRows } from './startupBench';
import { browserRows, corpusRows, formatTable, largeDocumentRows, machineInfo, type CorpusResults, type Row } from './report';

interface Options {
  sizes: string[];
  corpus: number;
  runs: number;
  seed: number;
  ui: boolean;
  build: boolean;
}

function parseArgs(args: string[]): Options {
  const options: Options = { sizes: BROWSER_SIZES.map((s) => s.name), corpus: 10_000, runs: 3, seed: 20161213, ui: true, build: true };
  const value = (i: number) => {
    if (args[i + 1] === undefined) throw new Error(`${args[i]} needs a value`);
    return args[i + 1];
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') Object.assign(options, { sizes: ['50k'], corpus: 1000 });
    else if (arg === '--sizes') options.sizes = value(i++).split(',').filter(Boolean);
    else if (arg === '--corpus') options.corpus = Number(value(i++));
    else if (arg === '--runs') options.runs = Number(value(i++));
    else if (arg === '--seed') options.seed = Number(value(i++));
    else if (arg === '--no-ui') options.ui = false;
    else if (arg === '--no-build') options.build = false;
    else throw new Error(`unknown option ${arg}`);
  }
  const unknown = options.sizes.filter((s) => !BROWSER_SIZES.some((b) => b.name === s));
  if (unknown.length) throw new Error(`unknown size ${unknown.join(', ')} (sizes: ${BROWSER_SIZES.map((s) => s.name).join(', ')})`);
  for (const [name, n] of [['--corpus', options.corpus], ['--runs', options.runs], ['--seed', options.seed]] as const) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} needs a whole number`);
  }
  return options;
}

const log = (line: string) => console.error(line);

async function runCorpus(browser: Browser, pages: ServedPages, options: Options): Promise<CorpusResults> {
  log(`corpus: ${options.corpus.toLocaleString('en-US')} articles (seed ${options.seed})`);
  const fixture = await corpusFixture(options.corpus, options.seed, log);
  const made = fixture.generatedMs === null ? ' (cached)' : `, generated in ${(fixture.generatedMs / 1000).toFixed(0)} s`;
  log(`  ${fixture.dir}: ${fixture.annotations.toLocaleString('en-US')} annotations, ${(fixture.textChars / 1e6).toFixed(1)} M characters of text${made}`);
  log('  opening the workspace');
  const open = await measureOpen(fixture.dir);
  log('  opening cold documents');
  const { ms: readDocumentMs, sample } = await measureReadDocument(fixture.dir);
  const sampleShownMs = await measureLoad(browser, pages.pageUrl, sample.text, sample.annotations, options.runs);
  log('  searching every document');
  const search = await measureSearch(fixture.dir);
  log('  tag-all preview of a common word over every document');
  const tagAll = await measureTagAllPreview(fixture.dir);
  log('  Compare over the whole corpus (the service)');
  const compare = await measureCompare(fixture.dir, log);
  const scratch = await mkdtemp(join(tmpdir(), 'awb-bench-served-'));
  let served: Pick<CorpusResults, 'serveStart' | 'libraryUi' | 'compareUi' | 'compareAfterEdit'> & { indexRebuild: IndexRebuildResult };
  try {
    log('  rebuilding the index of a copy');
    const indexRebuild = await measureIndexRebuild(fixture, join(scratch, 'rebuilt'), log);
    // The copy just rebuilt, else a plain one: serving writes to the workspace it opens.
    const copy = indexRebuild.skipped ? await cloneWorkspace(fixture.dir, join(scratch, 'copy')) : join(scratch, 'rebuilt');
    log('  awb serve start → URL');
    const serveStart = await measureServeStart(copy);
    log('  the library in the real UI (awb serve)');
    const libraryUi = options.ui ? await measureLibraryUi(browser, copy, open.listed) : ({ skipped: true, reason: '--no-ui' } as const);
    log('  Compare in the real UI (awb serve)');
    const compareUi = options.ui ? await measureCompareUi(browser, copy, open.listed, log) : ({ skipped: true, reason: '--no-ui' } as const);
    log('  Compare after an edit (the copy)');
    const compareAfterEdit = await measureCompareAfterEdit(copy, log);
    served = { indexRebuild, serveStart, libraryUi, compareUi, compareAfterEdit };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const writes = await measureWrites(fixture, options.seed, log);
  log('  exporting everything in every format (a process each)');
  const exports = await measureExports(fixture.dir, log);
  log('  agreement over 2 × 50,000 spans');
  const agreement = measureAgreement(options.seed);
  const node = { open, readDocumentMs, sample, search, indexRebuild: served.indexRebuild, ...writes };
  return { fixture, node, sampleShownMs, exports, agreement, libraryUi: served.libraryUi, serveStart: served.serveStart, compare, compareUi: served.compareUi, compareAfterEdit: served.compareAfterEdit, tagAll };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  if (options.build) {
    log('building the benchmark pages (out/bench)');
    await buildPages();
  }
  log('suggestions (core and sliced, no browser)');
  const suggestions = await measureSuggestions(log);
  log('PDF import (no browser)');
  const pdfImport = await measurePdfImport(log);
  log('start-up: awb list (built CLI) and npm start with the build up to date');
  const startup = await measureStartup(log);
  const pages = await servePages();
  const executablePath = findChromium();
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'], headless: true });
  const machine = machineInfo(`${executablePath} ${browser.version()}`);
  log(`pages at ${pages.pageUrl} and ${pages.floorUrl}; Chromium ${browser.version()}`);
  let sizes: SizeResult[] = [];
  let corpus: CorpusResults | null = null;
  let largeDocument: LargeDocumentResult | null = null;
  let importBatch: ImportBatchResult | null = null;
  try {
    log('importing a 20 MB batch in the UI (awb serve, a new workspace)');
    importBatch = await measureImportBatch(browser, log);
    const wanted = BROWSER_SIZES.filter((s) => options.sizes.includes(s.name));
    if (wanted.length) {
      log(`browser: ${wanted.map((s) => s.name).join(', ')}, ${options.runs} fresh pages each for the app and the floor`);
      sizes = await runBrowserBench(browser, { app: pages.pageUrl, floor: pages.floorUrl }, wanted, options.runs, log);
    }
    if (options.corpus > 0) corpus = await runCorpus(browser, pages, options);
    if (options.corpus > 0) {
      log('save on a document at the annotation limit');
      largeDocument = await measureLargeDocumentSave(options.seed, log);
    }
  } finally {
    await browser.close();
    await pages.close();
  }
  const rows: Row[] = [...startupRows(startup), ...suggestionRows(suggestions), ...pdfImportRows(pdfImport), ...(importBatch ? importBatchRows(importBatch) : []), ...browserRows(sizes), ...(corpus ? corpusRows(corpus) : []), ...(largeDocument ? largeDocumentRows(largeDocument) : [])];
  console.log(formatTable(rows));
  const failed = rows.filter((r) => r.pass === false);
  console.log(failed.length ? `\n${failed.length} of ${rows.filter((r) => r.pass !== null).length} budgets not met.` : '\nAll budgets met.');
  const { sample: _sample, ...node } = corpus?.node ?? { sample: null };
  const results = {
    machine: { ...machine, startedAt, loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))) },
    options,
    table: rows,
    browser: sizes,
    corpus: corpus && { ...corpus, node },
    largeDocument,
    suggestions,
    importBatch,
    pdfImport,
    startup,
  };
  await writeFile(fileURLToPath(new URL('./results.json', import.meta.url)), `${JSON.stringify(results, null, 1)}\n`);
  console.log(`Results: bench/results.json (${machine.cpus} CPUs, ${machine.memoryGB} GB, Node ${process.version}, ${machine.chromium}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
