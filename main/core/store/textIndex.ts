/// Full-text search over every document of a workspace without reading every document file:
/// `texts.jsonl` keeps each document's text folded to lower case, one JSON line per document,
/// appended (and flushed) as documents are imported. Texts never change, so lines never do; a
/// line torn by a crash is skipped, and a document it lacks is read from its file and appended.
import { appendFile, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/// One place a phrase occurs (UTF-16 offsets of the document text).
export interface TextHit {
  start: number;
  end: number;
}

const FILE = 'texts.jsonl';
const NEWLINE = 0x0a;

/// Lower case that keeps every offset: a character whose lower case is longer (such as `İ`) stays
/// as it is, and final sigma folds like sigma, so the same phrase folds alike wherever it stands.
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  const sameLength =
    lower.length === text.length
      ? lower
      : Array.from(text, (ch) => {
          const l = ch.toLowerCase();
          return l.length === ch.length ? l : ch;
        }).join('');
  return sameLength.replace(/ς/g, 'σ');
}

/// The folded texts of a workspace, loaded once and kept in memory.
export class TextIndex {
  private readonly folded = new Map<string, string>();
  private loaded: Promise<void> | null = null;

  constructor(private readonly dir: string) {}

  /// Loads `texts.jsonl`; `missing` supplies (and the index appends) documents it lacks.
  load(ids: string[], missing: (id: string) => Promise<string>, writable: boolean): Promise<void> {
    this.loaded ??= (async () => {
      // Decoded line by line: decoding the whole file into one string and splitting it took half
      // as long again.
      const raw = await readFile(join(this.dir, FILE)).catch(() => Buffer.alloc(0));
      for (let start = 0; start < raw.length; ) {
        const newline = raw.indexOf(NEWLINE, start);
        const end = newline < 0 ? raw.length : newline;
        try {
          const { id, text } = JSON.parse(raw.toString('utf8', start, end)) as { id: unknown; text: unknown };
          if (typeof id === 'string' && typeof text === 'string') this.folded.set(id, text);
        } catch {
          // A torn last line (a crash mid-append) or an empty one.
        }
        start = end + 1;
      }
      const absent = ids.filter((id) => !this.folded.has(id));
      for (const id of absent) this.folded.set(id, foldCase(await missing(id)));
      if (writable && absent.length) await this.append(absent.map((id) => ({ id, text: this.folded.get(id)! })));
    })();
    return this.loaded;
  }

  /// Records newly imported documents (once loaded; before, `load` finds them).
  async add(documents: { id: string; text: string }[]): Promise<void> {
    const fresh = documents.filter((d) => !this.folded.has(d.id)).map((d) => ({ id: d.id, text: foldCase(d.text) }));
    if (!fresh.length) return;
    await this.append(fresh);
    if (this.loaded) for (const d of fresh) this.folded.set(d.id, d.text);
  }

  /// Where `phrase` occurs (case-insensitive) in each of `ids`, at most `perDocument` places each.
  search(ids: string[], phrase: string, perDocument: number): Map<string, { count: number; hits: TextHit[] }> {
    const needle = foldCase(phrase.normalize('NFC'));
    const found = new Map<string, { count: number; hits: TextHit[] }>();
    if (!needle) return found;
    for (const id of ids) {
      const text = this.folded.get(id);
      if (!text) continue;
      let at = text.indexOf(needle);
      if (at < 0) continue;
      const result = { count: 0, hits: [] as TextHit[] };
      while (at >= 0) {
        result.count++;
        if (result.hits.length < perDocument) result.hits.push({ start: at, end: at + needle.length });
        at = text.indexOf(needle, at + needle.length);
      }
      found.set(id, result);
    }
    return found;
  }

  private async append(documents: { id: string; text: string }[]): Promise<void> {
    const path = join(this.dir, FILE);
    await appendFile(path, documents.map((d) => JSON.stringify(d) + '\n').join(''));
    const handle = await open(path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
