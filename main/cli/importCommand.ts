/// `awb import`: article files and exchange files (.awb.json). Every exchange file is read and
/// checked before anything is written; a bad article is refused and the others still go in.
import { readFile, stat } from 'node:fs/promises';
import { ExchangeRejected, exchangeSizeProblem, importExchange, parseExchange } from '../core/exchange/importExchange.js';
import { importArticleFiles } from '../core/importArticles.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { errnoWords, isErrnoError } from '../core/fileErrors.js';
import { EXIT_FAILED, EXIT_PARTIAL, ExitWith } from './exit.js';
import { warn } from './output.js';
import { printExchangeReport, printImportReport } from './print.js';
import { progressBar } from './progressBar.js';
import { withWritableWorkspace } from './writableWorkspace.js';

/// Imports `files` into the workspace; exit 1 when a file was refused, 3 when exchange items were
/// skipped.
export async function importCommand(files: string[], options: { workspace?: string }): Promise<void> {
  const exchanges = files.filter((f) => f.toLowerCase().endsWith('.json'));
  const articles = files.filter((f) => !exchanges.includes(f));
  const parsed: { file: string; envelope: ReturnType<typeof parseExchange> }[] = [];
  const refused: string[] = [];
  for (const file of exchanges) {
    try {
      parsed.push({ file, envelope: parseExchange(file, await readExchange(file)) });
    } catch (error) {
      if (!(error instanceof ExchangeRejected)) throw error;
      refused.push(error.message);
    }
  }
  if (refused.length) {
    for (const problem of refused) warn(`awb import: ${problem}`);
    warn(`awb import: nothing was imported: ${refused.length} exchange file(s) cannot be used`);
    throw new ExitWith(EXIT_FAILED);
  }
  const { rejected, skipped } = await withWritableWorkspace(resolveWorkspaceDir(options.workspace), 'import', async (workspace) => {
    let rejected = 0;
    let skipped = 0;
    if (articles.length) {
      const progress = progressBar('importing articles');
      const report = await importArticleFiles(workspace, articles, progress.update).finally(progress.stop);
      printImportReport(report);
      rejected = report.rejected.length;
    }
    for (const { file, envelope } of parsed) {
      const report = await importExchange(workspace, file, envelope);
      printExchangeReport(report);
      skipped += report.skipped.length;
    }
    return { rejected, skipped };
  });
  if (skipped) warn(`awb import: ${skipped} item(s) skipped; see above`);
  if (rejected) throw new ExitWith(EXIT_FAILED);
  if (skipped) throw new ExitWith(EXIT_PARTIAL);
}

/// The text of an exchange file, or why it cannot be read, naming the file.
async function readExchange(file: string): Promise<string> {
  const refuse = (reason: string) => new ExchangeRejected(file, reason);
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw refuse('is a folder, not a file');
    if (!info.isFile()) throw refuse('is not a regular file');
    size = info.size;
  } catch (error) {
    if (error instanceof ExchangeRejected) throw error;
    throw refuse(isErrnoError(error) && error.code === 'ENOENT' ? 'file not found' : `cannot be read: ${describe(error)}`);
  }
  const tooLarge = exchangeSizeProblem(size);
  if (tooLarge) throw refuse(tooLarge);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw refuse(`cannot be read: ${describe(error)}`);
  }
}

const describe = (error: unknown) => (isErrnoError(error) ? errnoWords(error) : String(error));
