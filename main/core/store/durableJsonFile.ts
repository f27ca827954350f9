/// A lowdb adapter for one JSON file that is validated on every read and written durably:
/// every byte to a temp file, size checked, fsync, rename, then fsync of the folder so the rename
/// survives a power cut. A file that fails to parse or validate is reported, never overwritten here.
import fs from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { WorkbenchError } from '../errors.js';
import { errnoWords } from '../fileErrors.js';
import { describeSchemaError } from '../model.js';
import { SCHEMA_VERSIONS, migrate, type FileKind } from './migrations.js';

/// A workspace file that exists but cannot be used as it is.
export class DamagedFileError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`${path} is damaged: ${problems.join('; ')}`);
    this.name = 'DamagedFileError';
  }
}

/// Files read through a migration-aware read that were upgraded to the current schema, with the
/// version they had; the store backs up and writes these.
export const upgradedFrom = new WeakMap<object, number>();

/// Reads and validates `path`; `null` when it does not exist. With `kind`, an older schema version
/// is migrated first (see `upgradedFrom`), and a newer one is refused without calling it damaged.
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>, kind?: FileKind): Promise<T | null> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseJsonFile(path, raw, schema, kind);
}

/// Parses and validates the content `raw` of `path` as `readJsonFile` does.
export function parseJsonFile<T>(path: string, raw: string, schema: z.ZodType<T>, kind?: FileKind): T {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    const hint = raw.length === 0 ? 'the file is empty' : raw.includes('\u0000') ? 'the file contains NUL bytes' : 'not valid JSON';
    throw new DamagedFileError(path, [`${hint} (${(error as Error).message})`]);
  }
  const migrated = kind ? migrate(path, kind, json) : { json, from: null };
  const result = schema.safeParse(migrated.json);
  if (!result.success) throw new DamagedFileError(path, describeSchemaError(result.error));
  if (kind && migrated.from !== SCHEMA_VERSIONS[kind]) upgradedFrom.set(result.data as object, migrated.from!);
  return result.data;
}

/// A write that did not reach the disk; the file still holds its previous content.
export class SaveFailedError extends WorkbenchError {
  constructor(
    readonly path: string,
    override readonly cause: NodeJS.ErrnoException,
    what = 'could not save',
  ) {
    super('save-failed', `${what} ${path}: ${errnoWords(cause)}`);
    this.name = 'SaveFailedError';
  }
}

/// Called after the new content is on disk in its temp file and right before the rename that
/// makes it the file's content; throwing cancels the write (the workspace checks its lock here).
export type BeforeRename = () => Promise<void> | void;

let tempCounter = 0;

/// Writes `content` so that after a crash the file holds either the old or the new content.
/// Every byte is written (a short write is continued, a write that makes no progress is an
/// error), the temp file's size is checked, flushed and renamed over `path`, and the folder is
/// flushed. The rename replaces `path` itself, so a symbolic link there is replaced, not followed.
/// On any failure the temp file is removed and `path` is untouched.
export async function writeFileDurably(path: string, content: string | Uint8Array, beforeRename?: BeforeRename): Promise<void> {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let attempt = 1; ; attempt++) {
    try {
      await writeTempAndRename(path, data, beforeRename);
      break;
    } catch (error) {
      // The temp file vanished before its rename: a process that took over this workspace's
      // stale lock (this one was paused) removed it as a crash's leftover. Written again.
      if (attempt < 3 && error instanceof SaveFailedError && error.cause.code === 'ENOENT' && error.cause.syscall === 'rename') continue;
      throw error;
    }
  }
  // After the rename the file holds the new content, so a failure here is not a failed save (the
  // caller would keep the old content in memory and write it back with the next change): the
  // rename may not survive a power cut, which is said, not thrown. File systems that cannot flush
  // a folder (some network and FUSE ones) say EINVAL or ENOTSUP; nothing more can be done there.
  await fsyncFolder(dirname(path)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EINVAL' && error.code !== 'ENOTSUP') console.error(`could not flush the folder of ${path} to disk (${errnoWords(error)}); the file is saved`);
  });
}

/// One attempt of `writeFileDurably`: the temp file written, checked, flushed and renamed.
async function writeTempAndRename(path: string, data: Uint8Array, beforeRename?: BeforeRename): Promise<void> {
  // Digits only: removeStaleTempFiles knows temp files by `<name>.json.<digits>`.
  const temp = `${path}.${process.pid}${String(++tempCounter).padStart(6, '0')}`;
  let fd: number | null = null;
  try {
    fd = await fsCall<number>((done) => fs.open(temp, 'wx', 0o644, done));
    await writeAllAt(fd, data, 0, temp);
    const size = (await fsCall<fs.Stats>((done) => fs.fstat(fd!, done))).size;
    if (size !== data.length) throw shortWrite(temp, `the temporary file holds ${size} of ${data.length} bytes`);
    await fsCall((done) => fs.fsync(fd!, done));
    const closing = fd;
    fd = null;
    await fsCall((done) => fs.close(closing, done));
    await beforeRename?.();
    await fsCall((done) => fs.rename(temp, path, done));
  } catch (error) {
    if (fd !== null) fs.close(fd, () => undefined);
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    throw isErrno(error) ? new SaveFailedError(path, error) : error;
  }
}

/// Whether `error` is one the file system raised (not one of ours, which carry codes too).
export function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && !(error instanceof WorkbenchError) && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/// Writes `data` at `position` of `fd`. write(2) may write fewer bytes than asked (a nearly full
/// disk does): continue from where it stopped until every byte is written or the disk reports
/// why it cannot take more.
export async function writeAllAt(fd: number, data: Uint8Array, position: number, path: string): Promise<void> {
  for (let offset = 0; offset < data.length; ) {
    const written = await fsCall<number>((done) => fs.write(fd, data, offset, data.length - offset, position + offset, done));
    if (!(written > 0)) throw shortWrite(path, `the disk took no more bytes after ${position + offset}`);
    offset += written;
  }
}

/// The error for a write the disk took only part of (as the system's own ENOSPC reads).
export function shortWrite(path: string, detail: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: ${detail}, write '${path}'`), { code: 'ENOSPC', syscall: 'write', path });
}

/// Calls a callback-style `fs` function looked up at call time (so tests can inject faults).
export function fsCall<T = void>(run: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
}

/// Writes `data` as JSON, durably.
export function writeJsonFileDurably(path: string, data: unknown, beforeRename?: BeforeRename): Promise<void> {
  return writeFileDurably(path, JSON.stringify(data), beforeRename);
}

/// Flushes a folder's entries (the rename) to disk. Node cannot open a folder on Windows, so
/// there this is skipped (and a rename is as durable as NTFS's journal makes it).
export async function fsyncFolder(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/// The adapter: `Low<T>` over a validated, durably written JSON file.
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly kind?: FileKind,
  ) {}

  read(): Promise<T | null> {
    return readJsonFile(this.path, this.schema, this.kind);
  }

  /// Writes `data`; `beforeRename` may still cancel the write once it is on disk (see `BeforeRename`).
  write(data: T, beforeRename?: BeforeRename): Promise<void> {
    return writeJsonFileDurably(this.path, data, beforeRename);
  }
}

/// A lowdb database over a `DurableJsonFile`, whose writes can take a `BeforeRename` check.
export class JsonDb<T> extends Low<T> {
  declare adapter: DurableJsonFile<T>;
}
