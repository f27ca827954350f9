/// Reads the text of a PDF with pdf.js (the legacy build, the one meant for Node): the text items of
/// each page with their positions, made into lines and then paragraphs (pdfParagraphs.ts), and the
/// title, author and date the file states (XMP, else the Info dictionary). pdf.js runs in this
/// thread (its "fake worker"), evaluates no code from the file, loads no font and renders nothing:
/// text extraction needs none of it. Reading stops at a page limit and a time limit.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { StatedMetadata } from './articleMetadata.js';
import { statedMetadata } from './articleMetadata.js';
import { paragraphsOf, withoutRunningHeaders, type PdfLine, type PdfPage } from './pdfParagraphs.js';

/// Pages read at most: a news article is a few pages; a report of thousands is not an article.
export const MAX_PDF_PAGES = 1000;
/// Time allowed for reading one PDF (opening it and the text of every page), in milliseconds.
export const PDF_TIME_LIMIT_MS = 30_000;

/// Why a PDF cannot be read, in words for the user (the caller names the file).
export class PdfUnreadable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PdfUnreadable';
  }
}

/// A PDF's text as paragraphs and what it states about itself.
export interface PdfText extends StatedMetadata {
  text: string;
  pages: number;
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/// pdf.js, loaded once, with its worker code in this thread (no worker thread or file to find).
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/// A folder of pdf.js's data, read from disk (never fetched): `cmaps` (CJK fonts need them to
/// give text) or `standard_fonts` (the metrics of the 14 fonts a PDF may use without embedding).
function pdfJsFolder(name: 'cmaps' | 'standard_fonts'): string {
  return join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), name) + '/';
}

/// Reads a PDF's text and metadata; throws `PdfUnreadable` for a file that is not a readable PDF,
/// is password-protected, has no text layer, is too long or takes too long.
export async function readPdf(bytes: Uint8Array, limits = { pages: MAX_PDF_PAGES, ms: PDF_TIME_LIMIT_MS }): Promise<PdfText> {
  const { getDocument, PDFDateString } = await loadPdfJs();
  const started = Date.now();
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js takes over the buffer it is given: give it a copy
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    cMapUrl: pdfJsFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfJsFolder('standard_fonts'),
    verbosity: 0,
  });
  const inTime = <T>(promise: Promise<T>): Promise<T> => {
    const left = limits.ms - (Date.now() - started);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PdfUnreadable(`reading it took longer than ${limits.ms / 1000} s; it was stopped`)), Math.max(0, left));
    });
    promise.catch(() => undefined); // once the race is lost, its end (destroyed with the task) is of no interest
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  };
  try {
    const document = await inTime(task.promise);
    if (document.numPages > limits.pages) {
      throw new PdfUnreadable(`it has ${document.numPages} pages, over the ${limits.pages}-page limit for an article`);
    }
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await inTime(document.getPage(number));
      const content = await inTime(page.getTextContent());
      pages.push({ lines: linesOf(content.items) });
      page.cleanup();
    }
    const text = paragraphsOf(withoutRunningHeaders(pages));
    if (!/\p{L}|\p{N}/u.test(text)) throw new PdfUnreadable('has no text layer: it is a scanned image; run OCR first');
    const { info, metadata } = await inTime(document.getMetadata());
    const fields = info as Record<string, unknown>;
    const xmp = (name: string) => metadata?.get(name) ?? undefined;
    // XMP gives dc:creator as a list of names.
    const stringOf = (value: unknown): string | undefined =>
      Array.isArray(value) ? stringOf(value.filter((v) => typeof v === 'string' && v.trim()).join(', ')) : typeof value === 'string' && value.trim() ? value.trim() : undefined;
    const infoDate = stringOf(fields.CreationDate);
    const date = stringOf(xmp('xmp:createdate')) ?? (infoDate ? PDFDateString.toDateObject(infoDate)?.toISOString() : undefined);
    const stated = statedMetadata(
      {
        title: usefulTitle(stringOf(xmp('dc:title')) ?? stringOf(fields.Title)),
        author: stringOf(xmp('dc:creator')) ?? stringOf(fields.Author),
        publishedAt: date?.replace(/\.000Z$/, 'Z'),
      },
      [],
    );
    return { ...stated, text, pages: document.numPages };
  } catch (error) {
    if (error instanceof PdfUnreadable) throw error;
    const name = (error as Error)?.name;
    if (name === 'PasswordException') throw new PdfUnreadable('is password-protected; save an unprotected copy and import that');
    if (name === 'InvalidPDFException') throw new PdfUnreadable('is not a readable PDF (damaged or truncated)');
    throw new PdfUnreadable(`cannot be read as a PDF (${(error as Error)?.message ?? String(error)})`);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/// A title worth keeping: not empty, not a file name or a word processor's placeholder.
function usefulTitle(title: string | undefined): string | undefined {
  if (!title || /^(untitled|microsoft word - |document\d*$)|\.(docx?|odt|pdf|rtf|txt)$/i.test(title)) return undefined;
  return title;
}

/// A text item as pdf.js gives it (marked-content items have no `str`).
interface TextItem {
  str?: string;
  dir?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

/// The lines of a page: items on one baseline, in the order of their position for left-to-right
/// text (a glyph from a fallback font, such as "₹", may be drawn after the words around it), in the
/// order drawn for right-to-left text (pdf.js gives those runs in logical order already).
export function linesOf(items: readonly unknown[]): PdfLine[] {
  const lines: { line: PdfLine; parts: { str: string; x: number }[]; rtl: boolean }[] = [];
  let current: (typeof lines)[number] | null = null;
  for (const raw of items) {
    const item = raw as TextItem;
    if (typeof item.str !== 'string' || !item.transform) continue;
    const [a, b, , d, x, y] = item.transform;
    const size = Math.hypot(a, b) || Math.abs(d) || item.height || 1;
    if (item.str) {
      const sameLine = (entry: (typeof lines)[number]) => Math.abs(y - entry.line.y) <= Math.min(size, entry.line.size) * 0.3;
      if (!current || !sameLine(current)) current = lines.slice(-3).find(sameLine) ?? null;
      if (!current) {
        current = { line: { text: '', x, y, size }, parts: [], rtl: false };
        lines.push(current);
      }
      current.parts.push({ str: item.str, x });
      current.rtl ||= item.dir === 'rtl';
      current.line.size = Math.max(current.line.size, size);
      const end = x + (item.width ?? 0);
      current.line.width = Math.max(current.line.width ?? 0, end - Math.min(current.line.x, x));
      current.line.x = Math.min(current.line.x, x);
    }
    if (item.hasEOL) current = null;
  }
  return lines
    .map(({ line, parts, rtl }) => ({ ...line, text: (rtl ? parts : [...parts].sort((p, q) => p.x - q.x)).map((p) => p.str).join('') }))
    .filter((line) => line.text.trim());
}
