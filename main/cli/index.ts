/// The `awb` command line (DESIGN §2): import, list, check, serve. Exit codes: 0 success, 1 failure,
/// 2 usage error. Errors are one line per problem on stderr, never a stack trace.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { importArticleFiles, importSeeds, type ImportReport } from '../core/importArticles.js';
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

  configure(program.command('import').description('import article files (.txt, .md, .html) into the workspace'))
    .argument('<files...>', 'article files')
    .action(async (files: string[], options: { workspace?: string }) => {
      const workspace = await Workspace.open(resolveWorkspaceDir(options.workspace), { app: 'awb import' });
      try {
        const report = await importArticleFiles(workspace, files);
        printImportReport(report);
        if (report.rejected.length) throw new Failed();
      } finally {
        await workspace.close();
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
    if (workspace.created) await importSeeds(workspace, join(context.packageRoot, 'seeds'));
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
