/// The workspace store (DESIGN §4): `workspace.json` (labels, annotators, document index) and one
/// `documents/<hex>.json` per article, each a lowdb database over a durable, validated JSON file.
/// Opening for writing takes the workspace lock; reads never need it. Every read and write of an
/// open workspace goes through this one class, so that its queues, lock and caches are in one
/// place; opening (`openIndex`), locked writes (`LockedWrites`), backups, recovery and the index's
/// reconciliation are modules of their own.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DocumentFileSchema,
  SCHEMA_VERSION,
  WorkspaceFileSchema,
  type DocumentFile,
  type DocumentSummary,
  type Label,
  type WorkspaceFile,
} from '../model.js';
import { WorkbenchError } from '../errors.js';
import { describeError } from '../fileErrors.js';
import type { ArticleText } from '../text/readArticle.js';
import { backupsFolder, copyBackupBack, listBackups, snapshotWorkspace, type BackupInfo } from './backups.js';
import { DamagedFileError, DurableJsonFile, JsonDb, readJsonFile, upgradedFrom, type BeforeRename } from './durableJsonFile.js';
import { holdsWork, repairFromBackup } from './recovery.js';
import { openIndex } from './openIndex.js';
import { TextIndex } from './textIndex.js';
import { KeyedQueue } from './keyedQueue.js';
import { LockedWrites } from './lockedWrites.js';
import { LOCK_STALE_MS, LockLostError, WorkspaceLock } from './workspaceLock.js';
import { reconcileIndex } from './reconcileIndex.js';
import { documentFileName, summarise } from './workspaceFiles.js';
import type { LibraryPage, LibraryQuery } from './sqlIndex/libraryQuery.js';

/// How long the index on disk may lag behind annotation counts held in memory.
const INDEX_WRITE_DELAY_MS = 500;

/// How often a changing workspace is snapshotted.
export const BACKUP_INTERVAL_MS = 10 * 60 * 1000;

/// How to open a workspace.
export interface OpenWorkspaceOptions {
  /// Read without taking the lock; every write then throws.
  readOnly?: boolean;
  /// Names the holder in "workspace is open" messages (e.g. "Annotation Workbench", "awb import").
  app?: string;
}

/// What importing one article did.
export type ImportOutcome =
  | { status: 'imported'; document: DocumentSummary; warnings: string[] }
  | { status: 'duplicate'; document: DocumentSummary };

/// Raised for a workspace that does not exist when reading, or for a write to a read-only one.
export class WorkspaceError extends WorkbenchError {
  constructor(message: string) {
    super('workspace', message);
    this.name = 'WorkspaceError';
  }
}

/// An open workspace folder.
export class Workspace {
  private readonly documents = new Map<string, Promise<JsonDb<DocumentFile>>>();
  private readonly queue = new KeyedQueue();
  private readonly repairs = new Map<string, string>();
  private changedSinceBackup = false;
  private indexBehind = false;
  private indexTimer: NodeJS.Timeout | null = null;
  private openingBackup: Promise<void> = Promise.resolve();
  private texts: TextIndex;
  private backupTimer: NodeJS.Timeout | null = null;
  /// Null when opened read-only.
  private readonly writes: LockedWrites | null;
  /// How many times everything was read again from disk (another process wrote here, a restore).
  private readFromDisk = 0;
  private closed = false;

  private constructor(
    readonly dir: string,
    private readonly index: JsonDb<WorkspaceFile>,
    lock: WorkspaceLock | null,
    app: string,
    /// True when the workspace holds no work yet: this open created it (first run), or every
    /// command before changed nothing; the app then imports the seed articles.
    readonly created: boolean,
    /// What opening found and repaired, for the user.
    readonly notices: string[],
  ) {
    this.texts = new TextIndex(dir);
    this.writes = lock && new LockedWrites(lock, app, this.queue, (guard) => this.readAgain(guard));
  }

  /// Opens (and for writing, creates if needed) the workspace in `dir`.
  static async open(dir: string, options: OpenWorkspaceOptions = {}): Promise<Workspace> {
    const indexPath = join(dir, 'workspace.json');
    if (options.readOnly && !existsSync(indexPath)) {
      throw new WorkspaceError(
        (await holdsWork(dir))
          ? `${indexPath} is missing; open the workspace for writing (the app, or any awb command that changes it) to restore it from a backup or rebuild it from the document files`
          : `no workspace at ${dir} (nothing has been imported there yet)`,
      );
    }
    const app = options.app ?? 'Annotation Workbench';
    let lock: WorkspaceLock | null = null;
    if (!options.readOnly) {
      await mkdir(join(dir, 'documents'), { recursive: true });
      lock = await WorkspaceLock.acquire(dir, app);
    }
    try {
      const { index, created, rebuild, notices } = await openIndex(dir, !options.readOnly);
      const workspace = new Workspace(dir, index, lock, app, created, notices);
      if (!options.readOnly) await workspace.saveUpgraded('workspace.json', index);
      if (!options.readOnly) {
        await workspace.reconcileIndex(created || rebuild);
        if (rebuild) await workspace.refreshSummaries();
        // In the background: the library need not wait for the copy; close() and backups() do.
        if (workspace.listDocuments().length) {
          workspace.openingBackup = snapshotWorkspace(dir, { unlessUnchanged: true }).then(
            () => undefined,
            (error: unknown) => void workspace.notices.push(`the backup taken on opening failed: ${describeError(error)}`),
          );
        }
        workspace.backupTimer = setInterval(() => void workspace.backupIfChanged(), BACKUP_INTERVAL_MS);
        workspace.backupTimer.unref();
      }
      return workspace;
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  /// Labels in display order.
  get labels(): Label[] {
    return this.index.data.labels;
  }

  /// The name new annotations are made under.
  get currentAnnotator(): string {
    return this.index.data.currentAnnotator;
  }

  /// Everyone who has annotated here.
  get annotators(): string[] {
    return this.index.data.annotators;
  }

  /// The document index, in import order; never reads document files.
  listDocuments(): DocumentSummary[] {
    return this.index.data.documents;
  }

  /// The document index once every change queued so far (counts included) is in it.
  async settledDocuments(): Promise<DocumentSummary[]> {
    await this.queue.run('workspace.json', async () => undefined);
    return this.index.data.documents;
  }

  /// Every document's id, in import order.
  documentIds(): string[] {
    return this.index.data.documents.map((d) => d.id);
  }

  /// One page of the library, sorted and filtered (see `LibraryQuery`).
  async libraryPage(query: LibraryQuery): Promise<LibraryPage> {
    const all = await this.settledDocuments();
    const wanted = (query.filter ?? '').trim().toLowerCase();
    const matching = wanted ? all.filter((d) => `${d.title}\n${d.sourceName}`.toLowerCase().includes(wanted)) : [...all];
    const total = (d: DocumentSummary) => Object.values(d.counts).reduce((a, b) => a + b, 0);
    const by: Record<string, (a: DocumentSummary, b: DocumentSummary) => number> = {
      imported: () => 0,
      title: (a, b) => a.title.localeCompare(b.title),
      characters: (a, b) => a.characters - b.characters,
      annotations: (a, b) => total(a) - total(b),
    };
    matching.sort(by[query.sort ?? 'imported']);
    if (query.descending) matching.reverse();
    const documents = matching.slice(query.offset, query.offset + query.limit).map(({ importedAt: _importedAt, ...listed }) => listed);
    return { total: matching.length, all: all.length, offset: query.offset, documents };
  }

  /// Whether a document with this id is in the workspace.
  hasDocument(id: string): boolean {
    return this.index.data.documents.some((d) => d.id === id);
  }

  /// One document with its annotations and relations.
  async readDocument(id: string): Promise<DocumentFile> {
    return (await this.documentDb(id)).data;
  }

  /// A document already loaded by `readDocument`, without reading anything; `undefined` otherwise.
  loadedDocument(id: string): Promise<DocumentFile> | undefined {
    return this.documents.get(id)?.then((db) => db.data);
  }

  /// The folded texts of every document, for search (loaded on first use).
  async textIndex(): Promise<{ index: TextIndex; ids: string[] }> {
    const ids = this.index.data.documents.map((d) => d.id);
    await this.texts.load(ids, async (id) => (await this.readDocument(id)).document.text, !!this.writes);
    return { index: this.texts, ids };
  }

  /// The message about a repair of this document's file, once, if it was repaired when read.
  takeRepairNotice(id: string): string | undefined {
    const message = this.repairs.get(id);
    this.repairs.delete(id);
    return message;
  }

  /// Snapshots, newest first.
  async backups(): Promise<BackupInfo[]> {
    await this.openingBackup;
    return listBackups(this.dir);
  }

  /// Takes a snapshot now.
  async backup(): Promise<BackupInfo> {
    this.assertWritable();
    await this.openingBackup;
    await this.queue.idle();
    await this.writeIndexIfBehind();
    // Not while another process holds the workspace (its pruning could remove that one's snapshots).
    await this.writes!.guard();
    this.changedSinceBackup = false;
    return snapshotWorkspace(this.dir);
  }

  /// Replaces the workspace by a snapshot, after taking a snapshot of the current state (returned).
  async restoreBackup(name: string): Promise<BackupInfo> {
    this.assertWritable();
    const source = join(backupsFolder(this.dir), name);
    if (!(await this.backups()).some((b) => b.name === name)) throw new WorkspaceError(`no backup named ${name}`);
    if (!(await readJsonFile(join(source, 'workspace.json'), WorkspaceFileSchema).catch(() => null))) {
      throw new WorkspaceError(`backup ${name} has no valid workspace.json`);
    }
    await this.openingBackup;
    // Alone, the safety snapshot included: no change may fall between it and the restore.
    return this.writes!.runAlone(async (guard) => {
      if (this.indexBehind) {
        await this.index.adapter.write(this.index.data, guard);
        this.indexBehind = false;
      }
      const safety = await snapshotWorkspace(this.dir);
      try {
        await copyBackupBack(this.dir, name, guard);
      } catch (error) {
        if (error instanceof LockLostError) throw error;
        throw new WorkspaceError(
          `the restore of backup ${name} stopped half-way (${describeError(error)}); every file is whole, ` +
            `and the state before the restore is backup ${safety.name}`,
        );
      } finally {
        this.readFromDisk++;
        this.documents.clear();
        await this.index.read();
        this.indexBehind = false;
      }
      return safety;
    });
  }

  /// Stores a checked article. The same text a second time is reported as a duplicate, unchanged.
  async importArticle(article: ArticleText): Promise<ImportOutcome> {
    return (await this.importArticles([article]))[0];
  }

  /// Stores checked articles: each document file, then the index once for the whole batch, so a
  /// batch costs one index write rather than one per article. A text already in the workspace (or
  /// earlier in the batch) is reported as a duplicate. Resolves once everything is on disk.
  importArticles(articles: ArticleText[]): Promise<ImportOutcome[]> {
    this.assertWritable();
    return this.writes!.run('workspace.json', async (guard) => {
      const known = new Map(this.index.data.documents.map((d) => [d.id, d]));
      const added: DocumentSummary[] = [];
      const outcomes: ImportOutcome[] = [];
      try {
        for (const article of articles) {
          const existing = known.get(article.id);
          if (existing) {
            outcomes.push({ status: 'duplicate', document: existing });
            continue;
          }
          const file: DocumentFile = {
            schemaVersion: SCHEMA_VERSION,
            document: { id: article.id, title: article.title, sourceName: article.sourceName, text: article.text, importedAt: new Date().toISOString() },
            annotations: [],
            relations: [],
          };
          const db = new JsonDb(new DurableJsonFile(this.documentPath(article.id), DocumentFileSchema), file);
          // Document files first: a crash before the index write leaves files that the next open
          // adopts, never an index entry without its file.
          await db.adapter.write(file, guard);
          this.documents.set(article.id, Promise.resolve(db));
          const summary = summarise(file);
          known.set(article.id, summary);
          added.push(summary);
          outcomes.push({ status: 'imported', document: summary, warnings: article.warnings });
        }
      } finally {
        // Also after a failed write: index what did reach the disk.
        if (added.length) {
          const next = { ...this.index.data, documents: [...this.index.data.documents, ...added] };
          await this.index.adapter.write(next, guard);
          this.index.data = next;
          this.indexBehind = false;
          this.changedSinceBackup = true;
        }
      }
      const texts = new Map(articles.map((a) => [a.id, a.text]));
      await this.texts.add(added.map((d) => ({ id: d.id, text: texts.get(d.id)! })));
      return outcomes;
    });
  }

  /// Applies `change` to a document and stores the result; resolves once the document (and, when
  /// its label counts changed, the index) is durably on disk. `change` returns a new file rather
  /// than mutating, so a failed write leaves memory as it was on disk.
  updateDocument<T>(id: string, change: (file: DocumentFile) => { file: DocumentFile; result: T }): Promise<T> {
    this.assertWritable();
    return this.writes!.run(id, async (guard) => {
      const db = await this.documentDb(id);
      const { file, result } = change(db.data);
      await db.adapter.write(file, guard);
      db.data = file;
      this.changedSinceBackup = true;
      const counts = summarise(file).counts;
      const readFromDisk = this.readFromDisk;
      // The counts are derived from the document just written, so the change is acknowledged
      // now and the index on disk catches up a moment later; an open after a crash recounts the
      // documents newer than the index. (In the index's queue, so no index write loses them.)
      void this.queue.run('workspace.json', async () => {
        // Counts from before the workspace was read again (see regainLock) are out of date.
        if (readFromDisk !== this.readFromDisk) return;
        const entry = this.index.data.documents.find((d) => d.id === id);
        if (!entry || JSON.stringify(entry.counts) === JSON.stringify(counts)) return;
        this.index.data = { ...this.index.data, documents: this.index.data.documents.map((d) => (d.id === id ? { ...d, counts } : d)) };
        this.indexBehind = true;
        this.scheduleIndexWrite();
      });
      return result;
    });
  }

  /// Applies `change` to `workspace.json` and stores it durably.
  updateIndex(change: (index: WorkspaceFile) => WorkspaceFile): Promise<WorkspaceFile> {
    this.assertWritable();
    return this.writes!.run('workspace.json', async (guard) => {
      const next = change(this.index.data);
      await this.index.adapter.write(next, guard);
      this.index.data = next;
      this.indexBehind = false;
      this.changedSinceBackup = true;
      return next;
    });
  }

  /// Replaces the label list once `check` accepts it, given how many annotations use each label
  /// it removes. Counted in the document files themselves (the index's counts lag behind saves),
  /// with every other change waiting, so that none can use a label as it is removed.
  updateLabels(labels: Label[], check: (usage: Record<string, number>) => void): Promise<Label[]> {
    this.assertWritable();
    return this.writes!.runAlone(async (guard) => {
      const kept = new Set(labels.map((l) => l.id));
      const removed = new Set(this.index.data.labels.filter((l) => !kept.has(l.id)).map((l) => l.id));
      const usage: Record<string, number> = {};
      // Every acknowledged change is on disk: the queue is idle while this runs.
      for (const { id } of removed.size ? this.index.data.documents : []) {
        const file = await readJsonFile(this.documentPath(id), DocumentFileSchema, 'document');
        for (const a of file?.annotations ?? []) if (removed.has(a.label)) usage[a.label] = (usage[a.label] ?? 0) + 1;
      }
      check(usage);
      // Written here, not through updateIndex: that would wait for this task.
      const next = { ...this.index.data, labels };
      await this.index.adapter.write(next, guard);
      this.index.data = next;
      this.changedSinceBackup = true;
      return labels;
    });
  }

  /// Writes the index soon if its counts changed in memory only.
  private scheduleIndexWrite(): void {
    if (this.indexTimer) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = null;
      void this.writeIndexIfBehind().catch((error: unknown) => {
        console.error(`could not update workspace.json, will retry: ${String(error)}`);
        this.scheduleIndexWrite();
      });
    }, INDEX_WRITE_DELAY_MS);
    this.indexTimer.unref();
  }

  private writeIndexIfBehind(): Promise<void> {
    return this.writes!.run('workspace.json', async (guard) => {
      if (!this.indexBehind) return;
      await this.index.adapter.write(this.index.data, guard);
      this.indexBehind = false;
    });
  }

  /// Waits for pending writes, takes a snapshot when anything changed since the last one (so a
  /// workspace changed only by short-lived commands has backups too) and releases the lock.
  async close(): Promise<void> {
    this.closed = true;
    if (this.backupTimer) clearInterval(this.backupTimer);
    if (this.indexTimer) clearTimeout(this.indexTimer);
    try {
      await this.openingBackup;
      await this.queue.idle();
      if (this.writes) {
        await this.writeIndexIfBehind();
        if (this.changedSinceBackup && !this.writes.lost) await snapshotWorkspace(this.dir, { unlessUnchanged: true });
      }
    } finally {
      this.writes?.release();
    }
  }

  /// After another process wrote here: what this one holds in memory may be older than the files.
  private async readAgain(guard: BeforeRename): Promise<void> {
    // What this process holds in memory may be older than what the other one wrote.
    this.readFromDisk++;
    this.documents.clear();
    this.texts = new TextIndex(this.dir);
    await this.index.read();
    this.indexBehind = false;
    await this.reconcileIndex(false, guard);
    this.notices.push(
      `another program wrote to this workspace while this one was paused or busy for more than ${LOCK_STALE_MS / 1000} s; ` +
        'everything was read again from disk before the next change was saved (reopen documents to see their changes)',
    );
  }

  /// Writes back a file that was read in an older schema and migrated, after taking a backup.
  private async saveUpgraded<T extends object>(relativePath: string, db: JsonDb<T>): Promise<void> {
    const from = upgradedFrom.get(db.data);
    if (from === undefined) return;
    const backup = await snapshotWorkspace(this.dir);
    await db.adapter.write(db.data, await this.writes!.guard());
    upgradedFrom.delete(db.data);
    this.notices.push(`upgraded ${relativePath} from schema ${from} to ${SCHEMA_VERSION}; the previous state is backup ${backup.name}`);
  }

  private async backupIfChanged(): Promise<void> {
    if (!this.changedSinceBackup) return;
    // Told as a notice, which the app shows when it next looks (its saves go on regardless).
    await this.backup().catch((error: unknown) => void this.notices.push(`the automatic backup failed: ${describeError(error)}`));
  }

  /// Recomputes every index entry from its document file (after the index was restored).
  private async refreshSummaries(): Promise<void> {
    const documents: DocumentSummary[] = [];
    for (const entry of this.index.data.documents) {
      const file = await this.documentDb(entry.id).then((db) => db.data).catch(() => null);
      if (file) documents.push(summarise(file));
    }
    await this.updateIndex((index) => ({ ...index, documents }));
  }

  private documentPath(id: string): string {
    return join(this.dir, 'documents', documentFileName(id));
  }

  private documentDb(id: string): Promise<JsonDb<DocumentFile>> {
    let loading = this.documents.get(id);
    if (!loading) {
      loading = this.loadDocument(id);
      this.documents.set(id, loading);
      loading.catch(() => this.documents.delete(id));
    }
    return loading;
  }

  /// Reads a document file; in a writable workspace a damaged one is repaired from the backups.
  private async loadDocument(id: string): Promise<JsonDb<DocumentFile>> {
    if (!this.hasDocument(id)) throw new WorkspaceError(`no document ${id} in this workspace`);
    const relativePath = join('documents', documentFileName(id));
    const db = new JsonDb(new DurableJsonFile(join(this.dir, relativePath), DocumentFileSchema, 'document'), null as unknown as DocumentFile);
    let problem: string | null = null;
    try {
      await db.read();
    } catch (error) {
      if (!this.writes || !(error instanceof DamagedFileError)) throw error;
      problem = error.problems.join('; ');
    }
    if (!db.data || problem !== null) {
      if (!this.writes) throw new WorkspaceError(`the file for document ${id} is missing from ${join(this.dir, 'documents')}`);
      const repair = await repairFromBackup(this.dir, relativePath, problem, DocumentFileSchema);
      this.notices.push(repair.message);
      this.repairs.set(id, repair.message);
      // The index follows without being waited for: this may run inside a write that a
      // `runAlone` task waits for, which the index's queue would wait for in turn.
      const indexLater = (change: (index: WorkspaceFile) => WorkspaceFile) =>
        void this.updateIndex(change).catch((error: unknown) => this.notices.push(`could not update workspace.json after a repair: ${describeError(error)}`));
      if (!repair.restored) {
        indexLater((index) => ({ ...index, documents: index.documents.filter((d) => d.id !== id) }));
        throw new WorkspaceError(`${repair.message} The document was removed from the library.`);
      }
      await db.read();
      const counts = summarise(db.data).counts;
      indexLater((index) => ({ ...index, documents: index.documents.map((d) => (d.id === id ? { ...d, counts } : d)) }));
    }
    if (this.writes) await this.saveUpgraded(relativePath, db);
    return db;
  }

  private assertWritable(): void {
    if (!this.writes) throw new WorkspaceError(`workspace ${this.dir} was opened read-only`);
    if (this.closed) throw new WorkspaceError(`workspace ${this.dir} was closed`);
  }

  /// Brings the index in line with the document files after a crash (see `reconcileIndex`).
  private async reconcileIndex(force: boolean, guard?: BeforeRename): Promise<void> {
    const { documents, recovered, changed } = await reconcileIndex(this.dir, this.index.data.documents);
    for (const title of recovered) this.notices.push(title);
    if (!changed && !force) return;
    const next = { ...this.index.data, documents };
    await this.index.adapter.write(next, guard ?? (await this.writes!.guard()));
    this.index.data = next;
  }
}

