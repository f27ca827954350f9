/// A lowdb adapter for one JSON file that is validated on every read and written durably:
/// temp file, fsync, rename (write-file-atomic), then fsync of the folder so the rename survives
/// a power cut. A file that fails to parse or validate is reported, never overwritten here.
import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { WorkbenchError } from '../errors.js';
import { SCHEMA_VERSION, describeSchemaError } from '../model.js';
import { migrate, type FileKind } from './migrations.js';

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
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    const hint = raw.length === 0 ? 'the file is empty' : raw.includes('\u0000') ? 'the file contains NUL bytes' : 'not valid JSON';
    throw new DamagedFileError(path, [`${hint} (${(error as Error).message})`]);
  }
  const migrated = kind ? migrate(path, kind, json) : { json, from: SCHEMA_VERSION };
  const result = schema.safeParse(migrated.json);
  if (!result.success) throw new DamagedFileError(path, describeSchemaError(result.error));
  if (migrated.from !== SCHEMA_VERSION) upgradedFrom.set(result.data as object, migrated.from);
  return result.data;
}

/// A write that did not reach the disk; the file still holds its previous content.
export class SaveFailedError extends WorkbenchError {
  constructor(
    readonly path: string,
    override readonly cause: NodeJS.ErrnoException,
  ) {
    super('save-failed', `could not save ${path}: ${explainErrno(cause)}`);
    this.name = 'SaveFailedError';
  }
}

const ERRNO_TEXT: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many open files',
  EBUSY: 'the file is in use by another program',
};

function explainErrno(error: NodeJS.ErrnoException): string {
  const text = error.code ? ERRNO_TEXT[error.code] : undefined;
  return text ? `${text} (${error.code})` : error.message;
}

/// Writes `content` so that after a crash the file holds either the old or the new content.
export async function writeFileDurably(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, typeof content === 'string' ? content : Buffer.from(content), { fsync: true });
    await fsyncFolder(dirname(path));
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code ? new SaveFailedError(path, error as NodeJS.ErrnoException) : error;
  }
}

/// Writes `data` as JSON, durably.
export function writeJsonFileDurably(path: string, data: unknown): Promise<void> {
  return writeFileDurably(path, JSON.stringify(data));
}

/// Flushes a folder's entries (the rename) to disk. Windows cannot open folders; there the
/// rename is already durable once MoveFileEx returns with write-through, so this is skipped.
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

  write(data: T): Promise<void> {
    return writeJsonFileDurably(this.path, data);
  }
}
