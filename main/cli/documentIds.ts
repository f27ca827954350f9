/// Documents named on the command line by their ids or the start of them, in a module of its own
/// so that the commands that take ids (`awb status`, `awb compare`, …) load nothing else.
import type { Workspace } from '../core/store/workspace.js';

/// The document `given` names: its full id, its id without `sha256:`, or the start of either
/// (at least 8 hex digits, as `awb list` shows them) when only one document starts so.
export function resolveDocumentId(workspace: Workspace, given: string): string {
  const hex = given.trim().replace(/^sha256:/, '').replace(/…$/, '').toLowerCase();
  if (!/^[0-9a-f]{8,64}$/.test(hex)) throw new Error(`"${given}" is not a document id (sha256:… as awb list shows it, at least 8 hex digits)`);
  if (hex.length === 64) {
    if (!workspace.hasDocument(`sha256:${hex}`)) throw new Error(`no document sha256:${hex} in this workspace`);
    return `sha256:${hex}`;
  }
  const matches = workspace.documentIds().filter((id) => id.startsWith(`sha256:${hex}`));
  if (matches.length === 1) return matches[0];
  throw new Error(matches.length ? `"${given}" starts ${matches.length} document ids; give more of it` : `no document id starts with "${given}"`);
}
