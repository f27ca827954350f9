/// The SQL index as the store holds it: opened (started afresh when it cannot be trusted), built
/// or checked against the document files, asked questions that report a damaged file in words,
/// and updated after durable writes without ever failing the save. A damaged index is removed on
/// close, so the next open rebuilds it. What the user should know goes to the store's notices.
import { statSync } from 'node:fs';
import { WorkbenchError } from '../../errors.js';
import { describeError } from '../../fileErrors.js';
import { INDEX_FILE, isDamagedIndexError, openIndexDatabase, removeIndexFiles } from './indexDatabase.js';
import { buildIndex, checkIndex, type IndexChange, type IndexProgress } from './indexSync.js';
import type { WorkspaceScan } from '../workspaceScan.js';
import { stampOf, WorkspaceIndex } from './workspaceIndex.js';

/// A question met a damaged index.
export class IndexDamagedError extends WorkbenchError {
  constructor(cause: unknown) {
    super(
      'workspace',
      `the document index (${INDEX_FILE}) is damaged (${describeError(cause)}); it is rebuilt from the document files the next time the workspace is opened, and no document or annotation is lost`,
    );
    this.name = 'IndexDamagedError';
  }
}

/// The index of one open workspace.
export class StoreIndex {
  private damaged = false;
  private writeFailed = false;

  private constructor(
    private readonly dir: string,
    private sql: WorkspaceIndex,
    private readonly notices: string[],
    /// Why it has to be built from the files before use, or null when a check will do.
    public rebuild: string | null,
  ) {}

  /// Opens `dir`'s index.
  static open(dir: string, notices: string[]): StoreIndex {
    const opened = openIndexDatabase(dir);
    return new StoreIndex(dir, new WorkspaceIndex(opened.db), notices, opened.rebuild);
  }

  /// Runs a question; a damaged index is reported as such (and rebuilt at the next open).
  ask<T>(read: (sql: WorkspaceIndex) => T): T {
    try {
      return read(this.sql);
    } catch (error) {
      if (!isDamagedIndexError(error)) throw error;
      this.damaged = true;
      throw new IndexDamagedError(error);
    }
  }

  /// Follows a durable write of the files. A failure does not fail the save, which is on disk: the
  /// index is a cache, and the next open brings it up to date from the files (their stamps no
  /// longer match it). The user is told once.
  update(write: (sql: WorkspaceIndex) => void): void {
    try {
      write(this.sql);
    } catch (error) {
      this.updateFailed(error);
    }
  }

  /// The stamp of a file as it is now on disk (what `update` records with a document).
  stamp(path: string): string {
    return stampOf(statSync(path));
  }

  /// Compares the index with the files and indexes what differs; `change` runs each fix (see
  /// `IndexChange`). A fix that cannot be written (the index busy or full) is told, not thrown.
  /// Resolves with the indexed documents whose files are gone, and the scan of the files that
  /// the comparison took; throws when the index is damaged.
  async check(change: IndexChange): Promise<{ gone: string[]; scan: WorkspaceScan }> {
    const fixQuietly: IndexChange = (id, fix) => change(id, () => fix().catch((error: unknown) => this.updateFailed(error)));
    const found = await checkIndex(this.dir, this.sql, fixQuietly);
    for (const title of found.added) this.notices.push(`indexed "${title}", whose file the document index did not list`);
    if (found.updated) this.notices.push(`the document index was brought up to date for ${found.updated} document(s) whose files changed since it was written`);
    return { gone: found.gone, scan: found.scan };
  }

  /// Tells a failed check in the background (a damaged index is rebuilt at the next open).
  checkFailed(error: unknown): void {
    if (isDamagedIndexError(error)) this.damaged = true;
    this.notices.push(`could not check the document index: ${describeError(error)}`);
  }

  /// Starts afresh from an empty index, to be built (damage a check met at opening).
  restart(reason: string): void {
    this.sql.close();
    removeIndexFiles(this.dir);
    this.sql = new WorkspaceIndex(openIndexDatabase(this.dir).db);
    this.rebuild = reason;
  }

  /// Builds the index from every document file (told as a notice unless `quietly`); resolves
  /// with the files that could not be read, and why.
  async build(onProgress: IndexProgress | undefined, quietly: boolean): Promise<{ id: string; problem: string }[]> {
    const { damaged } = await buildIndex(this.dir, this.sql, onProgress);
    if ((damaged.length || !quietly) && this.rebuild) this.notices.push(`the document index was built from the document files (${this.rebuild})`);
    this.rebuild = null;
    return damaged;
  }

  /// Closes the index; a damaged one is removed, to be rebuilt at the next open.
  close(): void {
    this.sql.close();
    if (this.damaged) removeIndexFiles(this.dir);
  }

  private updateFailed(error: unknown): void {
    if (isDamagedIndexError(error)) this.damaged = true;
    if (this.writeFailed) return;
    this.writeFailed = true;
    this.notices.push(
      `could not update the document index (${describeError(error)}); every change is saved in the document files, but the library and search may miss the latest ones until the workspace is next opened`,
    );
  }
}
