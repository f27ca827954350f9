/// Person and place name suggestions kept per document (DESIGN §12). Finding names (compromise)
/// takes 0.2–0.4 s for a 50,000-character article, against a few milliseconds for every other
/// suggester; a document's text never changes, so its names are found once, in slices that leave
/// the event loop free between them, and kept in `cache/names/<id>.json` beside the documents:
/// `{ version, names: [label, start, end][] }` (UTF-16 offsets; the file is named like the
/// document's, whose id is its text's SHA-256; `version` is the name finder's, so that an older
/// finder's names are never used). The file is a cache: it is not in backups or exports, a
/// damaged or outdated one is found again and rewritten, and a workspace opened read-only only
/// reads them.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../store/durableJsonFile.js';
import { STORED_NAMES_FOLDER, documentFileName } from '../store/workspaceFiles.js';
import { suggestInSlices } from './suggestInSlices.js';
import { NAME_FINDER_VERSION } from './suggestNames.js';
import type { Suggestion } from './suggestion.js';

/// Documents whose names are also kept in memory.
const IN_MEMORY_DOCUMENTS = 20;

const StoredNamesSchema = z.strictObject({
  version: z.number().int(),
  names: z.array(z.tuple([z.string().max(64), z.number().int().min(0), z.number().int().min(1)])),
});
type StoredNamesFile = z.infer<typeof StoredNamesSchema>;

/// The names of one stored file, when this name finder wrote it.
function namesFrom(file: StoredNamesFile, text: string): Suggestion[] | null {
  if (file.version !== NAME_FINDER_VERSION) return null;
  if (file.names.some(([, start, end]) => end <= start || end > text.length)) return null;
  return file.names.map(([label, start, end]) => ({ label, kind: 'name', start, end, text: text.slice(start, end) }));
}

/// The person and place names of a workspace's documents, found once per document and kept.
export class StoredNames {
  private readonly recent = new Map<string, Promise<Suggestion[]>>();

  /// `dir`: the workspace folder; `canWrite`: whether this process may write in it now (it holds
  /// the workspace's lock), asked each time names are to be kept.
  constructor(
    private readonly dir: string,
    private readonly canWrite: () => boolean,
  ) {}

  /// The names in document `id`, whose text is `text`, in text order: from memory for the last
  /// documents asked, else from the document's file, else found (in slices) and kept.
  of(id: string, text: string): Promise<Suggestion[]> {
    let found = this.recent.get(id);
    if (found) this.recent.delete(id);
    else {
      found = this.readOrFind(id, text);
      found.catch(() => this.recent.delete(id));
      if (this.recent.size >= IN_MEMORY_DOCUMENTS) this.recent.delete(this.recent.keys().next().value!);
    }
    this.recent.set(id, found);
    return found;
  }

  /// Where document `id`'s names are kept.
  pathOf(id: string): string {
    return join(this.dir, STORED_NAMES_FOLDER, documentFileName(id));
  }

  private async readOrFind(id: string, text: string): Promise<Suggestion[]> {
    const path = this.pathOf(id);
    const raw = await readFile(path, 'utf8').catch(() => null);
    if (raw !== null) {
      const parsed = StoredNamesSchema.safeParse(safeJson(raw));
      const names = parsed.success ? namesFrom(parsed.data, text) : null;
      if (names) return names;
    }
    const names = await suggestInSlices(text, [], ['name'], []);
    if (this.canWrite()) {
      const file: StoredNamesFile = { version: NAME_FINDER_VERSION, names: names.map((n) => [n.label, n.start, n.end]) };
      // Only a cache: when it cannot be written, the names are found again next time.
      await mkdir(join(this.dir, STORED_NAMES_FOLDER), { recursive: true })
        .then(() => writeFileDurably(path, `${JSON.stringify(file)}\n`))
        .catch((error: unknown) => console.error(`could not keep the names found in document ${id} (${String(error)}); they are found again next time`));
    }
    return names;
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
