/// The suggestions an analyst dismissed, remembered per document in `suggestions.json` beside
/// `workspace.json`: `{ schemaVersion: 1, dismissed: { [documentId]: key[] } }`, written durably
/// (temp file, fsync, rename) under the workspace lock. A suggestion's key names its kind, label
/// and span; a document's text never changes, so the key stays valid. A damaged file is moved
/// aside (`suggestions.damaged-<time>.json`) and the list starts empty: dismissals are a
/// convenience, never work that an export or agreement depends on.
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { DamagedFileError, readJsonFile } from '../store/durableJsonFile.js';
import type { Workspace } from '../store/workspace.js';
import type { Suggestion } from './suggestion.js';

/// The file's name inside the workspace folder.
export const DISMISSED_SUGGESTIONS_FILE = 'suggestions.json';

/// Most dismissals kept per document.
export const MAX_DISMISSED_PER_DOCUMENT = 100_000;

/// A suggestion's key: `kind:label:start-end` (UTF-16 offsets).
export const SuggestionKeySchema = z.string().regex(/^(?:figure|quote|entity|name):[\w-]{1,32}:\d{1,9}-\d{1,9}$/, 'expected a suggestion key such as figure:figure:12-20');

const DismissedFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  dismissed: z.record(z.string(), z.array(SuggestionKeySchema).max(MAX_DISMISSED_PER_DOCUMENT)),
});
type DismissedFile = z.infer<typeof DismissedFileSchema>;

/// The key that names `suggestion` (see {@link SuggestionKeySchema}).
export function suggestionKey(suggestion: Pick<Suggestion, 'kind' | 'label' | 'start' | 'end'>): string {
  return `${suggestion.kind}:${suggestion.label}:${suggestion.start}-${suggestion.end}`;
}

/// The dismissals of one open workspace, read once and kept in memory.
export class DismissedSuggestions {
  private loaded: Promise<Map<string, Set<string>>> | null = null;

  /// `moveDamagedAside`: false for a workspace opened read-only (a damaged file is then only
  /// read as empty).
  constructor(
    private readonly workspace: Workspace,
    private readonly moveDamagedAside = true,
  ) {}

  private load(): Promise<Map<string, Set<string>>> {
    this.loaded ??= (async () => {
      const path = join(this.workspace.dir, DISMISSED_SUGGESTIONS_FILE);
      let file: DismissedFile | null = null;
      try {
        file = await readJsonFile(path, DismissedFileSchema);
      } catch (error) {
        if (!(error instanceof DamagedFileError)) throw error;
        if (!this.moveDamagedAside) return new Map<string, Set<string>>();
        const aside = join(this.workspace.dir, `suggestions.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
        await rename(path, aside).catch(() => undefined);
        this.workspace.notices.push(`The list of dismissed suggestions was damaged and was moved aside (${aside}); dismissed suggestions show again.`);
      }
      return new Map(Object.entries(file?.dismissed ?? {}).map(([id, keys]) => [id, new Set(keys)]));
    })();
    return this.loaded;
  }

  /// The keys dismissed in document `documentId`.
  async of(documentId: string): Promise<ReadonlySet<string>> {
    return (await this.load()).get(documentId) ?? new Set();
  }

  /// Marks `keys` of document `documentId` dismissed (`dismissed` true) or not, and saves the
  /// list; resolves once it is on disk.
  async set(documentId: string, keys: readonly string[], dismissed: boolean): Promise<void> {
    const all = await this.load();
    const own = new Set(all.get(documentId));
    for (const key of keys) {
      if (dismissed) own.add(key);
      else own.delete(key);
    }
    if (own.size > MAX_DISMISSED_PER_DOCUMENT) throw new Error(`at most ${MAX_DISMISSED_PER_DOCUMENT} suggestions can be dismissed in one document`);
    if (own.size) all.set(documentId, own);
    else all.delete(documentId);
    const file: DismissedFile = { schemaVersion: 1, dismissed: Object.fromEntries([...all].map(([id, set]) => [id, [...set].sort()])) };
    await this.workspace.writeSideFile(DISMISSED_SUGGESTIONS_FILE, `${JSON.stringify(file)}\n`);
  }
}
