/// Where a brat export's files go, one document's files at a time: a folder, or a zip streamed
/// into one durably written file. Either way nothing at the output changes until every file is
/// written: the folder's files are written and flushed in a staging folder inside it and moved
/// in at the end; the zip is a temp file renamed over the output (`DurableFileStream`).
import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { WorkbenchError } from '../errors.js';
import { errnoWords } from '../fileErrors.js';
import { fsyncFolder, isErrno, SaveFailedError } from '../store/durableJsonFile.js';
import { DurableFileStream, partialPathFor, writeNewFileFlushed } from '../store/durableFileStream.js';
import { StoredZipWriter, ZIP32_LIMIT } from './storedZip.js';

/// The files of a brat export on their way to the output.
export interface BratOutput {
  /// Writes one file (`path` relative to the export, from `bratDocumentFiles`: a file name, or an
  /// annotator's folder, `/`, and a file name).
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
  /// The folders inside the export (an annotator's layer each), made as their first file comes.
  private readonly folders = new Set<string>();

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
      const folder = dirname(path);
      if (folder !== '.' && !this.folders.has(folder)) {
        await mkdir(join(this.staging, folder), { recursive: true });
        this.folders.add(folder);
      }
      await writeNewFileFlushed(join(this.staging, path), content);
    } catch (error) {
      // Named by the folder the user chose, not by the staging folder inside it.
      throw error instanceof SaveFailedError ? new SaveFailedError(this.folder, error.cause, 'could not write') : error;
    }
    this.names.push(path);
  }

  async commit(): Promise<void> {
    try {
      // Into folders that may be there from an earlier export: file by file, as at the top.
      for (const folder of this.folders) await mkdir(join(this.folder, folder), { recursive: true });
      for (const name of this.names) await rename(join(this.staging, name), join(this.folder, name));
      await rm(this.staging, { recursive: true });
    } catch (error) {
      // Moves on one disk fail only when something else is wrong with it; files moved so far stay.
      await this.discard();
      throw isErrno(error) ? new SaveFailedError(this.folder, error, 'could not write') : error;
    }
    for (const folder of [...[...this.folders].map((f) => join(this.folder, f)), this.folder]) {
      await fsyncFolder(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EINVAL' && error.code !== 'ENOTSUP') console.error(`could not flush ${folder} to disk (${errnoWords(error)}); the files are saved`);
      });
    }
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

/// A brat export into a zip, written as it goes (see `StoredZipWriter`) into the durable stream.
class BratZip implements BratOutput {
  private readonly zip: StoredZipWriter;

  private constructor(private readonly out: DurableFileStream) {
    this.zip = new StoredZipWriter((bytes) => out.write(bytes));
  }

  static async create(path: string): Promise<BratZip> {
    return new BratZip(await DurableFileStream.create(path));
  }

  async add(path: string, content: string): Promise<void> {
    const data = Buffer.from(content, 'utf8');
    if (this.zip.bytesWith(Buffer.byteLength(path), data.length) > ZIP32_LIMIT) {
      throw new WorkbenchError('export-too-large', `${this.out.path} would pass 4 GB, more than a zip without Zip64 offsets holds; export brat to a folder instead`);
    }
    await this.zip.add(path, data);
  }

  async commit(): Promise<void> {
    await this.zip.finish();
    await this.out.commit();
  }

  async discard(): Promise<void> {
    await this.out.discard();
  }
}
