/// Reads what `awb import` or the app is given into a `ForeignInput`: one file's bytes, a folder's
/// files, or a zip's entries. A zip is inflated entry by entry (fflate's streaming `Unzip`) with
/// its declared sizes checked first and every byte counted as it comes, so a zip bomb (a small
/// file that claims, or turns out, to inflate to far more) is refused before it fills memory.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { MAX_EXCHANGE_BYTES } from '../exchange/exchangeLimits.js';
import { formatMegabytes } from '../exchange/exchangeLimits.js';
import { ForeignRejected, type ForeignInput } from './foreignFile.js';

/// Most bytes one import may read, the files of a folder or a zip's entries inflated together:
/// what one exchange file may hold (exchangeLimits.ts), since that is what it becomes.
export const MAX_FOREIGN_BYTES = MAX_EXCHANGE_BYTES;
/// Most files in a folder or zip.
export const MAX_FOREIGN_FILES = 10_000;

/// Whether `bytes` begin as a zip file does.
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/// The entries of a zip (files only, by path), refusing one over the limits.
export function unzipEntries(name: string, zip: Uint8Array, limit = MAX_FOREIGN_BYTES): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  const refuse = (reason: string) => new ForeignRejected(name, reason);
  const unzip = new Unzip((file) => {
    if (file.name.endsWith('/')) return;
    if (entries.size >= MAX_FOREIGN_FILES) throw refuse(`the zip holds more than ${MAX_FOREIGN_FILES.toLocaleString('en-US')} files`);
    if (file.name.split('/').includes('..') || file.name.startsWith('/')) throw refuse(`the zip entry ${JSON.stringify(file.name)} points outside the zip`);
    const declared = file.originalSize;
    if (declared !== undefined && total + declared > limit) {
      throw refuse(`the zip's files would inflate to more than ${formatMegabytes(limit)} (the limit for one import); refused before inflating`);
    }
    const chunks: Uint8Array[] = [];
    let got = 0;
    file.ondata = (error, chunk, final) => {
      if (error) throw refuse(`the zip entry ${file.name} cannot be read (${error.message})`);
      got += chunk.length;
      total += chunk.length;
      // A header that understates the size is a bomb too: counted as it inflates.
      if ((declared !== undefined && declared > 0 && got > declared) || total > limit) {
        throw refuse(`the zip entry ${file.name} inflates to more than it declares or than the ${formatMegabytes(limit)} limit allows; refused`);
      }
      chunks.push(chunk);
      if (final) entries.set(file.name, Buffer.concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(zip, true);
  } catch (error) {
    if (error instanceof ForeignRejected) throw error;
    throw refuse(`not a readable zip file (${(error as Error).message})`);
  }
  return entries;
}

/// An upload (a name and its bytes): a zip's entries, else the one file.
export function inputFromBytes(name: string, bytes: Uint8Array): ForeignInput {
  if (bytes.length > MAX_FOREIGN_BYTES) throw new ForeignRejected(name, `file is ${formatMegabytes(bytes.length)}, over the ${formatMegabytes(MAX_FOREIGN_BYTES)} limit for one import`);
  return { name, files: isZip(bytes) ? unzipEntries(name, bytes) : new Map([[basename(name), bytes]]) };
}

/// A path on disk: a folder's files (recursively), a zip's entries, or the one file.
export async function inputFromPath(path: string): Promise<ForeignInput> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ForeignRejected(path, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(error)})`);
  }
  if (info.isDirectory()) {
    const files = new Map<string, Uint8Array>();
    let total = 0;
    const names = (await readdir(path, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    if (names.length > MAX_FOREIGN_FILES) throw new ForeignRejected(path, `the folder holds more than ${MAX_FOREIGN_FILES.toLocaleString('en-US')} files`);
    for (const entry of names) {
      const full = join(entry.parentPath, entry.name);
      total += (await stat(full)).size;
      if (total > MAX_FOREIGN_BYTES) throw new ForeignRejected(path, `the folder's files are over the ${formatMegabytes(MAX_FOREIGN_BYTES)} limit for one import`);
      files.set(relative(path, full).split('\\').join('/'), await readFile(full));
    }
    return { name: path, files };
  }
  if (!info.isFile()) throw new ForeignRejected(path, 'is not a regular file');
  if (info.size > MAX_FOREIGN_BYTES) throw new ForeignRejected(path, `file is ${formatMegabytes(info.size)}, over the ${formatMegabytes(MAX_FOREIGN_BYTES)} limit for one import`);
  const input = inputFromBytes(basename(path), await readFile(path));
  return { ...input, name: path };
}
