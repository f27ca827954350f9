/// `awb import`: article files, exchange files (.awb.json) and other tools' annotation files
/// (brat folders and zips, doccano and Prodigy JSONL, Label Studio JSON, W3C Web Annotation,
/// CoNLL), told apart by their content. Every exchange file is read and checked before anything
/// is written; a bad article is refused and the others still go in; another tool's file goes in
/// whole or is refused whole, and the others still go in.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ExchangeRejected, exchangeSizeProblem, importExchange, parseExchange } from '../core/exchange/importExchange.js';
import { detectFormat } from '../core/foreignFormats/detectFormat.js';
import { ForeignRejected, type ForeignFormat, type ForeignInput, type OffsetUnit } from '../core/foreignFormats/foreignFile.js';
import { inputFromPath, MAX_FOREIGN_BYTES } from '../core/foreignFormats/foreignInput.js';
import { parseLabelMap } from '../core/foreignFormats/foreignLabels.js';
import { importForeign } from '../core/foreignFormats/importForeign.js';
import { looksLikeConll } from '../core/foreignFormats/readConll.js';
import { importArticleFiles } from '../core/importArticles.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { errnoWords, isErrnoError } from '../core/fileErrors.js';
import { EXIT_FAILED, EXIT_PARTIAL, EXIT_USAGE, ExitWith } from './exit.js';
import { say, warn } from './output.js';
import { printExchangeReport, printImportReport } from './print.js';
import { progressBar } from './progressBar.js';
import { withWritableWorkspace } from './writableWorkspace.js';

/// The options of `awb import`.
export interface ImportOptions {
  workspace?: string;
  /// The format of every annotation file given (else told by content).
  format?: ForeignFormat;
  /// `FROM=TO` label mappings.
  labelMap?: string[];
  /// Who made the annotations, when a file does not say.
  annotator?: string;
  /// doccano's offset unit.
  offsets?: OffsetUnit;
}

/// Extensions that are always another tool's annotation files.
const FOREIGN_EXTENSIONS = new Set(['.zip', '.jsonl', '.ann', '.conll', '.conllu', '.iob', '.iob2', '.bio']);

/// What a path given to `awb import` is.
async function kindOf(file: string, options: ImportOptions): Promise<'article' | 'exchange' | 'foreign'> {
  if (options.format) return options.format === 'exchange' ? 'exchange' : 'foreign';
  const ext = extname(file).toLowerCase();
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    const names = await readdir(file, { recursive: true }).catch(() => [] as string[]);
    return names.some((n) => n.toLowerCase().endsWith('.ann')) ? 'foreign' : ext === '.json' ? 'exchange' : 'article';
  }
  if (FOREIGN_EXTENSIONS.has(ext)) return 'foreign';
  if (!info?.isFile() || (ext !== '.json' && ext !== '.txt')) return ext === '.json' ? 'exchange' : 'article';
  if (ext === '.txt') return looksLikeConll(await fileStart(file)) ? 'foreign' : 'article';
  // Too large to be either: the exchange import says so, unread.
  if (info.size > MAX_FOREIGN_BYTES) return 'exchange';
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) return 'exchange';
  // A .json file that is not our exchange file but another tool's goes to its reader; anything
  // else keeps the exchange import's own error.
  try {
    const format = detectFormat({ name: file, files: new Map([[file, bytes]]) });
    return format === 'exchange' ? 'exchange' : 'foreign';
  } catch {
    return 'exchange';
  }
}

/// The first 64 KiB of a file as text (enough to tell CoNLL from an article), '' when unreadable.
async function fileStart(file: string): Promise<string> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return '';
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65536), 0, 65536, 0);
    return new TextDecoder().decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/// Imports `files` into the workspace; exit 1 when a file was refused, 3 when exchange items were
/// skipped.
export async function importCommand(files: string[], options: ImportOptions): Promise<void> {
  let labelMap;
  try {
    labelMap = parseLabelMap(options.labelMap ?? []);
  } catch (error) {
    warn(`awb import: ${(error as Error).message}`);
    throw new ExitWith(EXIT_USAGE);
  }
  const kinds = await Promise.all(files.map((f) => kindOf(f, options)));
  const exchanges = files.filter((_, i) => kinds[i] === 'exchange');
  const foreign = files.filter((_, i) => kinds[i] === 'foreign');
  const articles = files.filter((_, i) => kinds[i] === 'article');
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
  // Read (not yet checked against the workspace) before it is opened: a file that cannot be read is refused now.
  const inputs: ForeignInput[] = [];
  let rejected = 0;
  for (const file of foreign) {
    try {
      inputs.push(await inputFromPath(file));
    } catch (error) {
      if (!(error instanceof ForeignRejected)) throw error;
      warn(`awb import: ${error.message}`);
      rejected++;
    }
  }
  const done = await withWritableWorkspace(resolveWorkspaceDir(options.workspace), 'import', async (workspace) => {
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
    for (const input of inputs) {
      try {
        const report = await importForeign(workspace, input, { format: options.format, labelMap, annotator: options.annotator, offsets: options.offsets });
        say(`${input.name}: read as ${report.format}${report.labelsMapped.length ? `; labels mapped: ${report.labelsMapped.map((m) => `${m.from} → ${m.to ?? '(left out)'}`).join(', ')}` : ''}`);
        printExchangeReport(report);
        skipped += report.skipped.length;
      } catch (error) {
        if (!(error instanceof ForeignRejected || error instanceof ExchangeRejected)) throw error;
        warn(`awb import: ${error.message}`);
        rejected++;
      }
    }
    return { rejected, skipped };
  });
  rejected += done.rejected;
  const { skipped } = done;
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
