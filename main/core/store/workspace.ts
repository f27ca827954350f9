/// The workspace store (DESIGN §4): `workspace.json` (labels, annotators, document index) and one
/// `documents/<hex>.json` per article, each a lowdb database over a durable, validated JSON file.
/// Opening for writing takes the workspace lock; reads never need it.
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import {
  DEFAULT_LABELS,
  DocumentFileSchema,
  SCHEMA_VERSION,
  WorkspaceFileSchema,
  type DocumentFile,
  type DocumentSummary,
  type Label,
  type WorkspaceFile,
} from '../model.js';
import { WorkbenchError } from '../errors.js';
import type { ArticleText } from '../text/readArticle.js';
import { DurableJsonFile } from './durableJsonFile.js';
import { KeyedQueue } from './keyedQueue.js';
import { lockWorkspace } from './workspaceLock.js';

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

/// File name of a document's database inside `documents/`.
export function documentFileName(id: string): string {
  return `${id.slice('sha256:'.length)}.json`;
}

/// The name a new workspace gives its first annotator: the OS user name.
export function defaultAnnotator(): string {
  try {
    return userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}

/// An open workspace folder.
export class Workspace {
  private readonly documents = new Map<string, Low<DocumentFile>>();
  private readonly queue = new KeyedQueue();

  private constructor(
    readonly dir: string,
    private readonly index: Low<WorkspaceFile>,
    private readonly release: (() => Promise<void>) | null,
    /// True when this open created the workspace (first run).
    readonly created: boolean,
    /// What opening found and repaired, for the user.
    readonly notices: string[],
  ) {}

  /// Opens (and for writing, creates if needed) the workspace in `dir`.
  static async open(dir: string, options: OpenWorkspaceOptions = {}): Promise<Workspace> {
    const indexPath = join(dir, 'workspace.json');
    if (options.readOnly && !existsSync(indexPath)) {
      throw new WorkspaceError(`no workspace at ${dir} (nothing has been imported there yet)`);
    }
    let release: (() => Promise<void>) | null = null;
    if (!options.readOnly) {
      await mkdir(join(dir, 'documents'), { recursive: true });
      release = await lockWorkspace(dir, options.app ?? 'Annotation Workbench');
    }
    try {
      const index = new Low(new DurableJsonFile(indexPath, WorkspaceFileSchema), emptyWorkspace());
      const created = !existsSync(indexPath);
      await index.read();
      const workspace = new Workspace(dir, index, release, created, []);
      if (!options.readOnly) await workspace.adoptOrphans(created);
      return workspace;
    } catch (error) {
      await release?.();
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

  /// Whether a document with this id is in the workspace.
  hasDocument(id: string): boolean {
    return this.index.data.documents.some((d) => d.id === id);
  }

  /// One document with its annotations and relations.
  async readDocument(id: string): Promise<DocumentFile> {
    return (await this.documentDb(id)).data;
  }

  /// Stores a checked article. The same text a second time is reported as a duplicate, unchanged.
  importArticle(article: ArticleText): Promise<ImportOutcome> {
    this.assertWritable();
    return this.queue.run('workspace.json', async () => {
      const existing = this.index.data.documents.find((d) => d.id === article.id);
      if (existing) return { status: 'duplicate', document: existing };
      const importedAt = new Date().toISOString();
      const file: DocumentFile = {
        schemaVersion: SCHEMA_VERSION,
        document: { id: article.id, title: article.title, sourceName: article.sourceName, text: article.text, importedAt },
        annotations: [],
        relations: [],
      };
      const db = new Low(new DurableJsonFile(this.documentPath(article.id), DocumentFileSchema), file);
      // The document file first: a crash before the index write leaves an orphan that the next
      // open adopts, never an index entry without its file.
      await db.write();
      this.documents.set(article.id, db);
      const summary = summarise(file);
      const next = { ...this.index.data, documents: [...this.index.data.documents, summary] };
      await this.index.adapter.write(next);
      this.index.data = next;
      return { status: 'imported', document: summary, warnings: article.warnings };
    });
  }

  /// Applies `change` to a document and stores the result; resolves once the document (and, when
  /// its label counts changed, the index) is durably on disk. `change` returns a new file rather
  /// than mutating, so a failed write leaves memory as it was on disk.
  updateDocument<T>(id: string, change: (file: DocumentFile) => { file: DocumentFile; result: T }): Promise<T> {
    this.assertWritable();
    return this.queue.run(id, async () => {
      const db = await this.documentDb(id);
      const { file, result } = change(db.data);
      await db.adapter.write(file);
      db.data = file;
      const counts = summarise(file).counts;
      const entry = this.index.data.documents.find((d) => d.id === id);
      if (entry && JSON.stringify(entry.counts) !== JSON.stringify(counts)) {
        await this.updateIndex((index) => ({
          ...index,
          documents: index.documents.map((d) => (d.id === id ? { ...d, counts } : d)),
        }));
      }
      return result;
    });
  }

  /// Applies `change` to `workspace.json` and stores it durably.
  updateIndex(change: (index: WorkspaceFile) => WorkspaceFile): Promise<WorkspaceFile> {
    this.assertWritable();
    return this.queue.run('workspace.json', async () => {
      const next = change(this.index.data);
      await this.index.adapter.write(next);
      this.index.data = next;
      return next;
    });
  }

  /// Waits for pending writes and releases the lock.
  async close(): Promise<void> {
    await this.queue.idle();
    await this.release?.();
  }

  private documentPath(id: string): string {
    return join(this.dir, 'documents', documentFileName(id));
  }

  private async documentDb(id: string): Promise<Low<DocumentFile>> {
    const cached = this.documents.get(id);
    if (cached) return cached;
    if (!this.hasDocument(id)) throw new WorkspaceError(`no document ${id} in this workspace`);
    const db = new Low(new DurableJsonFile(this.documentPath(id), DocumentFileSchema), null as unknown as DocumentFile);
    await db.read();
    if (!db.data) throw new WorkspaceError(`the file for document ${id} is missing from ${join(this.dir, 'documents')}`);
    this.documents.set(id, db);
    return db;
  }

  private assertWritable(): void {
    if (!this.release) throw new WorkspaceError(`workspace ${this.dir} was opened read-only`);
  }

  /// Adds document files that are missing from the index (a crash between the two writes of an
  /// import) and writes a new workspace's index for the first time.
  private async adoptOrphans(created: boolean): Promise<void> {
    const known = new Set(this.index.data.documents.map((d) => documentFileName(d.id)));
    const names = (await readdir(join(this.dir, 'documents'))).filter((n) => /^[0-9a-f]{64}\.json$/.test(n));
    const orphans = names.filter((n) => !known.has(n));
    for (const name of orphans) {
      const db = new Low(new DurableJsonFile(join(this.dir, 'documents', name), DocumentFileSchema), null as unknown as DocumentFile);
      await db.read();
      if (db.data && documentFileName(db.data.document.id) === name) {
        this.index.data.documents.push(summarise(db.data));
        this.notices.push(`recovered "${db.data.document.title}" (${name}), which was missing from the document index`);
      }
    }
    if (created || orphans.length) await this.index.write();
  }
}

/// The index entry for a document file.
export function summarise(file: DocumentFile): DocumentSummary {
  const counts: Record<string, number> = {};
  for (const a of file.annotations) counts[a.label] = (counts[a.label] ?? 0) + 1;
  const { id, title, sourceName, text, importedAt } = file.document;
  return { id, title, sourceName, characters: [...text].length, importedAt, counts };
}

function emptyWorkspace(): WorkspaceFile {
  const annotator = defaultAnnotator();
  return {
    schemaVersion: SCHEMA_VERSION,
    labels: DEFAULT_LABELS.map((l) => ({ ...l })),
    annotators: [annotator],
    currentAnnotator: annotator,
    documents: [],
  };
}
