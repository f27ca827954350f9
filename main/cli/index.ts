/// The `awb` command line (DESIGN §2): import, export, list, status, meta, delete, entities, search,
/// agreement, compare, suggest, tag-all, backups, restore, repair, check, serve. Exit codes
/// (exit.ts): 0 success, 1 failure, 2 usage error, 3 done with items skipped or left out. Errors
/// are one line per problem on stderr, in words and naming the file, never a stack trace; every
/// line printed is made safe for a terminal (terminalText.ts).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXPORT_FORMATS } from '../core/export/exportFormats.js';
import { openWorkspace } from './openWorkspace.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { describeError } from '../core/fileErrors.js';
import { EXIT_CODES_HELP, EXIT_FAILED, EXIT_OK, EXIT_USAGE, ExitWith } from './exit.js';
import type { CompareOptions } from './compareCommand.js';
import type { ExportOptions } from './exportCommand.js';
import { FOREIGN_FORMATS } from '../core/foreignFormats/foreignFile.js';
import { parseMetaField } from './metaField.js';
import { addEntityCommands } from './entityCommands.js';
import { addStatusCommands } from './statusCommands.js';
import type { MetaField } from '../core/documentDetails.js';
import { say, sayLines, warn, writeLines } from './output.js';
import { printAgreementTable } from './print.js';
import type { SuggestCommandOptions } from './suggestCommand.js';
import type { TagAllCommandOptions } from './tagAllCommand.js';
import { terminalJson } from './terminalText.js';
import { withWritableWorkspace } from './writableWorkspace.js';
import type { ServeOptions } from './serveCommand.js';
import type { importCommand } from './importCommand.js';
import type { deleteCommand, metaImportCommand, metaSetCommand } from './documentCommands.js';
import type { repairCommand } from './repairCommand.js';

export { endQuietlyWhenOutputCloses } from './output.js';

/// Where the CLI finds the built renderer and the seed articles.
export interface CliContext {
  packageRoot: string;
}

/// Runs `awb` with `argv` (without node and script); resolves with the exit code.
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const program = buildProgram(context);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof ExitWith) return error.code;
    warn(`awb: ${describeError(error)}`);
    return EXIT_FAILED;
  }
}

function buildProgram(context: CliContext): Command {
  const program = new Command('awb')
    .description('Annotation Workbench: import, export, check, repair and serve an annotation workspace')
    .version('0.1.0')
    .exitOverride()
    // Before the commands are added, which copy it: usage errors quote what was typed.
    .configureOutput({ writeOut: (text) => writeLines('stdout', text), writeErr: (text) => writeLines('stderr', text) })
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run with --help for usage)');
  const workspaceOption = () =>
    new Option('--workspace <dir>', 'workspace folder (default: $AWB_WORKSPACE, else the app data folder)');
  const configure = (command: Command) => command.addOption(workspaceOption()).exitOverride();

  configure(program.command('import').description('import articles (.txt, .md, .html, .pdf, .docx), exchange files (.awb.json) and other tools\' annotation files (brat folder or .zip, doccano, Prodigy, Label Studio, W3C, CoNLL)'))
    .argument('<files...>', 'article files, exchange files and annotation files (the format told by content)')
    .addOption(new Option('--format <format>', 'the format of every annotation file given').choices(FOREIGN_FORMATS))
    .option('--label-map <FROM=TO>', "use this workspace's label TO for the file's label FROM (FROM= leaves FROM out; repeatable)", collect, [])
    .option('--annotator <name>', 'who made the annotations, when a file does not say')
    .addOption(new Option('--offsets <unit>', "doccano's offset unit (default utf16, as doccano counts)").choices(['codepoints', 'utf16']))
    .addHelpText('after', '\nExit code 3: done, with items of an exchange file skipped (each named on stderr).')
    .action(async (...args: Parameters<typeof importCommand>) => (await import('./importCommand.js')).importCommand(...args));

  configure(program.command('export').description('export annotations (code point offsets) in one of the supported formats'))
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <path>', 'output file (for brat: a folder, or a .zip file; a folder per annotator inside when several are exported)')
    .option('--document <id>', 'only this document (repeatable)', collect, [])
    .option('--annotator <name>', "only this annotator's annotations (repeatable)", collect, [])
    .option('--label <id>', 'only this label (repeatable)', collect, [])
    .option('--no-bom', 'CSV: leave out the UTF-8 byte order mark the file starts with (Excel needs it to read UTF-8)')
    .addHelpText('after', '\nExit code 3: the export was written without the documents whose files are damaged (each named on stderr).')
    .action(async (options: ExportOptions) => (await import('./exportCommand.js')).exportCommand(options));

  addStatusCommands(program, configure);

  const meta = program.command('meta').description("a document's title and metadata (outlet, date, author, URL, language, tags)");
  configure(meta.command('set').description("change one document's title and metadata"))
    .argument('<id>', 'the document (its id, or the start of it as awb list shows it)')
    .option('--title <title>', 'the title')
    .option('--outlet <name>', 'the outlet that published it')
    .option('--published <date>', 'the publication date (2016-12-13, or a date and time)')
    .option('--author <name>', 'the author')
    .option('--url <url>', 'the address it was published at (http or https)')
    .option('--language <tag>', 'its language (en, en-GB)')
    .option('--tag <tag>', 'a tag (repeatable; replaces the tags)', collect, [])
    .option('--clear <field>', 'remove a field (outlet, published, author, url, language, tags; repeatable)', (value: string, previous: MetaField[]) => [...previous, parseMetaField(value)], [] as MetaField[])
    .option('--json', 'print the details as JSON')
    .action(async (...args: Parameters<typeof metaSetCommand>) => (await import('./documentCommands.js')).metaSetCommand(...args));
  configure(meta.command('import').description('apply a metadata sidecar (CSV or JSON, rows keyed by id or sourceName)'))
    .argument('<file>', 'a .csv or .json file')
    .addHelpText('after', '\nExit code 3: applied, with rows left out (each named on stderr).')
    .action(async (...args: Parameters<typeof metaImportCommand>) => (await import('./documentCommands.js')).metaImportCommand(...args));

  configure(program.command('delete').description('delete documents and their annotations, after a backup that holds them'))
    .argument('<ids...>', 'the documents (ids, or their starts as awb list shows them)')
    .action(async (...args: Parameters<typeof deleteCommand>) => (await import('./documentCommands.js')).deleteCommand(...args));

  addEntityCommands(program, configure);

  configure(program.command('search').description('find a phrase (case-insensitive) in every document'))
    .argument('<phrase>', 'the words to find')
    .option('--json', 'print JSON')
    .action(async (phrase: string, options: { workspace?: string; json?: boolean }) => {
      const workspace = await openWorkspace(resolveWorkspaceDir(options.workspace), { readOnly: true });
      const { searchDocuments } = await import('../core/search.js');
      const results = await searchDocuments(workspace, phrase);
      if (options.json) return sayLines(terminalJson(results));
      if (!results.length) say(`"${phrase}" occurs in no document`);
      for (const r of results) {
        say(`${r.title}  (${r.count}×, ${r.id.slice(0, 19)}…)`);
        for (const h of r.hits) say(`    …${h.before}[${h.match}]${h.after}…`);
      }
    });

  configure(program.command('agreement').description('agreement between two annotators on the documents both annotated, and of each with the curated layer of Review'))
    .requiredOption('--a <name>', 'first annotator')
    .requiredOption('--b <name>', 'second annotator')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { workspace?: string; a: string; b: string; json?: boolean }) => {
      const workspace = await openWorkspace(resolveWorkspaceDir(options.workspace), { readOnly: true });
      // One document at a time: only the counts are kept.
      const { AdjudicationTally } = await import('../core/adjudicationAgreement.js');
      const agreement = new AdjudicationTally(options.a, options.b);
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
      const { before, after } = agreement.report();
      if (options.json) sayLines(terminalJson({ ...before, curated: after }));
      else printAgreementTable(before, after);
    });

  configure(program.command('compare').description('figures by measure with their conflicts, quotes by speaker, entities across outlets'))
    .option('--json', 'print JSON (offsets in code points)')
    .option('--document <id>', 'only this document (its id, or the start of it; repeatable)', collect, [])
    .option('--outlet <name>', 'only documents of this outlet (case aside; repeatable)', collect, [])
    .option('--from <date>', 'only documents published on or after this day (2016-12-13)')
    .option('--to <date>', 'only documents published on or before this day')
    .option('--annotator <name>', "only this annotator's annotations (repeatable)", collect, [])
    .option('--label <id>', 'only annotations of this label (repeatable)', collect, [])
    .action(async (options: CompareOptions, command: Command) => (await import('./compareCommand.js')).compareCommand(options, command));

  configure(program.command('suggest').description('suggested figures, quotes (with a speaker), entity mentions and names (code point offsets)'))
    .option('--document <id>', 'only this document (repeatable)', collect, [])
    .option('--label <id>', 'only this label (repeatable)', collect, [])
    .option('--json', 'print JSON: [{ documentId, label, start, end, text, kind, speaker? }]')
    .option('--apply', "accept them all: annotations with origin 'suggestion', quotes linked to their speaker")
    .action(async (options: SuggestCommandOptions) => (await import('./suggestCommand.js')).suggestCommand(options));

  configure(program.command('tag-all').description('tag every whole-word occurrence of a phrase with a label, each missing span once (code point offsets)'))
    .argument('<phrase>', 'the words to tag (case-insensitive unless --case-sensitive)')
    .requiredOption('--label <id>', 'the label to tag them with')
    .option('--document <id>', 'only this document (its id, or the start of it; repeatable; default: every document)', collect, [])
    .option('--case-sensitive', 'only occurrences written in the same case')
    .option('--dry-run', 'change nothing: print what would be tagged')
    .option('--json', "print JSON: [{ documentId, start, end, text, status, annotationId? }], status 'created', 'already tagged', 'to create' or 'not created'")
    .addHelpText('after', '\nExit code 3: done, with documents that could not be changed (each named on stderr).')
    .action(async (phrase: string, options: TagAllCommandOptions) => (await import('./tagAllCommand.js')).tagAllCommand(phrase, options));

  configure(program.command('backups').description('list the snapshots of the workspace, newest first'))
    .option('--json', 'print JSON')
    .action(async (options: { workspace?: string; json?: boolean }) => {
      const workspace = await openWorkspace(resolveWorkspaceDir(options.workspace), { readOnly: true });
      const backups = await workspace.backups();
      if (options.json) return sayLines(terminalJson(backups));
      if (!backups.length) say('(no backups yet)');
      for (const b of backups) say(`${b.name}  ${String(b.documents).padStart(6)} documents`);
    });

  configure(program.command('restore').description('restore a snapshot (after taking a snapshot of the current state)'))
    .argument('<backup>', 'backup name, as listed by "awb backups"')
    .action(async (name: string, options: { workspace?: string }) => {
      const safety = await withWritableWorkspace(resolveWorkspaceDir(options.workspace), 'restore', (workspace) => workspace.restoreBackup(name), true);
      say(`restored ${name}; the state before the restore is backup ${safety.name}`);
    });

  configure(program.command('repair').description('restore damaged files from the newest backup; exit 1 if a document could not be restored'))
    .action(async (...args: Parameters<typeof repairCommand>) => (await import('./repairCommand.js')).repairCommand(...args));

  configure(program.command('check').description('validate every file of the workspace; exit 1 listing the problems'))
    .action(async (options: { workspace?: string }) => {
      const dir = resolveWorkspaceDir(options.workspace);
      const { checkWorkspace } = await import('../core/store/checkWorkspace.js');
      const result = await checkWorkspace(dir);
      for (const note of result.notes) say(`note: ${note}`);
      if (result.problems.length) {
        for (const p of result.problems) warn(`awb check: ${p}`);
        warn(`awb check: ${result.problems.length} problem(s) in ${dir}`);
        if (result.damaged) {
          const { repairCommandLine } = await import('./repairCommand.js');
          warn(`awb check: run "${repairCommandLine(dir)}" (or open the workbench) to move the damaged file(s) aside and restore them from the newest backup`);
        }
        throw new ExitWith(EXIT_FAILED);
      }
      say(`ok: ${result.documents} documents, ${result.annotations} annotations in ${dir}`);
    });

  configure(program.command('serve').description('run the workbench in browser mode on 127.0.0.1, at the address it had last time where it can'))
    .addOption(new Option('--port <n>', "port to listen on (0 picks a free one; default: the workspace's last port, or a free one when that is taken)").argParser(parsePort))
    .option('--new-token', 'serve with a new token: addresses given out before stop working')
    .option('--annotator <name>', 'annotate under this name, recorded as confirmed (the app then does not ask for it)')
    .action(async (options: ServeOptions) => (await import('./serveCommand.js')).serveCommand(options, context));
  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('expected a whole number from 0 to 65535');
  }
  return port;
}
