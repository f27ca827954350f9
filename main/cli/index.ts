/// The `awb` command line (DESIGN §2): import, list, check, serve. Exit codes: 0 success, 1 failure,
/// 2 usage error. Errors are one line per problem on stderr, never a stack trace.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { AgreementTally, type AgreementReport } from '../core/agreement.js';
import { importExchange, MAX_EXCHANGE_BYTES, parseExchange, type ExchangeImportReport } from '../core/exchange/importExchange.js';
import { EXPORT_FORMATS, renderExport, writeExport, type ExportFormat, type ExportProgress } from '../core/export/renderExport.js';
import { importArticleFiles, importSeeds, type ImportReport } from '../core/importArticles.js';
import { searchDocuments } from '../core/search.js';
import { checkWorkspace } from '../core/store/checkWorkspace.js';
import { Workspace } from '../core/store/workspace.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { createWorkbench } from '../service/workbench.js';
import { startWebServer } from '../web/webServer.js';

/// Where the CLI finds the built renderer and the seed articles.
export interface CliContext {
  packageRoot: string;
}

/// A failure already explained to the user: exit 1 without more output.
class Failed extends Error {}

/// Runs `awb` with `argv` (without node and script); resolves with the exit code.
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const program = buildProgram(context);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (!(error instanceof Failed)) console.error(`awb: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function buildProgram(context: CliContext): Command {
  const program = new Command('awb')
    .description('Annotation Workbench: import, list, check and serve an annotation workspace')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  const workspaceOption = () =>
    new Option('--workspace <dir>', 'workspace folder (default: $AWB_WORKSPACE, else the app data folder)');
  const configure = (command: Command) => command.addOption(workspaceOption()).exitOverride();

  configure(program.command('import').description('import articles (.txt, .md, .html) and exchange files (.awb.json)'))
    .argument('<files...>', 'article files and exchange files')
    .action(async (files: string[], options: { workspace?: string }) => {
      const exchanges = files.filter((f) => f.toLowerCase().endsWith('.json'));
      const articles = files.filter((f) => !exchanges.includes(f));
      // Every exchange file is read and checked before anything is written.
      const parsed = [];
      for (const file of exchanges) parsed.push({ file, envelope: parseExchange(file, await readExchange(file)) });
      const workspace = await Workspace.open(resolveWorkspaceDir(options.workspace), { app: 'awb import' });
      try {
        let failed = false;
        if (articles.length) {
          const report = await importArticleFiles(workspace, articles);
          printImportReport(report);
          failed = report.rejected.length > 0;
        }
        for (const { file, envelope } of parsed) printExchangeReport(await importExchange(workspace, file, envelope));
        if (failed) throw new Failed();
      } finally {
        await workspace.close();
      }
    });

  configure(program.command('export').description('export annotations (code point offsets) in one of the supported formats'))
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <path>', 'output file (for brat: a folder, or a .zip file)')
    .option('--document <id>', 'only this document (repeatable)', collect, [])
    .option('--annotator <name>', "only this annotator's annotations (repeatable)", collect, [])
    .option('--label <id>', 'only this label (repeatable)', collect, [])
    .action(async (options: { workspace?: string; format: ExportFormat; out: string; document: string[]; annotator: string[]; label: string[] }) => {
      const workspace = await Workspace.open(resolveWorkspaceDir(options.workspace), { readOnly: true });
      const progress = progressBar('reading documents');
      const rendered = await renderExport(
        workspace,
        options.format,
        { documents: options.document, annotators: options.annotator, labels: options.label },
        progress.update,
      );
      progress.stop();
      await writeExport(rendered, options.out);
      const { documents, annotations, conll } = rendered.summary;
      console.log(`exported ${annotations} annotations from ${documents} documents as ${options.format} to ${options.out}`);
      if (conll?.lostSpans) {
        console.error(`awb export: ${conll.lostSpans} span(s) overlap an earlier or longer span and carry no CoNLL tag:`);
        for (const l of conll.lost.slice(0, 20)) console.error(`awb export:   ${l.label} "${l.text}" (${l.annotationId})`);
      }
    });

  configure(program.command('list').description('list the documents in the workspace'))
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { workspace?: string; json?: boolean }) => {
      const workspace = await Workspace.open(resolveWorkspaceDir(options.workspace), { readOnly: true });
      const rows = workspace.listDocuments().map((d) => ({
        id: d.id,
        title: d.title,
        sourceName: d.sourceName,
        characters: d.characters,
        annotations: Object.values(d.counts).reduce((a, b) => a + b, 0),
      }));
      if (options.json) {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      if (!rows.length) console.log('(no documents)');
      for (const r of rows) {
        console.log(`${r.id.slice(0, 19)}…  ${String(r.characters).padStart(8)} chars  ${String(r.annotations).padStart(5)} ann.  ${r.sourceName}  ${r.title}`);
      }
    });

  configure(program.command('search').description('find a phrase (case-insensitive) in every document'))
    .argument('<phrase>', 'the words to find')
    .option('--json', 'print JSON')
    .action(async (phrase: string, options: { workspace?: string; json?: boolean }) => {
      const workspace = await Workspace.open(resolveWorkspaceDir(options.workspace), { readOnly: true });
      const results = await searchDocuments(workspace, phrase);
      if (options.json) return console.log(JSON.stringify(results, null, 2));
      if (!results.length) console.log(`"${phrase}" occurs in no document`);
      for (const r of results) {
        console.log(`${r.title}  (${r.count}×, ${r.id.slice(0, 19)}…)`);
        for (const h of r.hits) console.log(`    …${h.before}[${h.match}]${h.after}…`);
      }
    });

  configure(program.command('agreement').description('agreement between two annotators on the documents both annotated'))
    .requiredOption('--a <name>', 'first annotator')
    .requiredOption('--b <name>', 'second annotator')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { workspace?: string; a: string; b: string; json?: boolean }) => {
      const workspace = await Workspace.open(resolveWorkspaceDir(options.workspace), { readOnly: true });
      // One document at a time: only the counts are kept.
      const agreement = new AgreementTally(options.a, options.b);
      const annotators = new Set<string>();
      for (const d of workspace.listDocuments()) {
        const file = await workspace.readDocument(d.id);
        for (const a of file.annotations) annotators.add(a.annotator);
        agreement.add(file);
      }
      for (const name of [options.a, options.b]) {
        if (!annotators.has(name)) {
          throw new Error(`no annotations by "${name}" in this workspace (annotators: ${[...annotators].join(', ') || 'none'})`);
        }
      }
      const report = agreement.report();
      console.log(options.json ? JSON.stringify(report, null, 2) : agreementTable(report));
    });

  configure(program.command('backups').description('list the snapshots of the workspace, newest first'))
    .option('--json', 'print JSON')
    .action(async (options: { workspace?: string; json?: boolean }) => {
      const workspace = await Workspace.open(resolveWorkspaceDir(options.workspace), { readOnly: true });
      const backups = await workspace.backups();
      if (options.json) return console.log(JSON.stringify(backups, null, 2));
      if (!backups.length) console.log('(no backups yet)');
      for (const b of backups) console.log(`${b.name}  ${String(b.documents).padStart(6)} documents`);
    });

  configure(program.command('restore').description('restore a snapshot (after taking a snapshot of the current state)'))
    .argument('<backup>', 'backup name, as listed by "awb backups"')
    .action(async (name: string, options: { workspace?: string }) => {
      const workspace = await Workspace.open(resolveWorkspaceDir(options.workspace), { app: 'awb restore' });
      try {
        const safety = await workspace.restoreBackup(name);
        console.log(`restored ${name}; the state before the restore is backup ${safety.name}`);
      } finally {
        await workspace.close();
      }
    });

  configure(program.command('check').description('validate every file of the workspace; exit 1 listing the problems'))
    .action(async (options: { workspace?: string }) => {
      const dir = resolveWorkspaceDir(options.workspace);
      const result = await checkWorkspace(dir);
      if (result.problems.length) {
        for (const p of result.problems) console.error(`awb check: ${p}`);
        console.error(`awb check: ${result.problems.length} problem(s) in ${dir}`);
        throw new Failed();
      }
      console.log(`ok: ${result.documents} documents, ${result.annotations} annotations in ${dir}`);
    });

  configure(program.command('serve').description('run the workbench in browser mode on 127.0.0.1'))
    .addOption(new Option('--port <n>', 'port to listen on (0 picks a free one)').default(0).argParser(parsePort))
    .action(async (options: { workspace?: string; port: number }) => {
      const rendererDir = join(context.packageRoot, 'out', 'renderer');
      if (!existsSync(join(rendererDir, 'index.html'))) {
        throw new Error(`the app is not built (${rendererDir} is missing): run "npm run build" first`);
      }
      const { server, close } = await serveWorkspace(resolveWorkspaceDir(options.workspace), rendererDir, context, options.port);
      console.log(server.url);
      await new Promise<void>((resolveStop) => {
        const stop = () => resolveStop();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await close();
    });
  return program;
}

/// Opens the workspace (importing the seeds on first run) and serves it in browser mode.
export async function serveWorkspace(dir: string, rendererDir: string, context: CliContext, port = 0) {
  const workspace = await Workspace.open(dir, { app: 'awb serve' });
  try {
    if (workspace.created) {
      await importSeeds(workspace, join(context.packageRoot, 'seeds'));
      await workspace.backup();
    }
    const server = await startWebServer({ api: createWorkbench(workspace), rendererDir, port });
    for (const notice of workspace.notices) console.error(`awb serve: ${notice}`);
    return {
      server,
      close: async () => {
        await server.close();
        await workspace.close();
      },
    };
  } catch (error) {
    await workspace.close();
    throw error;
  }
}

const figure = (x: number | null) => (x === null ? '—' : x.toFixed(3));

/// The agreement report as a readable table.
function agreementTable(r: AgreementReport): string {
  const lines = [
    `Agreement between ${r.a} (A) and ${r.b} (B) on ${r.documents} document(s) both annotated, ${r.tokens} tokens`,
    '',
    `  token-level Cohen's kappa  ${figure(r.kappa)}   (agreement on each token's label beyond chance)`,
    `  exact-span F1              ${figure(r.exact.f1)}   (${r.exact.matches} spans with the same start, end and label; A ${r.exact.countA}, B ${r.exact.countB})`,
    `  overlap F1                 ${figure(r.overlap.f1)}   (${r.overlap.matches} same-label spans that overlap, paired one to one)`,
    '',
    `  ${'label'.padEnd(14)}${'A'.padStart(6)}${'B'.padStart(6)}${'exact F1'.padStart(10)}${'overlap F1'.padStart(12)}`,
  ];
  for (const label of Object.keys(r.exact.perLabel).sort()) {
    const e = r.exact.perLabel[label];
    const o = r.overlap.perLabel[label];
    lines.push(`  ${label.padEnd(14)}${String(e.countA).padStart(6)}${String(e.countB).padStart(6)}${figure(e.f1).padStart(10)}${figure(o.f1).padStart(12)}`);
  }
  lines.push('', `  ${'document'.padEnd(50)}${'kappa'.padStart(8)}${'exact'.padStart(8)}${'overlap'.padStart(9)}`);
  for (const d of r.perDocument) {
    lines.push(`  ${d.title.slice(0, 48).padEnd(50)}${figure(d.kappa).padStart(8)}${figure(d.exactF1).padStart(8)}${figure(d.overlapF1).padStart(9)}`);
  }
  return lines.join('\n');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function readExchange(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new Error(`${file}: file not found`);
  if (info.size > MAX_EXCHANGE_BYTES) throw new Error(`${file}: file is over the 200 MB limit`);
  return readFile(file, 'utf8');
}

/// A progress bar on stderr when it is a terminal; silent otherwise.
function progressBar(label: string): { update: ExportProgress; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

function printExchangeReport(r: ExchangeImportReport): void {
  console.log(
    `${r.file}: ${r.documentsAdded} documents added (${r.documentsKnown} already present), ` +
      `${r.annotationsAdded} annotations added (${r.annotationsReanchored} re-anchored), ${r.annotationsAlreadyPresent} already present, ` +
      `${r.reviewsUpdated} reviews updated, ${r.relationsAdded} speaker links added, ${r.skipped.length} skipped`,
  );
  if (r.labelsAdded.length) console.log(`${r.file}: new labels ${r.labelsAdded.join(', ')}`);
  for (const s of r.skipped) console.error(`awb import: ${r.file}: skipped ${s.item ? `${s.item} in ` : ''}"${s.document}": ${s.reason}`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('expected a whole number from 0 to 65535');
  }
  return port;
}

function printImportReport(report: ImportReport): void {
  for (const i of report.imported) {
    console.log(`imported   ${i.name}  →  ${i.document.id}  "${i.document.title}"`);
    for (const w of i.warnings) console.error(`awb import: warning: ${w}`);
  }
  for (const d of report.duplicates) console.log(`duplicate  ${d.name}  (already in the workspace as "${d.document.title}")`);
  for (const r of report.rejected) console.error(`awb import: ${r.name}: ${r.reason}`);
  console.log(`${report.imported.length} imported, ${report.duplicates.length} already present, ${report.rejected.length} rejected`);
}
