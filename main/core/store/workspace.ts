/// The workspace store (DESIGN §4): `workspace.json` (labels, annotators, settings) and one
/// `documents/<hex>.json` per article, each a lowdb database over a durable, validated JSON file,
/// and beside them `index.sqlite`, the SQL index that every question across documents reads
/// (derived from the files, written after each durable save, checked against them on open).
/// Opening for writing takes the workspace lock; reads never need it. Every read and write of an
/// open workspace goes through this one class, so that its queues, lock and caches are in one
/// place (which is why it is long: each method is the one door to its kind of change); opening
/// (`openIndex`), locked writes (`LockedWrites`), backups, recovery and the SQL index
/// (`sqlIndex/`, held through `StoreIndex`) are modules of their own.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DocumentFileSchema,
  EntitiesFileSchema,
  SCHEMA_VERSION,
  WorkspaceFileSchema,
  type DocumentFile,
  type DocumentSummary,
  type EntitiesFile,
  type Entity,
  type Label,
  type WorkspaceFile,
} from '../model.js';
import { SCHEMA_VERSIONS } from './migrations.js';
import { WorkbenchError } from '../errors.js';
import { describeError } from '../fileErrors.js';
import type { ArticleText } from '../text/readArticle.js';
import type { WorkspaceScan } from './workspaceScan.js';
import { backupCopyOf, backupsFolder, copyBackupBack, listBackups, snapshotWorkspace, type BackupInfo } from './backups.js';
import { DamagedFileError, DurableJsonFile, JsonDb, fsyncFolder, readJsonFile, upgradedFrom, writeFileDurably, type BeforeRename } from './durableJsonFile.js';
import { holdsWork, repairFromBackup } from './recovery.js';
import { openIndex } from './openIndex.js';
import { refreshCompareSummaries } from '../compare/compareSummaries.js';
import { openEntities, readEntities } from './openEntities.js';
import { KeyedQueue } from './keyedQueue.js';
import { LockedWrites } from './lockedWrites.js';
import { LOCK_STALE_MS, LockLostError, WorkspaceLock } from './workspaceLock.js';
import { ENTITIES_FILE, documentFileName, summarise } from './workspaceFiles.js';
import type { LibraryPage, LibraryQuery, LibraryRow } from './sqlIndex/libraryQuery.js';
import { INDEX_FILE, isDamagedIndexError } from './sqlIndex/indexDatabase.js';
import type { IndexChange, IndexProgress } from './sqlIndex/indexSync.js';
import { StoreIndex } from './sqlIndex/storeIndex.js';
import type { SearchCandidate, WorkspaceIndex } from './sqlIndex/workspaceIndex.js';

/// Document files an import writes at once.
const PARALLEL_WRITES = 8;

/// How often a changing workspace is snapshotted.
export const BACKUP_INTERVAL_MS = 10 * 60 * 1000;

/// How to open a workspace.
export interface OpenWorkspaceOptions {
  /// Read without taking the lock; every write then throws.
  readOnly?: boolean;
  /// Names the holder in "workspace is open" messages (e.g. "Annotation Workbench", "awb import").
  app?: string;
  /// Told as the SQL index is built from the files (when it is missing or cannot be trusted).
  onIndexProgress?: IndexProgress;
  /// Checks the SQL index against the files after `open` returns rather than before (the app,
  /// whose library should not wait); `indexChecked` tells when the check is done.
  checkIndexInBackground?: boolean;
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

/// The changes `Workspace.exclusive` hands its task: as `updateDocument` and `updateEntities`.
export interface WorkspaceChanges {
  updateDocument<T>(id: string, change: (file: DocumentFile) => { file: DocumentFile; result: T }): Promise<T>;
  updateEntities<T>(change: (entities: Entity[]) => { entities: Entity[]; result: T }): Promise<T>;
}

/// An open workspace folder.
export class Workspace {
  private readonly documents = new Map<string, Promise<JsonDb<DocumentFile>>>();
  private readonly queue = new KeyedQueue();
  private readonly repairs = new Map<string, string>();
  private changedSinceBackup = false;
  private openingBackup: Promise<void> = Promise.resolve();
  private backupTimer: NodeJS.Timeout | null = null;
  /// Null when opened read-only.
  private readonly writes: LockedWrites | null;
  /// How many times everything was read again from disk (another process wrote here, a restore).
  private readFromDisk = 0;
  private closed = false;
  /// When the last document imported by this process was (see `nextImportTime`).
  private lastImportTime = 0;
  /// Settles once the SQL index was checked against the files after opening.
  indexChecked: Promise<void> = Promise.resolve();

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
    private readonly sql: StoreIndex,
    private readonly entityDb: JsonDb<EntitiesFile>,
  ) {
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
    let sql: StoreIndex | null = null;
    try {
      const { index, created, notices } = await openIndex(dir, !options.readOnly);
      sql = StoreIndex.open(dir, notices);
      const entities = await openEntities(dir, !options.readOnly, notices);
      const workspace = new Workspace(dir, index, lock, app, created, notices, sql, entities);
      if (!options.readOnly) await workspace.saveUpgraded('workspace.json', index);
      if (!options.readOnly && !existsSync(indexPath)) await index.adapter.write(index.data, await workspace.writes!.guard());
      // The check's look at the files also tells the opening backup whether anything changed.
      let scanned: Promise<WorkspaceScan | null> = Promise.resolve(null);
      if (!sql.rebuild && options.checkIndexInBackground) {
        const checked = workspace.checkIndex();
        workspace.indexChecked = checked.then(
          () => undefined,
          (error: unknown) => sql!.checkFailed(error),
        );
        scanned = checked.catch(() => null);
      } else if (!sql.rebuild) {
        // Damage the header did not show (a page cut from the middle) shows here.
        const scan = await workspace.checkIndex().catch((error: unknown) => {
          if (!isDamagedIndexError(error)) throw error;
          sql!.restart(`${INDEX_FILE} is damaged (${describeError(error)})`);
          return null;
        });
        scanned = Promise.resolve(scan);
      }
      if (sql.rebuild) {
        const damaged = await sql.build(options.onIndexProgress, created || !existsSync(join(dir, 'documents')));
        // Compare's summaries of the whole corpus, which a build leaves stale: worked out from
        // every figure and mention at once now rather than at the first Compare (which does it
        // when another process's write kept them from it here).
        sql.update((index) => void refreshCompareSummaries(index.db));
        await workspace.repairDamaged(damaged);
      }
      if (!options.readOnly) {
        // In the background: the library need not wait for the copy; close() and backups() do.
        if (workspace.documentCount()) {
          workspace.openingBackup = scanned.then((scan) => snapshotWorkspace(dir, { unlessUnchanged: true, scan: scan ?? undefined })).then(
            () => undefined,
            (error: unknown) => void workspace.notices.push(`the backup taken on opening failed: ${describeError(error)}`),
          );
        }
        workspace.backupTimer = setInterval(() => void workspace.backupIfChanged(), BACKUP_INTERVAL_MS);
        workspace.backupTimer.unref();
      }
      return workspace;
    } catch (error) {
      sql?.close();
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

  /// Whether `workspace.json` records that the current annotator's name was confirmed.
  get annotatorConfirmed(): boolean {
    return this.index.data.annotatorConfirmed === true;
  }

  /// Everyone who has annotated here.
  get annotators(): string[] {
    return this.index.data.annotators;
  }

  /// The workspace's entities (DESIGN §10), in the order they were made.
  get entities(): Entity[] {
    return this.entityDb.data.entities;
  }

  /// Applies `change` to the entity list and stores it durably; resolves with what `change` returns.
  updateEntities<T>(change: (entities: Entity[]) => { entities: Entity[]; result: T }): Promise<T> {
    this.assertWritable();
    return this.writes!.run('entities.json', (guard) => this.changeEntities(change, guard));
  }

  /// Runs `task` with no other change of the workspace running, once the SQL index was checked:
  /// a change that spans documents and the entity list (an entity merge or delete, their undo),
  /// which no link made meanwhile may slip between. `task` makes its changes through the
  /// `WorkspaceChanges` it is given (queued ones would wait for `task` itself).
  async exclusive<T>(task: (changes: WorkspaceChanges) => Promise<T>): Promise<T> {
    this.assertWritable();
    await this.indexChecked;
    return this.writes!.runAlone((guard) =>
      task({
        updateDocument: (id, change) => this.changeDocument(id, change, guard),
        updateEntities: (change) => this.changeEntities(change, guard),
      }),
    );
  }

  private async changeEntities<T>(change: (entities: Entity[]) => { entities: Entity[]; result: T }, guard: BeforeRename): Promise<T> {
    const { entities, result } = change(this.entityDb.data.entities);
    const next = { ...this.entityDb.data, entities };
    await this.entityDb.adapter.write(next, guard);
    this.entityDb.data = next;
    this.changedSinceBackup = true;
    return result;
  }

  /// Where each of `entityIds` is named: the annotations linked to it, by document.
  entityMentions(entityIds: string[]): { docId: string; annotationId: string; entityId: string }[] {
    return this.sql.ask((sql) => sql.entityMentions(entityIds));
  }

  /// How many annotations are linked to each entity in each document.
  entityCounts(): { entityId: string; docId: string; mentions: number }[] {
    return this.sql.ask((sql) => sql.entityCounts());
  }

  /// Each distinct entity, document, annotator and label of the annotations linked to an entity.
  entityLinks(): { entityId: string; docId: string; annotator: string; label: string }[] {
    return this.sql.ask((sql) => sql.entityLinks());
  }

  /// Every document's summary, in import order (from the SQL index; never reads document files).
  listDocuments(): DocumentSummary[] {
    return this.sql.ask((sql) => sql.listDocuments());
  }

  /// Every document's id, in import order.
  documentIds(): string[] {
    return this.sql.ask((sql) => sql.documentIds());
  }

  /// How many documents there are.
  documentCount(): number {
    return this.sql.ask((sql) => sql.documentCount());
  }

  /// One page of the library, sorted and filtered (see `LibraryQuery`), with the status and own
  /// annotations of `query.annotator` (by default the current annotator) in each row.
  async libraryPage(query: LibraryQuery): Promise<LibraryPage> {
    return this.sql.ask((sql) => sql.libraryPage(query, query.annotator ?? this.currentAnnotator));
  }

  /// Documents that may hold the phrase `words` (see `WorkspaceIndex.searchCandidates`).
  searchCandidates(words: string[], offset: number, limit: number): SearchCandidate[] {
    return this.sql.ask((sql) => sql.searchCandidates(words, offset, limit));
  }

  /// The documents imported from a file of this name.
  documentIdsNamed(sourceName: string): string[] {
    return this.sql.ask((sql) => sql.documentIdsNamed(sourceName));
  }

  /// Every outlet a document names, with how many do.
  outlets(): { outlet: string; documents: number }[] {
    return this.sql.ask((sql) => sql.outlets());
  }

  /// Asks the SQL index (`read` runs on its database) once it was checked against the files: the
  /// questions across documents that Compare asks.
  async queryIndex<T>(read: (db: WorkspaceIndex['db']) => T): Promise<T> {
    await this.indexChecked;
    return this.sql.ask((sql) => read(sql.db));
  }

  /// Annotations per annotator over every document, once the index was checked.
  async annotationsByAnnotator(): Promise<Map<string, number>> {
    await this.indexChecked;
    return this.sql.ask((sql) => sql.annotationsByAnnotator());
  }

  /// The summaries of those of `ids` that are in the workspace, in that order.
  documentSummaries(ids: string[]): DocumentSummary[] {
    return this.sql.ask((sql) => ids.map((id) => sql.documentSummary(id)).filter((d) => d !== null));
  }

  /// The library rows of those of `ids` that are in the workspace, in that order, with the
  /// current annotator's status.
  libraryRows(ids: string[]): LibraryRow[] {
    return this.sql.ask((sql) => sql.libraryRows(ids, this.currentAnnotator));
  }

  /// Annotations per label over every document.
  labelCounts(): Record<string, number> {
    return this.sql.ask((sql) => sql.labelCounts());
  }

  /// Whether a document with this id is in the workspace.
  hasDocument(id: string): boolean {
    return this.sql.ask((sql) => sql.hasDocument(id));
  }

  /// One document with its annotations and relations.
  async readDocument(id: string): Promise<DocumentFile> {
    return (await this.documentDb(id)).data;
  }

  /// A document already loaded by `readDocument`, without reading anything; `undefined` otherwise.
  loadedDocument(id: string): Promise<DocumentFile> | undefined {
    return this.documents.get(id)?.then((db) => db.data);
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

  /// Takes a snapshot now (`unlessUnchanged`: returns the newest one when no file changed since).
  async backup({ unlessUnchanged = false } = {}): Promise<BackupInfo> {
    this.assertWritable();
    await this.openingBackup;
    await this.queue.idle();
    // Not while another process holds the workspace (its pruning could remove that one's snapshots).
    await this.writes!.guard();
    this.changedSinceBackup = false;
    return snapshotWorkspace(this.dir, { unlessUnchanged });
  }

  /// Deletes documents, after a snapshot that holds them (named in the result, for `undelete`).
  /// Each leaves the index before its file goes: a crash in between leaves a file that the next
  /// open indexes again (the delete undone, with a notice), never a document lost unasked.
  async deleteDocuments(ids: string[]): Promise<{ backup: string; deleted: DocumentSummary[] }> {
    this.assertWritable();
    const deleted = this.documentSummaries([...new Set(ids)]);
    const unknown = ids.filter((id) => !deleted.some((d) => d.id === id));
    if (unknown.length) throw new WorkspaceError(`no document ${unknown.join(', ')} in this workspace`);
    // The newest snapshot will do when nothing changed since it: one a delete would push older
    // ones out of the twenty kept.
    const backup = await this.backup({ unlessUnchanged: true });
    for (const { id } of deleted) {
      await this.writes!.run(id, async (guard) => {
        await guard();
        this.sql.update((sql) => sql.removeDocument(id));
        await rm(this.documentPath(id), { force: true });
        this.documents.delete(id);
      });
    }
    await fsyncFolder(join(this.dir, 'documents'));
    this.changedSinceBackup = true;
    return { backup: backup.name, deleted };
  }

  /// Puts deleted documents back from the snapshot `backup` that holds them (`deleteDocuments`'
  /// own); resolves with those put back (a document imported again meanwhile is left as it is).
  async undeleteDocuments(ids: string[], backup: string): Promise<string[]> {
    this.assertWritable();
    const restored: string[] = [];
    for (const id of new Set(ids)) {
      if (this.hasDocument(id)) continue;
      const copy = backupCopyOf(this.dir, backup, join('documents', documentFileName(id)));
      const file = await readJsonFile(copy, DocumentFileSchema, 'document').catch((error: unknown) => {
        throw new WorkspaceError(`backup ${backup} holds no valid copy of document ${id} (${describeError(error)})`);
      });
      if (!file) throw new WorkspaceError(`backup ${backup} holds no copy of document ${id}`);
      await this.writes!.run(id, async (guard) => {
        await writeFileDurably(this.documentPath(id), JSON.stringify(file), guard);
        this.sql.update((sql) => sql.putDocument(file, this.stampOf(id)));
      });
      this.changedSinceBackup = true;
      restored.push(id);
    }
    return restored;
  }

  /// Replaces the workspace by a snapshot, after taking a snapshot of the current state (returned).
  async restoreBackup(name: string): Promise<BackupInfo> {
    this.assertWritable();
    const source = join(backupsFolder(this.dir), name);
    if (!(await this.backups()).some((b) => b.name === name)) throw new WorkspaceError(`no backup named ${name}`);
    if (!(await readJsonFile(join(source, 'workspace.json'), WorkspaceFileSchema, 'workspace').catch(() => null))) {
      throw new WorkspaceError(`backup ${name} has no valid workspace.json`);
    }
    // Its entities.json too (a backup from before entities has none): one of a newer schema or
    // damaged would be refused (or repaired from another backup) only after every document
    // had been put back, and the list of entities held here would be emptied.
    const entities = await readJsonFile(join(source, ENTITIES_FILE), EntitiesFileSchema, 'entities').then(
      () => null,
      (error: unknown) => describeError(error),
    );
    if (entities !== null) throw new WorkspaceError(`backup ${name} has an entities.json that cannot be read (${entities})`);
    await this.openingBackup;
    // Alone, the safety snapshot included: no change may fall between it and the restore.
    await this.indexChecked;
    return this.writes!.runAlone(async (guard) => {
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
        await readEntities(this.entityDb, this.dir, true, this.notices);
        // Whatever reached the folder, the index follows it (a backup from before version 2
        // holds a workspace.json with the document list, which reading it migrated).
        await this.checkIndex(async (_id, change) => change());
      }
      await this.saveUpgraded('workspace.json', this.index);
      return safety;
    });
  }

  /// Stores a checked article. The same text a second time is reported as a duplicate, unchanged.
  async importArticle(article: ArticleText): Promise<ImportOutcome> {
    return (await this.importArticles([article]))[0];
  }

  /// Stores checked articles: each document file, then its entry in the SQL index. A text already
  /// in the workspace (or earlier in the batch) is reported as a duplicate. Resolves once every
  /// file is on disk. Files are written a few at a time (each write waits mostly for its flush to
  /// the disk); imports run one batch at a time, so two cannot both add one text.
  importArticles(articles: ArticleText[]): Promise<ImportOutcome[]> {
    this.assertWritable();
    return this.writes!.run('documents', async (guard) => {
      const summaries = new Map<string, DocumentSummary>();
      const fresh = new Map<string, ArticleText>();
      for (const article of articles) {
        if (fresh.has(article.id) || summaries.has(article.id)) continue;
        // Told by the file, not the index alone: an index behind its files must never let an
        // import write over a document that exists.
        const existing = existsSync(this.documentPath(article.id)) ? await this.existingSummary(article.id) : null;
        if (existing) summaries.set(article.id, existing);
        else fresh.set(article.id, article);
      }
      const batch = [...fresh.values()];
      for (let i = 0; i < batch.length; i += PARALLEL_WRITES) {
        const written = await Promise.allSettled(batch.slice(i, i + PARALLEL_WRITES).map((article) => this.writeNewDocument(article, this.nextImportTime(), guard)));
        // Indexed in the order given (which is the library's order for the same import time),
        // and also when another write of the group failed: what reached the disk is listed.
        for (const outcome of written) {
          if (outcome.status !== 'fulfilled') continue;
          const file = outcome.value;
          this.sql.update((sql) => sql.putDocument(file, this.stampOf(file.document.id)));
          summaries.set(file.document.id, summarise(file));
        }
        const failed = written.find((outcome) => outcome.status === 'rejected');
        if (failed) throw failed.reason;
      }
      return articles.map((article): ImportOutcome => {
        const document = summaries.get(article.id)!;
        // The first of several copies in the batch is the one imported.
        if (fresh.get(article.id) !== article) return { status: 'duplicate', document };
        fresh.delete(article.id);
        return { status: 'imported', document, warnings: article.warnings };
      });
    });
  }

  /// The summary of a document whose file exists, indexing it if the index lacks it.
  private async existingSummary(id: string): Promise<DocumentSummary | null> {
    const indexed = this.sql.ask((sql) => sql.documentSummary(id));
    if (indexed) return indexed;
    let file: DocumentFile | null;
    try {
      file = await readJsonFile(this.documentPath(id), DocumentFileSchema, 'document');
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      // Repaired from a backup, or moved aside (then the import writes it anew).
      file = await this.documentDb(id, error.problems.join('; ')).then((db) => db.data, () => null);
    }
    if (!file) return null;
    this.sql.update((sql) => sql.putDocument(file, this.stampOf(id)));
    return summarise(file);
  }

  /// The import time of the next document: now, or a millisecond after the previous one, so that
  /// the library's import order (by this time) is the order articles were given in, also after
  /// the index is rebuilt from the files.
  private nextImportTime(): string {
    this.lastImportTime = Math.max(Date.now(), this.lastImportTime + 1);
    return new Date(this.lastImportTime).toISOString();
  }

  /// Writes a new document's file (indexed after it: a crash in between leaves a file that the
  /// next open's check indexes, never an entry without its file).
  private async writeNewDocument(article: ArticleText, importedAt: string, guard: BeforeRename): Promise<DocumentFile> {
    const file: DocumentFile = {
      schemaVersion: SCHEMA_VERSION,
      document: { id: article.id, title: article.title, sourceName: article.sourceName, text: article.text, importedAt, meta: article.meta },
      annotations: [],
      relations: [],
    };
    const db = new JsonDb(new DurableJsonFile(this.documentPath(article.id), DocumentFileSchema), file);
    await db.adapter.write(file, guard);
    this.changedSinceBackup = true;
    this.documents.set(article.id, Promise.resolve(db));
    return file;
  }

  /// Applies `change` to a document and stores the result; resolves once the document (and, when
  /// its label counts changed, the index) is durably on disk. `change` returns a new file rather
  /// than mutating, so a failed write leaves memory as it was on disk.
  updateDocument<T>(id: string, change: (file: DocumentFile) => { file: DocumentFile; result: T }): Promise<T> {
    this.assertWritable();
    return this.writes!.run(id, (guard) => this.changeDocument(id, change, guard));
  }

  private async changeDocument<T>(id: string, change: (file: DocumentFile) => { file: DocumentFile; result: T }, guard: BeforeRename): Promise<T> {
    const db = await this.documentDb(id);
    const before = db.data;
    const { file, result } = change(before);
    await db.adapter.write(file, guard);
    db.data = file;
    this.changedSinceBackup = true;
    // The index follows in the same step, once the file is durable; a crash in between leaves
    // a file whose stamp differs from the index's, which the next open indexes again.
    this.sql.update((sql) => sql.updateDocument(before, file, this.stampOf(id)));
    return result;
  }

  /// Applies `change` to `workspace.json` and stores it durably.
  updateIndex(change: (index: WorkspaceFile) => WorkspaceFile): Promise<WorkspaceFile> {
    this.assertWritable();
    return this.writes!.run('workspace.json', async (guard) => {
      const next = change(this.index.data);
      await this.index.adapter.write(next, guard);
      this.index.data = next;
      this.changedSinceBackup = true;
      return next;
    });
  }

  /// Writes `content` as the small file `name` beside `workspace.json` (the suggestions one
  /// dismissed, say), durably and under the lock, after the writes queued for that file.
  writeSideFile(name: string, content: string): Promise<void> {
    this.assertWritable();
    return this.writes!.run(name, (guard) => writeFileDurably(join(this.dir, name), content, guard));
  }

  /// Replaces the label list once `check` accepts it, given how many annotations use each label
  /// it removes (counted in the SQL index, which every save updates before it is acknowledged),
  /// with every other change waiting, so that none can use a label as it is removed.
  async updateLabels(labels: Label[], check: (usage: Record<string, number>) => void): Promise<Label[]> {
    this.assertWritable();
    await this.indexChecked;
    return this.writes!.runAlone(async (guard) => {
      const kept = new Set(labels.map((l) => l.id));
      const removed = this.index.data.labels.filter((l) => !kept.has(l.id)).map((l) => l.id);
      check(this.sql.ask((sql) => sql.labelUsage(removed)));
      // Written here, not through updateIndex: that would wait for this task.
      const next = { ...this.index.data, labels };
      await this.index.adapter.write(next, guard);
      this.index.data = next;
      this.changedSinceBackup = true;
      return labels;
    });
  }

  /// Waits for pending writes, takes a snapshot when anything changed since the last one (so a
  /// workspace changed only by short-lived commands has backups too) and releases the lock.
  async close(): Promise<void> {
    this.closed = true;
    if (this.backupTimer) clearInterval(this.backupTimer);
    try {
      await this.openingBackup;
      await this.indexChecked;
      await this.queue.idle();
      if (this.writes && this.changedSinceBackup && !this.writes.lost) await snapshotWorkspace(this.dir, { unlessUnchanged: true });
    } finally {
      this.sql.close();
      this.writes?.release();
    }
  }

  /// After another process wrote here: what this one holds in memory may be older than the files.
  private async readAgain(guard: BeforeRename): Promise<void> {
    // What this process holds in memory may be older than what the other one wrote.
    this.readFromDisk++;
    this.documents.clear();
    await this.index.read();
    await readEntities(this.entityDb, this.dir, true, this.notices);
    await this.saveUpgraded('workspace.json', this.index, guard);
    // Already in the queue that a change of the index would wait for: made directly.
    await this.checkIndex(async (_id, change) => change());
    this.notices.push(
      `another program wrote to this workspace while this one was paused or busy for more than ${LOCK_STALE_MS / 1000} s; ` +
        'everything was read again from disk before the next change was saved (reopen documents to see their changes)',
    );
  }

  /// Writes back `workspace.json` read in an older schema and migrated, after taking a backup.
  /// (A document file of an older schema is read migrated and written in the current schema at
  /// its next save: writing each back as it is read would cost a snapshot a document, and waiting
  /// for the opening backup inside a document's queue could wait on that queue itself.)
  private async saveUpgraded<T extends object>(relativePath: string, db: JsonDb<T>, guard?: BeforeRename): Promise<void> {
    const from = upgradedFrom.get(db.data);
    if (from === undefined || !this.writes) return;
    const backup = await snapshotWorkspace(this.dir);
    await db.adapter.write(db.data, guard ?? (await this.writes.guard()));
    upgradedFrom.delete(db.data);
    this.notices.push(`upgraded ${relativePath} from schema ${from} to ${SCHEMA_VERSIONS.workspace}; the previous state is backup ${backup.name}`);
  }

  private async backupIfChanged(): Promise<void> {
    if (!this.changedSinceBackup) return;
    // Told as a notice, which the app shows when it next looks (its saves go on regardless).
    await this.backup().catch((error: unknown) => void this.notices.push(`the automatic backup failed: ${describeError(error)}`));
  }

  /// Brings the SQL index in line with the document files; `change` runs each fix (by default in
  /// the document's queue, so that it never interleaves with a save of it). What it found that
  /// the user should know is told as notices.
  /// Resolves with the scan of the files the comparison took.
  private async checkIndex(change: IndexChange = (id, fix) => this.queue.run(id, fix)): Promise<WorkspaceScan> {
    const { gone, scan } = await this.sql.check(change);
    await this.restoreGone(gone);
    return scan;
  }

  /// Documents whose files are gone are restored from the newest backup holding them (a file
  /// deleted by mistake), or else removed from the library; the repair's notice says which.
  private async restoreGone(ids: string[]): Promise<void> {
    for (const id of ids) {
      if (!this.writes) {
        this.notices.push(`documents/${documentFileName(id)} is missing; open the workspace for writing (the app, or awb repair) to restore it from a backup`);
        continue;
      }
      await this.documentDb(id).catch(() => undefined);
    }
  }

  /// Repairs, from the backups, the document files that a build of the index could not read.
  private async repairDamaged(damaged: { id: string; problem: string }[]): Promise<void> {
    for (const { id, problem } of damaged) {
      if (!this.writes) {
        this.notices.push(`documents/${documentFileName(id)} is damaged (${problem}); open the workspace for writing (the app, or awb repair) to restore it from a backup`);
        continue;
      }
      await this.documentDb(id, problem).catch(() => undefined); // the repair's own notice says what happened
    }
  }

  /// The stamp of a document's file as it is now on disk.
  private stampOf(id: string): string {
    return this.sql.stamp(this.documentPath(id));
  }

  private documentPath(id: string): string {
    return join(this.dir, 'documents', documentFileName(id));
  }

  private documentDb(id: string, knownDamage?: string): Promise<JsonDb<DocumentFile>> {
    let loading = this.documents.get(id);
    if (!loading) {
      loading = this.loadDocument(id, knownDamage);
      this.documents.set(id, loading);
      loading.catch(() => this.documents.delete(id));
    }
    return loading;
  }

  /// Reads a document file; in a writable workspace a damaged one is repaired from the backups.
  /// `knownDamage` is for a file that the index's build found damaged (and so does not list).
  private async loadDocument(id: string, knownDamage?: string): Promise<JsonDb<DocumentFile>> {
    // The file tells first: reading never depends on the index, which only says whether a
    // missing file is a document to restore.
    if (knownDamage === undefined && !existsSync(this.documentPath(id)) && !this.hasDocument(id)) throw new WorkspaceError(`no document ${id} in this workspace`);
    const relativePath = join('documents', documentFileName(id));
    const db = new JsonDb(new DurableJsonFile(join(this.dir, relativePath), DocumentFileSchema, 'document'), null as unknown as DocumentFile);
    let problem: string | null = null;
    try {
      await db.read();
    } catch (error) {
      if (!this.writes || !(error instanceof DamagedFileError)) throw error;
      problem = error.problems.join('; ');
    }
    if (knownDamage !== undefined) problem ??= knownDamage;
    if (!db.data || problem !== null) {
      if (!this.writes) throw new WorkspaceError(`the file for document ${id} is missing from ${join(this.dir, 'documents')}`);
      const repair = await repairFromBackup(this.dir, relativePath, problem, DocumentFileSchema);
      this.notices.push(repair.message);
      this.repairs.set(id, repair.message);
      if (!repair.restored) {
        this.sql.update((sql) => sql.removeDocument(id));
        throw new WorkspaceError(`${repair.message} The document was removed from the library.`);
      }
      await db.read();
      this.sql.update((sql) => sql.putDocument(db.data, this.stampOf(id)));
    }
    return db;
  }

  private assertWritable(): void {
    if (!this.writes) throw new WorkspaceError(`workspace ${this.dir} was opened read-only`);
    if (this.closed) throw new WorkspaceError(`workspace ${this.dir} was closed`);
  }
}

