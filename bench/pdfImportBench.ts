/// The PDF row of `npm run bench`: importing a 100-page PDF (the seed articles repeated, laid out
/// and exported by LibreOffice: test/fixtures/articles/seeds-100-pages.pdf) into a new workspace
/// with `importArticleFiles`, the CLI's and the app's import path: pdf.js reads every page, the
/// lines become paragraphs, the article is stored. Budget 5 s (the median of 3, pdf.js loaded).
/// Beside it: the first import of the process, which loads pdf.js, and how long loading pdf.js
/// takes in plain Node, as the built app loads it (the bench runs under tsx, which transforms
/// pdf.js's 3 MB on every start and makes that first import seconds slower than in the app).
///
/// Alone: `npx tsx bench/pdfImportBench.ts` prints the rows.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { importArticleFiles } from '../main/core/importArticles';
import { Workspace } from '../main/core/store/workspace';
import { readPdf } from '../main/core/text/readPdf';
import type { Row } from './report';
import { formatMs, median, timed } from './stats';

const PDF = fileURLToPath(new URL('../test/fixtures/articles/seeds-100-pages.pdf', import.meta.url));
const RUNS = 3;

/// What the PDF import took.
export interface PdfImportResult {
  pages: number;
  characters: number;
  firstMs: number;
  medianMs: number;
  /// Loading pdf.js (with its worker code) in a plain Node process.
  plainNodeLoadMs: number;
}

/// How long a plain Node process takes to load pdf.js and its worker code.
function plainNodeLoadMs(): number {
  const script = "const t=performance.now();await import('pdfjs-dist/legacy/build/pdf.worker.mjs');await import('pdfjs-dist/legacy/build/pdf.mjs');console.log(performance.now()-t)";
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' }).trim());
}

/// Imports the 100-page PDF into a new workspace `RUNS + 1` times (each a new copy of the file, so
/// that nothing is a duplicate).
export async function measurePdfImport(log: (line: string) => void): Promise<PdfImportResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'awb-bench-pdf-'));
  try {
    const times: number[] = [];
    let characters = 0;
    for (let run = 0; run <= RUNS; run++) {
      log(`  importing the 100-page PDF (${run === 0 ? 'first time' : `run ${run} of ${RUNS}`})`);
      const path = join(scratch, `seeds-100-pages-${run}.pdf`);
      await copyFile(PDF, path);
      const workspace = await Workspace.open(join(scratch, `workspace-${run}`), { app: 'awb bench' });
      try {
        const { value: report, ms } = await timed(() => importArticleFiles(workspace, [path]));
        if (report.imported.length !== 1) throw new Error(`the PDF was not imported: ${JSON.stringify(report.rejected)}`);
        characters = report.imported[0].document.characters;
        times.push(ms);
      } finally {
        await workspace.close();
      }
    }
    const pages = (await readPdf(await readFile(PDF))).pages;
    return { pages, characters, firstMs: times[0], medianMs: median(times.slice(1)), plainNodeLoadMs: plainNodeLoadMs() };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/// The table's rows.
export function pdfImportRows(r: PdfImportResult): Row[] {
  return [
    { name: `import of ${r.pages} PDF pages, ${r.characters.toLocaleString('en-US')} chars (importArticleFiles into a new workspace, median of ${RUNS})`, value: formatMs(r.medianMs), budget: `≤ ${formatMs(5000)}`, pass: r.medianMs <= 5000, raw: r.medianMs },
    { name: '  the first in the process, loading pdf.js (under tsx, which transforms pdf.js on each start)', value: formatMs(r.firstMs), budget: '—', pass: null, raw: r.firstMs },
    { name: '  loading pdf.js in plain Node, as the built app does', value: formatMs(r.plainNodeLoadMs), budget: '—', pass: null, raw: r.plainNodeLoadMs },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await measurePdfImport((line) => console.error(line));
  console.log(JSON.stringify(result, null, 1));
  for (const r of pdfImportRows(result)) console.log(`${r.name.padEnd(100)} ${r.value.padStart(9)} ${r.budget.padStart(9)} ${r.pass === null ? '' : r.pass ? 'pass' : 'MISS'}`);
}
