/// Where a brat export's files go, one document's files at a time: a folder, or a zip streamed
/// into one durably written file. Either way nothing at the output changes until every file is
/// written: the folder's files are written and flushed in a staging folder inside it and moved
/// in at the end; the zip is a temp file renamed over the output (`DurableFileStream`).
import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Zip, ZipPassThrough } from 'fflate';
import { WorkbenchError } from '../errors.js';
import { errnoWords } from '../fileErrors.js';
import { fsyncFolder, isErrno, SaveFailedError } from '../store/durableJsonFile.js';
import { DurableFileStream, partialPathFor, writeNewFileFlushed } from '../store/durableFileStream.js';

/// The files of a brat export on their way to the output.
export interface BratOutput {
  /// Writes one file (`path` relative to the export, from `bratDocumentFiles`: no separators).
  add(path: string, content: string): Promise<void>;
  /// Makes the files the output's.
  commit(): Promise<void>;
  /// Drops everything written; the output is as it was.
  discard(): Promise<void>;
}

/// Whether a brat export to `out` is a zip rather than a folder.
export function isZipPath(out: string): boolean {
  return out.toLowerCase().endsWith('.zip');
}

/// The output for a brat export to `out`: a zip when it ends in `.zip`, else a folder.
export function openBratOutput(out: string): Promise<BratOutput> {
  return isZipPath(out) ? BratZip.create(out) : BratFolder.create(out);
}

/// A brat export into a folder (created if missing). Files already there with other names stay;
/// files with the same names are replaced.
class BratFolder implements BratOutput {
  private readonly names: string[] = [];

  private constructor(
    private readonly folder: string,
    private readonly staging: string,
    /// The outermost folder this export created (removed again if it fails), or null.
    private readonly created: string | null,
  ) {}

  static async create(out: string): Promise<BratFolder> {
    const folder = resolve(out);
    try {
      const created = (await mkdir(folder, { recursive: true })) ?? null;
      // Inside the output folder, so the final moves stay on one disk even when the folder is a
      // mount point; the leading dot keeps it clear of document names, which never start with one.
      const staging = partialPathFor(join(folder, '.awb-export'));
      await mkdir(staging);
      return new BratFolder(folder, staging, created);
    } catch (error) {
      throw isErrno(error) ? new SaveFailedError(folder, error, 'could not write') : error;
    }
  }

  async add(path: string, content: string): Promise<void> {
    try {
      await writeNewFileFlushed(join(this.staging, path), content);
    } catch (error) {
      // Named by the folder the user chose, not by the staging folder inside it.
      throw error instanceof SaveFailedError ? new SaveFailedError(this.folder, error.cause, 'could not write') : error;
    }
    this.names.push(path);
  }

  async commit(): Promise<void> {
    try {
      for (const name of this.names) await rename(join(this.staging, name), join(this.folder, name));
      await rmdir(this.staging);
    } catch (error) {
      // Moves on one disk fail only when something else is wrong with it; files moved so far stay.
      await this.discard();
      throw isErrno(error) ? new SaveFailedError(this.folder, error, 'could not write') : error;
    }
    await fsyncFolder(this.folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EINVAL' && error.code !== 'ENOTSUP') console.error(`could not flush ${this.folder} to disk (${errnoWords(error)}); the files are saved`);
    });
  }

  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true }).catch(() => undefined);
    if (!this.created) return;
    // Folders this export made, innermost first, as long as they are empty (rmdir refuses otherwise).
    for (let dir = this.folder; ; dir = dirname(dir)) {
      const removed = await rmdir(dir).then(() => true, () => false);
      if (!removed || dir === this.created || dirname(dir) === dir) return;
    }
  }
}

/// The most a zip without Zip64 records can address: offsets and sizes are 32-bit.
const ZIP32_LIMIT = 0xffff_ffff;
/// The most entries the end record of a zip without Zip64 can count.
const ZIP32_ENTRIES = 0xffff;
/// A local file header's fixed part and fflate's data descriptor after each file's data.
const LOCAL_HEADER_BYTES = 30;
const DATA_DESCRIPTOR_BYTES = 16;
/// The end of central directory record.
const END_RECORD_BYTES = 22;

/// A brat export into a zip, streamed: each file goes through fflate's streaming `Zip` as a
/// `ZipPassThrough` (stored, not deflated: deflating a corpus's text in JavaScript takes seconds)
/// and its bytes straight into the durable stream; only the central directory (about 100 bytes a
/// file) is held until the end. The sizes and CRC of each file follow its data in a data
/// descriptor, as a streaming zip writes them.
class BratZip implements BratOutput {
  private readonly chunks: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip: Zip;
  private entries = 0;
  /// Bytes of the zip produced so far.
  private offset = 0;

  private constructor(private readonly out: DurableFileStream) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure ??= error;
      // fflate's last chunk is the central directory and its end record.
      else this.chunks.push(final ? withZip64End(chunk, this.offset + this.pendingBytes(), this.entries) : chunk);
    });
  }

  static async create(path: string): Promise<BratZip> {
    return new BratZip(await DurableFileStream.create(path));
  }

  async add(path: string, content: string): Promise<void> {
    const data = Buffer.from(content, 'utf8');
    const entryBytes = LOCAL_HEADER_BYTES + Buffer.byteLength(path) + data.length + DATA_DESCRIPTOR_BYTES;
    if (this.offset + entryBytes > ZIP32_LIMIT) {
      throw new WorkbenchError('export-too-large', `${this.out.path} would pass 4 GB, more than a zip without Zip64 holds; export brat to a folder instead`);
    }
    const entry = new ZipPassThrough(path);
    this.zip.add(entry);
    entry.push(data, true);
    this.entries++;
    await this.drain();
  }

  async commit(): Promise<void> {
    this.zip.end();
    await this.drain();
    await this.out.commit();
  }

  async discard(): Promise<void> {
    this.zip.terminate();
    await this.out.discard();
  }

  private pendingBytes(): number {
    return this.chunks.reduce((n, chunk) => n + chunk.length, 0);
  }

  /// Writes the chunks fflate produced (synchronously, for a file pushed whole) before the next file.
  private async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    for (const chunk of this.chunks.splice(0)) {
      this.offset += chunk.length;
      await this.out.write(chunk);
    }
  }
}

/// fflate's central directory and end record, with a Zip64 end record and locator before the end
/// record when there are more entries than its 16-bit counts hold (a brat export of more than
/// 32,767 documents): fflate writes those counts cut to 16 bits. `directoryOffset` is where the
/// central directory starts; it and every other offset stay below 4 GB (checked as files are added).
export function withZip64End(tail: Uint8Array, directoryOffset: number, entries: number): Uint8Array {
  if (entries <= ZIP32_ENTRIES) return tail;
  const directoryBytes = tail.length - END_RECORD_BYTES;
  const result = Buffer.alloc(directoryBytes + 56 + 20 + END_RECORD_BYTES);
  result.set(tail.subarray(0, directoryBytes), 0);
  let at = directoryBytes;
  // Zip64 end of central directory record (APPNOTE 4.3.14).
  at = result.writeUInt32LE(0x06064b50, at);
  at = result.writeBigUInt64LE(44n, at); // the size of the rest of this record
  at = result.writeUInt16LE(45, at); // made by: version 4.5 (Zip64)
  at = result.writeUInt16LE(45, at); // needed to extract
  at = result.writeUInt32LE(0, at); // this disk
  at = result.writeUInt32LE(0, at); // the disk of the central directory
  at = result.writeBigUInt64LE(BigInt(entries), at); // entries on this disk
  at = result.writeBigUInt64LE(BigInt(entries), at); // entries in all
  at = result.writeBigUInt64LE(BigInt(directoryBytes), at);
  at = result.writeBigUInt64LE(BigInt(directoryOffset), at);
  // Zip64 end of central directory locator (4.3.15).
  at = result.writeUInt32LE(0x07064b50, at);
  at = result.writeUInt32LE(0, at); // the disk of the Zip64 end record
  at = result.writeBigUInt64LE(BigInt(directoryOffset + directoryBytes), at);
  at = result.writeUInt32LE(1, at); // disks in all
  // The end record, its counts saying "see the Zip64 record" (4.4.1.4).
  at = result.writeUInt32LE(0x06054b50, at);
  at = result.writeUInt16LE(0, at);
  at = result.writeUInt16LE(0, at);
  at = result.writeUInt16LE(0xffff, at);
  at = result.writeUInt16LE(0xffff, at);
  at = result.writeUInt32LE(directoryBytes, at);
  at = result.writeUInt32LE(directoryOffset, at);
  result.writeUInt16LE(0, at); // no comment
  return result;
}
