/// An export handed to the app's UI as base64 (the contract's `exports.build`): written by the one
/// streaming writer, as `awb export` writes it, into a temp folder, then read back. Only this
/// hand-over holds the whole file in memory, so it is limited to what one JavaScript string can
/// hold as base64 (about 400 MB of file); a bigger export is refused in words, pointing to `awb
/// export`, which writes any size.
import { constants } from 'node:buffer';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkbenchError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import type { ExportScope } from './exportScope.js';
import { EXPORT_FILES, writeExport, type ExportFormat, type ExportSummary } from './renderExport.js';

/// An export as the UI downloads it.
export interface TransferredExport {
  fileName: string;
  mimeType: string;
  base64: string;
  summary: ExportSummary;
}

/// Characters of base64 for `bytes` bytes.
function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/// Exports `format` (brat as a zip) and returns the file as base64, named with today's date.
export async function exportForTransfer(workspace: Workspace, format: ExportFormat, scope: ExportScope, now = new Date()): Promise<TransferredExport> {
  const fileName = `annotations-${now.toISOString().slice(0, 10)}${EXPORT_FILES[format].extension}`;
  const folder = await mkdtemp(join(tmpdir(), 'awb-export-'));
  try {
    const path = join(folder, fileName);
    const summary = await writeExport(workspace, format, scope, path);
    const { size } = await stat(path);
    if (base64Length(size) > constants.MAX_STRING_LENGTH) {
      throw new WorkbenchError(
        'export-too-large',
        `this export is ${(size / 1e6).toFixed(0)} MB, more than the app can hand over; export fewer documents, or run "awb export --format ${format} --out FILE", which writes any size`,
      );
    }
    return { fileName, mimeType: EXPORT_FILES[format].mimeType, base64: (await readFile(path)).toString('base64'), summary };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
