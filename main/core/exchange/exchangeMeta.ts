/// A colleague's metadata for a document this workspace has already (exchange version 2): fields
/// empty here are filled from the file; a field both have with different values keeps this
/// workspace's value and is reported, never overwritten silently.
import { editDocumentDetails, META_FIELDS, type DocumentDetailsChange } from '../documentDetails.js';
import type { DocumentMeta } from '../model.js';
import type { Workspace } from '../store/workspace.js';
import type { ExchangeImportReport } from './importExchange.js';

/// Fills `id`'s empty metadata fields from `theirs`; reports the fields that differ.
export async function mergeExchangeMeta(workspace: Workspace, id: string, name: string, theirs: DocumentMeta, report: ExchangeImportReport): Promise<void> {
  const [summary] = workspace.documentSummaries([id]);
  if (!summary) return;
  const ours = summary.meta;
  const fill: NonNullable<DocumentDetailsChange['meta']> = {};
  for (const field of META_FIELDS) {
    const value = theirs[field];
    if (value === undefined) continue;
    const mine = ours[field];
    if (mine === undefined) Object.assign(fill, { [field]: value });
    else if (JSON.stringify(mine) !== JSON.stringify(value)) {
      report.warnings.push(`${name}: its ${field} here is ${JSON.stringify(mine)}, the file says ${JSON.stringify(value)}; this workspace's value was kept`);
    }
  }
  if (Object.keys(fill).length) await workspace.updateDocument(id, (file) => editDocumentDetails(file, { meta: fill }));
}
