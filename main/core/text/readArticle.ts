/// Turns a file (a path, or a name and its bytes) into a normalised article text, or rejects it
/// with a reason that names the file. Nothing here writes anything.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { DocumentMeta } from '../model.js';
import { frontMatter, htmlMetadata, type StatedMetadata } from './articleMetadata.js';
import { decodeText, type TextEncodingName } from './decodeText.js';
import { normaliseText } from './normaliseText.js';
import { readDocx } from './readDocx.js';
import { htmlArticleText } from './readHtmlArticle.js';
import { readPdf } from './readPdf.js';

/// Largest article file accepted (20 MiB).
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

type ArticleKind = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';
const KINDS: Record<string, ArticleKind> = {
  '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html',
  '.pdf': 'pdf', '.docx': 'docx',
};
/// The file types read, as the messages and the import dialog list them.
export const ARTICLE_EXTENSIONS = '.txt, .md, .html, .pdf or .docx';

/// A file that cannot become an article; `message` is "<file>: <reason>".
export class ArticleRejected extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ArticleRejected';
  }
}

/// An article ready to store: normalised text, its id, a title, what the file states about itself
/// and anything worth telling the user.
export interface ArticleText {
  id: string;
  sourceName: string;
  /// The title the file states (HTML head, front matter), else its first line with a letter.
  title: string;
  text: string;
  meta: DocumentMeta;
  /// How the bytes were decoded; a PDF's or a Word file's text is Unicode already (`utf-8`).
  encoding: TextEncodingName;
  warnings: string[];
}

/// `sha256:` + hex SHA-256 of the UTF-8 bytes of an already normalised text (DESIGN §3).
export function documentIdOf(normalisedText: string): string {
  return 'sha256:' + createHash('sha256').update(normalisedText, 'utf8').digest('hex');
}

/// The first line that has a letter in it (a line of only digits and punctuation, such as an
/// agency reference, makes a poor title), else the first non-empty line; at most 120 characters.
export function titleOf(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /\p{L}/u.test(l)) ?? lines[0] ?? '';
  if (line.length <= 120) return line;
  const cut = line.slice(0, 119);
  const space = cut.lastIndexOf(' ');
  return (space > 60 ? cut.slice(0, space) : cut) + '…';
}

/// Reads and checks an article file from disk.
export async function readArticleFile(path: string): Promise<ArticleText> {
  const name = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ArticleRejected(path, 'not a file');
    size = info.size;
  } catch (error) {
    if (error instanceof ArticleRejected) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ArticleRejected(path, code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(error)})`);
  }
  checkKindAndSize(path, name, size);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ArticleRejected(path, `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return readArticleBytes(name, bytes, path);
}

/// Checks and normalises an article given as bytes, of any type read: text, Markdown and HTML as
/// `articleFromBytes` does, PDF with pdf.js (readPdf.ts), Word with mammoth (readDocx.ts).
export async function readArticleBytes(name: string, bytes: Uint8Array, label = name): Promise<ArticleText> {
  const kind = checkKindAndSize(label, name, bytes.length);
  if (kind !== 'pdf' && kind !== 'docx') return articleFromBytes(name, bytes, label);
  if (bytes.length === 0) throw new ArticleRejected(label, 'the file is empty');
  let read: StatedMetadata & { text: string };
  try {
    read = kind === 'pdf' ? await readPdf(bytes) : await readDocx(bytes);
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'PdfUnreadable' || name === 'DocxUnreadable') throw new ArticleRejected(label, (error as Error).message);
    throw error;
  }
  return articleOf(name, label, { ...read, body: read.text }, 'utf-8', []);
}

/// Checks and normalises an article given as bytes (an upload from the UI, or a file already read).
/// `label` is how the file is named in messages (defaults to `name`).
/// A PDF or Word file is read with `readArticleBytes` (their readers are asynchronous).
export function articleFromBytes(name: string, bytes: Uint8Array, label = name): ArticleText {
  const kind = checkKindAndSize(label, name, bytes.length);
  if (kind === 'pdf' || kind === 'docx') {
    throw new ArticleRejected(label, `a ${kind === 'pdf' ? 'PDF' : 'Word'} file is read with readArticleBytes, not articleFromBytes`);
  }
  if (bytes.length === 0) throw new ArticleRejected(label, 'the file is empty');
  const hasBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom && bytes.includes(0)) throw new ArticleRejected(label, 'binary file (contains NUL bytes), not text');
  const decoded = decodeText(bytes);
  if (decoded.text.includes('\u0000')) throw new ArticleRejected(label, 'binary file (contains NUL characters), not text');
  // Metadata the file states; a Markdown file's front matter is not part of its text.
  const stated = kind === 'html' ? { ...htmlMetadata(decoded.text), body: htmlArticleText(decoded.text).text } : kind === 'markdown' ? frontMatter(decoded.text) : null;
  if (!(stated?.body ?? decoded.text).trim()) {
    throw new ArticleRejected(label, kind === 'html' ? 'the page has no visible text' : 'the file contains only whitespace');
  }
  return articleOf(name, label, stated ?? { meta: {}, warnings: [], body: decoded.text }, decoded.encoding, decoded.warnings);
}

/// The article made of a file's text and what it states about itself.
function articleOf(name: string, label: string, stated: StatedMetadata & { body: string }, encoding: TextEncodingName, warnings: string[]): ArticleText {
  const text = normaliseText(stated.body);
  if (!text.trim()) throw new ArticleRejected(label, 'the file contains only whitespace');
  return {
    id: documentIdOf(text),
    sourceName: name,
    title: stated.title ? normaliseText(stated.title) : titleOf(text),
    text,
    meta: stated.meta,
    encoding,
    warnings: [...warnings, ...stated.warnings].map((w) => `${label}: ${w}`),
  };
}

function checkKindAndSize(label: string, name: string, size: number): ArticleKind {
  const kind = KINDS[extname(name).toLowerCase()];
  if (!kind) throw new ArticleRejected(label, `unsupported file type (expected ${ARTICLE_EXTENSIONS})`);
  if (size > MAX_ARTICLE_BYTES) {
    throw new ArticleRejected(label, `file is ${(size / 1048576).toFixed(1)} MB, over the 20 MB limit`);
  }
  return kind;
}
