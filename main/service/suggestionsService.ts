/// The `suggestions` area of the service (DESIGN §12): a document's suggestions, worked out on
/// demand (names kept per document, storedNames.ts), minus the dismissed ones and those an
/// annotation already has; dismissals kept per document in `suggestions.json`.
import type { WorkbenchApi } from '../../preload/api.js';
import { DismissedSuggestions, suggestionKey } from '../core/suggestions/dismissedSuggestions.js';
import { documentSuggestions } from '../core/suggestions/documentSuggestions.js';
import { StoredNames } from '../core/suggestions/storedNames.js';
import { InvalidChangeError } from '../core/errors.js';
import type { Workspace } from '../core/store/workspace.js';

/// The `suggestions` methods over an open, writable workspace.
export function suggestionsService(workspace: Workspace): WorkbenchApi['suggestions'] {
  const dismissed = new DismissedSuggestions(workspace);
  const names = new StoredNames({ dir: workspace.dir, writeFile: (path, content) => workspace.writeSideFile(path, content) });
  return {
    async list(docId, kinds) {
      const file = await workspace.readDocument(docId);
      const known = new Set(workspace.labels.map((l) => l.id));
      const gone = await dismissed.of(docId);
      const found = await documentSuggestions(file.document, file.annotations, workspace.entities, kinds, names);
      return found.map((s) => ({ ...s, key: suggestionKey(s) })).filter((s) => known.has(s.label) && !gone.has(s.key));
    },
    async dismiss(docId, keys) {
      if (!workspace.hasDocument(docId)) throw new InvalidChangeError(`there is no document ${docId} in this workspace`);
      await dismissed.set(docId, keys, true);
    },
    async undismiss(docId, keys) {
      await dismissed.set(docId, keys, false);
    },
  };
}
