/// The `suggestions` area of the service (DESIGN §12): a document's suggestions, worked out on
/// demand and never stored, minus the dismissed ones and those an annotation already covers;
/// dismissals kept per document in `suggestions.json`.
import type { WorkbenchApi } from '../../preload/api.js';
import { DismissedSuggestions, suggestionKey } from '../core/suggestions/dismissedSuggestions.js';
import { MAX_NAME_SUGGESTION_CHARS, suggestInSlices } from '../core/suggestions/suggestInSlices.js';
import { InvalidChangeError } from '../core/errors.js';
import type { Workspace } from '../core/store/workspace.js';
import type { Suggestion } from '../core/suggestions/suggestion.js';

/// Documents whose name suggestions are kept.
const NAME_CACHE_DOCUMENTS = 20;

/// The `suggestions` methods over an open, writable workspace.
export function suggestionsService(workspace: Workspace): WorkbenchApi['suggestions'] {
  const dismissed = new DismissedSuggestions(workspace);
  // Names (compromise) are the slow part: kept for the last documents asked, whose text never
  // changes; what is already tagged is left out again on every call.
  const names = new Map<string, Promise<Suggestion[]>>();
  const namesOf = (docId: string, text: string): Promise<Suggestion[]> => {
    let found = names.get(docId);
    if (!found) {
      found = suggestInSlices(text, [], ['name'], []);
      found.catch(() => names.delete(docId));
      if (names.size >= NAME_CACHE_DOCUMENTS) names.delete(names.keys().next().value!);
    } else names.delete(docId);
    names.set(docId, found);
    return found;
  };
  return {
    async list(docId, kinds) {
      const file = await workspace.readDocument(docId);
      const known = new Set(workspace.labels.map((l) => l.id));
      const gone = await dismissed.of(docId);
      const others = kinds.filter((k) => k !== 'name');
      const found = others.length ? await suggestInSlices(file.document.text, workspace.entities, others, file.annotations) : [];
      if (kinds.includes('name')) {
        // A name that an annotation or another suggestion already has (label and span) is left out.
        const taken = new Set([...file.annotations, ...found].map((a) => `${a.label}\u0000${a.start}\u0000${a.end}`));
        found.push(...(await namesOf(docId, file.document.text)).filter((s) => !taken.has(`${s.label}\u0000${s.start}\u0000${s.end}`)));
      }
      found.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
      const suggestions = found.map((s) => ({ ...s, key: suggestionKey(s) })).filter((s) => known.has(s.label) && !gone.has(s.key));
      return { suggestions, namesLeftOut: kinds.includes('name') && file.document.text.length > MAX_NAME_SUGGESTION_CHARS };
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
