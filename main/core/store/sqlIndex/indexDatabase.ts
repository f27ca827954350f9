/// The SQLite file beside a workspace's JSON files (`index.sqlite`, DESIGN §4 scale): opened,
/// created with its schema, and told apart when it cannot be trusted (missing, from another
/// version, half-built, truncated or damaged), in which case it is started afresh and rebuilt
/// from the document files. It is a cache: removing it never loses anything.
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EMPTY_DIGEST } from '../workspaceScan.js';
import { COMPARE_SUMMARIES_SCHEMA } from './compareSummaryQuery.js';
import { STATUS_SCHEMA } from './statusQuery.js';
import { sqliteOptions } from './sqliteBinding.js';

/// The index's file name inside the workspace folder.
export const INDEX_FILE = 'index.sqlite';

/// The layout version; an index of another version is rebuilt, never migrated. (2: the full-text
/// table is given words only, see `indexedWords`; 3: the files' digest in `meta`; 4: documents'
/// metadata, outlet and publication date as columns to sort by; 5: each annotation's entity; 6: what
/// Compare asks: code point offsets, a figure's measure, quantity and sentence, and the relations;
/// 7: Compare's summaries, kept by triggers, see `compareSummaryQuery.ts`; 8: the quotes' speakers
/// among them; 9: each annotator's status of each document.)
const INDEX_VERSION = 9;

/// The tokenizer of the full-text index. Combining marks count as parts of words (as letters,
/// digits and private-use characters do), so a decomposed accent does not split a word in two.
const TOKENIZER = `unicode61 remove_diacritics 0 categories 'L* N* Co M*'`;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  source_name TEXT NOT NULL,
  characters INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  counts TEXT NOT NULL,
  annotations INTEGER NOT NULL,
  filter_key TEXT NOT NULL,
  stamp TEXT NOT NULL,
  outlet TEXT,
  published_at TEXT,
  meta TEXT NOT NULL
);
CREATE INDEX documents_by_import ON documents (imported_at, seq);
CREATE INDEX documents_by_title ON documents (title COLLATE NOCASE, seq);
CREATE INDEX documents_by_characters ON documents (characters, seq);
CREATE INDEX documents_by_annotations ON documents (annotations, seq);
CREATE INDEX documents_by_outlet ON documents (outlet COLLATE NOCASE, seq);
CREATE INDEX documents_by_published ON documents (published_at, seq);
CREATE TABLE annotations (
  doc INTEGER NOT NULL,
  id TEXT NOT NULL,
  label TEXT NOT NULL,
  annotator TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  entity TEXT,
  cp_start INTEGER NOT NULL,
  cp_end INTEGER NOT NULL,
  measure TEXT,
  measure_key TEXT,
  quantity TEXT,
  context_before TEXT,
  context_after TEXT,
  PRIMARY KEY (doc, id)
) WITHOUT ROWID;
CREATE INDEX annotations_by_entity ON annotations (entity) WHERE entity IS NOT NULL;
CREATE INDEX annotations_by_annotator ON annotations (annotator);
CREATE INDEX annotations_by_label ON annotations (label);
CREATE INDEX annotations_by_quantity ON annotations (measure) WHERE quantity IS NOT NULL;
CREATE INDEX annotations_by_measure_key ON annotations (measure_key) WHERE quantity IS NOT NULL;
CREATE TABLE relations (
  doc INTEGER NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  from_id TEXT NOT NULL,
  to_id TEXT NOT NULL,
  PRIMARY KEY (doc, id)
) WITHOUT ROWID;
CREATE INDEX relations_by_end ON relations (type, doc, from_id);
CREATE TABLE texts (doc INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE VIRTUAL TABLE text_search USING fts5(text, content='', contentless_delete=1, tokenize="${TOKENIZER}");
${COMPARE_SUMMARIES_SCHEMA}
${STATUS_SCHEMA}
`;

/// An opened index and whether it has to be built from the files before it can be used.
export interface OpenedIndexDatabase {
  db: Database.Database;
  /// Why it is built afresh (for the notice), or null when it can be checked and used.
  rebuild: string | null;
  /// Whether the file is in memory only (the workspace folder cannot be written).
  inMemory: boolean;
}

/// Whether an error says the file is not a usable database (damaged, truncated, not SQLite).
export function isDamagedIndexError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR_SHORT_READ)/.test(code);
}

/// Removes the index's file and its journal files.
export function removeIndexFiles(dir: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(join(dir, INDEX_FILE + suffix), { force: true });
}

/// Opens (creating if needed) `dir`'s index; one that cannot be trusted comes back empty, with the
/// reason it is to be rebuilt. Where the folder cannot be written, the index lives in memory.
export function openIndexDatabase(dir: string): OpenedIndexDatabase {
  const path = join(dir, INDEX_FILE);
  const existed = existsSync(path);
  // A log or shared-memory file without its database belongs to none: never replayed into a new one.
  if (!existed) removeIndexFiles(dir);
  let problem: string | null = null;
  try {
    const db = connect(path);
    const state = trustworthy(db, path);
    if (state === 'ok') return { db, rebuild: null, inMemory: false };
    db.close();
    problem = existed ? state : null;
  } catch (error) {
    if (isReadOnlyError(error)) return { db: createSchema(connect(':memory:')), rebuild: 'the workspace folder cannot be written', inMemory: true };
    if (!isDamagedIndexError(error)) throw error;
    problem = `it is damaged (${(error as Error).message})`;
  }
  removeIndexFiles(dir);
  try {
    const db = createSchema(connect(path));
    return { db, rebuild: problem ? `${INDEX_FILE} ${problem}` : `${INDEX_FILE} is missing`, inMemory: false };
  } catch (error) {
    if (!isReadOnlyError(error)) throw error;
    return { db: createSchema(connect(':memory:')), rebuild: 'the workspace folder cannot be written', inMemory: true };
  }
}

/// Marks a full build as finished: until then a crash leaves an index that the next open rebuilds.
export function markBuilt(db: Database.Database, built: boolean): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run('built', built ? '1' : '0');
}

function connect(path: string): Database.Database {
  // Another process's transaction takes milliseconds (a build: a second or two per batch); one
  // stopped in the middle must not hold a save for long, which goes on without the index.
  const db = new Database(path, { ...sqliteOptions(), timeout: 5_000 });
  // Write-ahead logging: readers (another awb process) never block the writer, and a killed
  // process leaves the database whole. NORMAL sync: a power cut may lose the last transactions
  // of this cache, which the next open's check against the files puts back.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

function createSchema(db: Database.Database): Database.Database {
  db.exec(SCHEMA);
  db.pragma(`user_version = ${INDEX_VERSION}`);
  markBuilt(db, false);
  // An empty index holds no file; each document indexed adds its part (see `WorkspaceIndex.restamp`).
  db.prepare("INSERT INTO meta (key, value) VALUES ('files_digest', ?)").run(EMPTY_DIGEST);
  return db;
}

/// 'ok', or why the file cannot be used as it is.
function trustworthy(db: Database.Database, path: string): 'ok' | string {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === 0) return 'is empty';
  if (version !== INDEX_VERSION) return `has layout ${version}, not ${INDEX_VERSION}`;
  const built = db.prepare("SELECT value FROM meta WHERE key = 'built'").pluck().get();
  if (built !== '1') return 'was left half-built';
  // A truncated file still opens: its header tells how long it should be.
  const expected = sizeInHeader(path);
  if (expected !== null && statSync(path).size < expected) return 'is shorter than its own header says (truncated)';
  db.prepare('SELECT count(*) FROM documents').get();
  return 'ok';
}

/// The size the database file's own header gives it (page size × pages, as of the last write to
/// the main file, which a checkpoint makes; pages only in the write-ahead log come after it), or
/// null when the header does not vouch for its page count.
function sizeInHeader(path: string): number | null {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) < 100) return null;
  } finally {
    closeSync(fd);
  }
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  // The count is valid only when "version-valid-for" matches the change counter.
  if (header.readUInt32BE(92) !== header.readUInt32BE(24)) return null;
  return pageSize * header.readUInt32BE(28);
}

function isReadOnlyError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EROFS' || code === 'EPERM';
}
