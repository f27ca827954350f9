/// Person and place name suggestions kept per document (DESIGN §12). Finding names (compromise)
/// takes 0.2–0.4 s for a 50,000-character article, against a few milliseconds for every other
/// suggester; a document's text never changes, so its names are found once, in slices that leave
/// the event loop free between them, and kept in `cache/names/<id>.json` beside the documents:
/// `{ version, names: [label, start, end][] }` (UTF-16 offsets; the file is named like the
/// document's, whose id is its text's SHA-256; `version` is the name finder's and its slice
/// size, so that names found another way are never used). The file is a cache: it is not in
/// backups or exports, a damaged or outdated one is found again and rewritten (like every
/// workspace file: under the lock, temp file and rename), and a workspace opened read-only only
/// reads them.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { STORED_NAMES_FOLDER, documentFileName } from '../store/workspaceFiles.js';
import { NAME_SLICE_CHARS, suggestInSlices } from './suggestInSlices.js';
import { NAME_FINDER_VERSION } from './suggestNames.js';
import { SUGGESTION_LABELS, type Suggestion } from './suggestion.js';

/// What the kept names depend on besides the text.
const STORED_VERSION = `${NAME_FINDER_VERSION}/${NAME_SLICE_CHARS}`;

/// The workspace folder the names are kept in.
export interface NamesFolder {
  /// The workspace folder.
  dir: string;
  /// Writes a file in it (a path relative to it) as every workspace file is written (under the
  /// lock), or null where this process may not write.
  writeFile: ((relativePath: string, content: string) => Promise<void>) | null;
}

/// Documents whose names are also kept in memory.
const IN_MEMORY_DOCUMENTS = 20;

const StoredNamesSchema = z.strictObject({
  version: z.string(),
  names: z.array(z.tuple([z.enum([SUGGESTION_LABELS.person, SUGGESTION_LABELS.place]), z.number().int().min(0), z.number().int().min(1)])),
});
type StoredNamesFile = z.infer<typeof StoredNamesSchema>;

/// The names of one stored file, when this name finder wrote it.
function namesFrom(file: StoredNamesFile, text: string): Suggestion[] | null {
  if (file.version !== STORED_VERSION) return null;
  if (file.names.some(([, start, end]) => end <= start || end > text.length)) return null;
  return file.names.map(([label, start, end]) => ({ label, kind: 'name', start, end, text: text.slice(start, end) }));
}

/// The person and place names of a workspace's documents, found once per document and kept.
export class StoredNames {
  private readonly recent = new Map<string, Promise<Suggestion[]>>();

  constructor(private readonly folder: NamesFolder) {}

  /// The names in document `id`, whose text is `text`, in text order: from memory for the last
  /// documents asked, else from the document's file, else found (in slices) and kept.
  of(id: string, text: string): Promise<Suggestion[]> {
    let found = this.recent.get(id);
    if (found) this.recent.delete(id);
    else {
      found = this.readOrFind(id, text);
      const mine = found;
      mine.catch(() => this.recent.get(id) === mine && this.recent.delete(id));
      if (this.recent.size >= IN_MEMORY_DOCUMENTS) this.recent.delete(this.recent.keys().next().value!);
    }
    this.recent.set(id, found);
    return found;
  }

  /// Where document `id`'s names are kept.
  pathOf(id: string): string {
    return join(this.folder.dir, STORED_NAMES_FOLDER, documentFileName(id));
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
    const { writeFile } = this.folder;
    if (writeFile) {
      const file: StoredNamesFile = { version: STORED_VERSION, names: names.map((n) => [n.label as StoredNamesFile['names'][number][0], n.start, n.end]) };
      // Only a cache: when it cannot be written, the names are found again next time.
      await mkdir(join(this.folder.dir, STORED_NAMES_FOLDER), { recursive: true })
        .then(() => writeFile(join(STORED_NAMES_FOLDER, documentFileName(id)), `${JSON.stringify(file)}\n`))
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
