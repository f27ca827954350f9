/// Fetching an article from a web address (DESIGN §13 "import from a URL"), in the service's
/// process, never the window's: http and https only, at every redirect too; redirects followed one
/// by one up to a limit; the size checked from the `Content-Length` header before the body is
/// read, and counted while it is read; the whole fetch bounded in time. What the server says the
/// content is (`Content-Type`) names the file type the article readers go by, so a page served
/// from an address without `.html` is read as a page; the character set it names for a page or a
/// text (`charset=windows-1251`) is decoded here (iconv-lite), as the article readers only tell
/// UTF-8, UTF-16 and Windows-1252 apart by themselves. Every failure is an ArticleRejected naming
/// the address, in words.
import iconv from 'iconv-lite';
import { ArticleRejected, MAX_ARTICLE_BYTES } from './text/readArticle.js';

/// How far a fetch may go.
export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

/// The limits of an import from a web address: an article file's size limit, 30 s, 5 redirects.
export const FETCH_LIMITS: FetchLimits = { maxBytes: MAX_ARTICLE_BYTES, timeoutMs: 30_000, maxRedirects: 5 };

/// A fetched article: a file name whose extension says its type, its bytes, and the address it
/// was finally fetched from (after redirects).
export interface FetchedArticle {
  name: string;
  bytes: Uint8Array;
  url: string;
}

/// The file extension of each content type that is an article.
const EXTENSIONS: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'text/plain': '.txt',
  'text/markdown': '.md',
  'text/x-markdown': '.md',
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
};

/// Content types that say nothing about the file: its address's extension is used then.
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/download']);

/// Extensions read from an address when the server does not say.
const KNOWN_EXTENSIONS = /\.(?:html?|txt|md|pdf|docx)$/i;

/// `address` as a URL, when it is an http or https one.
function httpUrl(address: string, base?: URL): URL | null {
  try {
    const url = new URL(address, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/// The file name an article fetched from `url` with content type `type` gets.
export function fileNameFor(url: URL, type: string, address = url.href): string {
  const last = decodeURIComponentSafe(url.pathname.split('/').filter(Boolean).at(-1) ?? '');
  // Characters no file system takes in a name, and control characters, become "_".
  const base = [...(last || url.hostname)].map((c) => (/[\\/:*?"<>|]/.test(c) || c.charCodeAt(0) < 32 ? '_' : c)).join('').slice(0, 180);
  const ext = EXTENSIONS[type];
  if (ext) return base.toLowerCase().endsWith(ext) || (ext === '.html' && /\.htm$/i.test(base)) ? base : `${base}${ext}`;
  if (GENERIC_TYPES.has(type) && KNOWN_EXTENSIONS.test(base)) return base;
  throw new ArticleRejected(address, `the address serves ${type || 'content of no stated type'}, not an article (a web page, PDF, Word document or text)`);
}

function decodeURIComponentSafe(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/// Fetches the article at `address` within `limits`.
export async function fetchArticle(address: string, limits: FetchLimits = FETCH_LIMITS): Promise<FetchedArticle> {
  let url = httpUrl(address.trim());
  if (!url) throw new ArticleRejected(address, 'is not a web address: only http:// and https:// addresses can be imported');
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5' },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        const next = httpUrl(response.headers.get('location')!, url);
        if (!next) throw new ArticleRejected(address, `redirects to ${response.headers.get('location')}, which is not an http or https address`);
        if (redirects + 1 > limits.maxRedirects) throw new ArticleRejected(address, `redirects more than ${limits.maxRedirects} times`);
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new ArticleRejected(address, `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const contentType = response.headers.get('content-type') ?? '';
      const type = contentType.split(';')[0].trim().toLowerCase();
      const name = fileNameFor(url, type, address);
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > limits.maxBytes) {
        await response.body?.cancel();
        throw new ArticleRejected(address, `is ${megabytes(declared)}, over the ${megabytes(limits.maxBytes)} limit`);
      }
      const bytes = await readBody(response, limits.maxBytes, address);
      return { name, bytes: inUtf8(bytes, type, contentType, address), url: url.href };
    }
  } catch (error) {
    if (error instanceof ArticleRejected) throw error;
    if (signal.aborted) throw new ArticleRejected(address, `took longer than ${limits.timeoutMs / 1000} s to fetch`);
    throw new ArticleRejected(address, `could not be fetched (${networkReason(error)})`);
  }
}

/// The body, refused as soon as it grows past `maxBytes` (a server may send more than it said).
async function readBody(response: Response, maxBytes: number, address: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ArticleRejected(address, `is over the ${megabytes(maxBytes)} limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/// Character sets the readers tell by themselves.
const READ_AS_IS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii', 'iso-8859-1', 'latin1', 'windows-1252', 'utf-16', 'utf-16le', 'utf-16be']);

/// A page's or a text's bytes in UTF-8 when the server names another character set.
function inUtf8(bytes: Uint8Array, type: string, contentType: string, address: string): Uint8Array {
  if (!type.startsWith('text/') && type !== 'application/xhtml+xml') return bytes;
  const charset = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1].toLowerCase();
  if (!charset || READ_AS_IS.has(charset)) return bytes;
  if (!iconv.encodingExists(charset)) throw new ArticleRejected(address, `the page is in a character set this app cannot read (${charset})`);
  return Buffer.from(iconv.decode(Buffer.from(bytes), charset), 'utf8');
}

function megabytes(bytes: number): string {
  return `${Number.isInteger(bytes / 1048576) ? bytes / 1048576 : (bytes / 1048576).toFixed(1)} MB`;
}

/// A network failure in words: Node's fetch says "fetch failed" and keeps the cause.
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no such host';
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was closed';
  if (code && /^(?:CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS)/.test(code)) return `its certificate is not valid: ${cause?.message ?? code}`;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}
