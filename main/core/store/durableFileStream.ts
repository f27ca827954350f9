/// Files too big to hold as one string (an export of a whole corpus) written durably piece by
/// piece: into a temp file next to the target, every byte checked (a short write is continued, a
/// write that makes no progress is an error), the size checked, flushed, renamed over the target,
/// then the folder flushed, as `writeFileDurably` does for a file in memory. Each write is awaited
/// before the caller makes the next piece, so memory holds one piece, not the file. On any failure
/// the temp file is removed and the target is untouched. Like the store's writes, this goes through
/// `fs`'s callback functions looked up at call time, so the fault-injection tests reach it.
import fs from 'node:fs';
import { dirname } from 'node:path';
import { errnoWords } from '../fileErrors.js';
import { fsCall, fsyncFolder, isErrno, SaveFailedError, shortWrite, writeAllAt } from './durableJsonFile.js';

/// Pieces smaller than this are gathered into one write(2): a document's CSV rows can be a few
/// hundred bytes, and a system call for each would cost more than copying them.
const WRITE_BATCH_BYTES = 1 << 20;

let tempCounter = 0;

/// A path next to `path` (same folder, so the same disk for the rename) that no other write uses.
/// It says what it is, for anyone who finds one left by a process that was killed.
export function partialPathFor(path: string): string {
  return `${path}.partial-${process.pid}-${++tempCounter}`;
}

/// One file being written; `commit` makes it the target's content, `discard` drops it.
export class DurableFileStream {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private written = 0;
  private state: 'open' | 'committed' | 'discarded' = 'open';

  private constructor(
    /// The file this stream replaces once committed.
    readonly path: string,
    /// Where the bytes go until then.
    readonly tempPath: string,
    private fd: number | null,
  ) {}

  /// Starts writing the new content of `path` (nothing at `path` changes before `commit`).
  static async create(path: string): Promise<DurableFileStream> {
    const temp = partialPathFor(path);
    try {
      return new DurableFileStream(path, temp, await fsCall<number>((done) => fs.open(temp, 'wx', 0o644, done)));
    } catch (error) {
      throw asSaveFailed(path, error);
    }
  }

  /// Bytes taken so far.
  get size(): number {
    return this.written + this.pendingBytes;
  }

  /// Appends `piece` (text as UTF-8). Resolves once it is written or batched, so a caller that
  /// awaits each write never has more than a batch and one piece in memory. A byte array must not
  /// change after it is passed.
  async write(piece: string | Uint8Array): Promise<void> {
    if (this.state !== 'open') throw new Error(`${this.path}: write after the file was ${this.state}`);
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (!bytes.length) return;
    if (bytes.length >= WRITE_BATCH_BYTES) {
      await this.flushBatch();
      await this.writeBytes(bytes);
      return;
    }
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= WRITE_BATCH_BYTES) await this.flushBatch();
  }

  /// Flushes the file and renames it over `path`; on failure the temp file is removed.
  async commit(): Promise<void> {
    if (this.state !== 'open') throw new Error(`${this.path}: commit after the file was ${this.state}`);
    try {
      await this.flushBatch();
      const fd = this.fd!;
      const size = (await fsCall<fs.Stats>((done) => fs.fstat(fd, done))).size;
      if (size !== this.written) throw shortWrite(this.tempPath, `the temporary file holds ${size} of ${this.written} bytes`);
      await fsCall((done) => fs.fsync(fd, done));
      this.fd = null;
      await fsCall((done) => fs.close(fd, done));
      await fsCall((done) => fs.rename(this.tempPath, this.path, done));
      this.state = 'committed';
    } catch (error) {
      await this.discard();
      throw asSaveFailed(this.path, error);
    }
    // The file is complete at its path now; a folder that cannot be flushed is said, not thrown
    // (as in `writeFileDurably`).
    await fsyncFolder(dirname(this.path)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EINVAL' && error.code !== 'ENOTSUP') console.error(`could not flush the folder of ${this.path} to disk (${errnoWords(error)}); the file is saved`);
    });
  }

  /// Closes and removes the temp file; `path` stays as it was. Safe to call more than once.
  async discard(): Promise<void> {
    if (this.state === 'committed') return;
    this.state = 'discarded';
    this.pending = [];
    this.pendingBytes = 0;
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) await fsCall((done) => fs.close(fd, done)).catch(() => undefined);
    await fs.promises.rm(this.tempPath, { force: true }).catch(() => undefined);
  }

  private async flushBatch(): Promise<void> {
    if (!this.pendingBytes) return;
    const batch = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.writeBytes(batch);
  }

  private async writeBytes(bytes: Uint8Array): Promise<void> {
    try {
      await writeAllAt(this.fd!, bytes, this.written, this.tempPath);
    } catch (error) {
      throw asSaveFailed(this.path, error);
    }
    this.written += bytes.length;
  }
}

/// Writes a file that does not exist yet (in a folder of the caller's own making) and flushes it,
/// without a temp file: every byte, size checked, fsync. On failure the file is removed.
export async function writeNewFileFlushed(path: string, content: string | Uint8Array): Promise<void> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let fd: number | null = null;
  try {
    fd = await fsCall<number>((done) => fs.open(path, 'wx', 0o644, done));
    const opened = fd;
    await writeAllAt(opened, bytes, 0, path);
    const size = (await fsCall<fs.Stats>((done) => fs.fstat(opened, done))).size;
    if (size !== bytes.length) throw shortWrite(path, `the file holds ${size} of ${bytes.length} bytes`);
    await fsCall((done) => fs.fsync(opened, done));
    fd = null;
    await fsCall((done) => fs.close(opened, done));
  } catch (error) {
    if (fd !== null) fs.close(fd, () => undefined);
    await fs.promises.rm(path, { force: true }).catch(() => undefined);
    throw asSaveFailed(path, error);
  }
}

/// Runs `produce` over a new `DurableFileStream` for `path` and commits what it wrote; if
/// `produce` (or the commit) fails, nothing is left at the temp path and `path` is untouched.
export async function writeFileStreamDurably<T>(path: string, produce: (out: DurableFileStream) => Promise<T>): Promise<T> {
  const out = await DurableFileStream.create(path);
  try {
    const result = await produce(out);
    await out.commit();
    return result;
  } catch (error) {
    await out.discard();
    throw error;
  }
}

/// A file system error as a failed save of `path` (the file the user named, not the temp file).
function asSaveFailed(path: string, error: unknown): unknown {
  return isErrno(error) ? new SaveFailedError(path, error, 'could not write') : error;
}

