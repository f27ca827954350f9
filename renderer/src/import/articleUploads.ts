/// Sending chosen article files to the service (DESIGN §13), each accepted or refused on its own:
/// a file over the size limit is refused by its size before it is read; the others go in groups
/// of a few megabytes (one call each, so a long batch shows progress and memory holds one group);
/// a group the service cannot take as a whole is sent again file by file, so that only the file
/// at fault is refused, by name and reason.
import type { ImportReport, UploadedFile } from '../../../preload/api';

/// Largest article file imported, as the service's (MAX_ARTICLE_BYTES, which a test holds this
/// to): a larger one is refused by its size, before it is read.
export const MAX_ARTICLE_FILE_BYTES = 20 * 1024 * 1024;

/// Bytes of files sent in one call (a file larger than this goes alone).
export const UPLOAD_GROUP_BYTES = 8 * 1024 * 1024;
/// Files sent in one call at most.
export const UPLOAD_GROUP_FILES = 50;

/// What is known of a chosen file before it is read.
export interface ChosenFile {
  name: string;
  size: number;
}

/// How {@link uploadArticles} reads and sends.
export interface UploadChannel<F extends ChosenFile> {
  /// The file's bytes, or the file itself (a Blob), which the transport sends as it is.
  read(file: F): Promise<Uint8Array | Blob>;
  /// One call of `documents.import`.
  send(files: UploadedFile[]): Promise<ImportReport>;
  /// Told after each group: files handled so far, of all.
  onProgress?(done: number, total: number): void;
}

/// Why a file is refused before it is read, or null.
export function refusedBySize(file: ChosenFile): string | null {
  if (file.size <= MAX_ARTICLE_FILE_BYTES) return null;
  return `file is ${(file.size / 1048576).toFixed(1)} MB, over the ${MAX_ARTICLE_FILE_BYTES / 1048576} MB limit`;
}

/// The files in sending order, grouped by {@link UPLOAD_GROUP_BYTES} and {@link UPLOAD_GROUP_FILES}.
export function uploadGroups<F extends ChosenFile>(files: readonly F[]): F[][] {
  const groups: F[][] = [];
  let bytes = 0;
  for (const file of files) {
    const last = groups.at(-1);
    if (!last || last.length >= UPLOAD_GROUP_FILES || bytes + file.size > UPLOAD_GROUP_BYTES) {
      groups.push([file]);
      bytes = file.size;
    } else {
      last.push(file);
      bytes += file.size;
    }
  }
  return groups;
}

/// Imports `files`; one report for them all, every file in it once.
export async function uploadArticles<F extends ChosenFile>(files: readonly F[], channel: UploadChannel<F>): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], rejected: [] };
  const readable: F[] = [];
  for (const file of files) {
    const refused = refusedBySize(file);
    if (refused) report.rejected.push({ name: file.name, reason: refused });
    else readable.push(file);
  }
  let done = report.rejected.length;
  channel.onProgress?.(done, files.length);
  for (const group of uploadGroups(readable)) {
    for (const part of await sendGroup(group, channel)) {
      report.imported.push(...part.imported);
      report.duplicates.push(...part.duplicates);
      report.rejected.push(...part.rejected);
    }
    done += group.length;
    channel.onProgress?.(done, files.length);
  }
  return report;
}

/// The reports of one group: one call, or when that fails, one call per file.
async function sendGroup<F extends ChosenFile>(group: F[], channel: UploadChannel<F>): Promise<ImportReport[]> {
  const attempt = async (files: F[]): Promise<ImportReport> => {
    const read: UploadedFile[] = [];
    for (const file of files) read.push({ name: file.name, bytes: await channel.read(file) });
    return channel.send(read);
  };
  try {
    return [await attempt(group)];
  } catch (error) {
    // One file, or a server that cannot be reached (file by file would only fail again): each
    // file refused with the reason.
    if (group.length === 1 || (error as { code?: string }).code === 'unreachable') {
      return [{ imported: [], duplicates: [], rejected: group.map((f) => ({ name: f.name, reason: reasonOf(error) })) }];
    }
    const reports: ImportReport[] = [];
    for (const file of group) reports.push(...(await sendGroup([file], channel)));
    return reports;
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/// A file's bytes as base64, encoded by the browser (FileReader), never in a script loop that
/// would hold the page for a large file.
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = reader.result as string;
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
