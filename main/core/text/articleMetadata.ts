/// What an article file states about itself (DESIGN §10): outlet, publication date, author, URL,
/// language, tags and title, read from an HTML page's head (`<title>`, Open Graph, `article:*`,
/// `meta name=author`, the canonical link, `<html lang>`, JSON-LD `NewsArticle`) or a Markdown
/// file's YAML front matter. Never guessed: a field the file does not state stays absent, and a
/// value that is not what its field holds (a date that is not a date, a URL that is not http) is
/// left out with a warning.
import { Parser } from 'htmlparser2';
import { parse as parseYaml } from 'yaml';
import { DocumentMetaSchema, type DocumentMeta } from '../model.js';

/// Metadata stated by a file, and its title when it states one.
export interface StatedMetadata {
  meta: DocumentMeta;
  title?: string;
  /// Values the file gave that could not be used, in words.
  warnings: string[];
}

/// JSON-LD types that describe an article.
const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BlogPosting', 'Report']);

/// What a file states, as found (later tidied by `statedMetadata`).
export interface RawFields {
  title?: unknown;
  outlet?: unknown;
  publishedAt?: unknown;
  author?: unknown;
  url?: unknown;
  language?: unknown;
  tags?: unknown;
}

/// The metadata an HTML page states about itself.
export function htmlMetadata(html: string): StatedMetadata {
  const head: Record<string, string[]> = {};
  const add = (key: string, value: string | undefined) => {
    if (value?.trim()) (head[key] ??= []).push(value.trim());
  };
  const jsonLd: string[] = [];
  let inTitle = false;
  let title = '';
  let script: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'html') add('lang', attributes.lang);
        if (name === 'title') inTitle = true;
        if (name === 'meta') add((attributes.property ?? attributes.name ?? '').toLowerCase(), attributes.content);
        if (name === 'link' && (attributes.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')) add('canonical', attributes.href);
        if (name === 'script' && (attributes.type ?? '').toLowerCase() === 'application/ld+json') script = '';
      },
      ontext(text) {
        if (inTitle) title += text;
        if (script !== null) script += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script' && script !== null) {
          jsonLd.push(script);
          script = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const warnings: string[] = [];
  const article = jsonLdArticle(jsonLd, warnings);
  const first = (key: string) => head[key]?.[0];
  const raw: RawFields = {
    title: first('og:title') ?? article?.headline ?? (title.replace(/\s+/g, ' ').trim() || undefined),
    outlet: first('og:site_name') ?? nameOf(article?.publisher),
    publishedAt: first('article:published_time') ?? article?.datePublished,
    author: first('author') ?? first('article:author') ?? nameOf(article?.author),
    url: first('canonical') ?? first('og:url') ?? article?.url,
    language: first('lang') ?? article?.inLanguage,
    tags: head['article:tag'] ?? article?.keywords,
  };
  return statedMetadata(raw, warnings);
}

/// The keys that make a block at the start of a Markdown file its front matter.
const FRONT_MATTER_KEYS = new Set(['title', 'outlet', 'publisher', 'source', 'site', 'publishedat', 'published', 'date', 'author', 'authors', 'url', 'link', 'canonical', 'language', 'lang', 'tags', 'keywords']);

/// The metadata a Markdown (or text) file states in YAML front matter (between `---` lines at its
/// very start), and the text without it. A file whose first lines do not form such a block is
/// returned as it is.
export function frontMatter(text: string): StatedMetadata & { body: string } {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { meta: {}, warnings: [], body: text };
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch {
    return { meta: {}, warnings: ['the front matter is not valid YAML; it was left in the text'], body: text };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { meta: {}, warnings: [], body: text };
  const fields = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]));
  // A rule and a "Word: text" line parse as YAML too: only a block naming what front matter names
  // is taken out of the text.
  if (![...fields.keys()].some((key) => FRONT_MATTER_KEYS.has(key))) return { meta: {}, warnings: [], body: text };
  const pick = (...keys: string[]) => keys.map((key) => fields.get(key)).find((value) => value !== undefined && value !== null);
  const stated = statedMetadata(
    {
      title: pick('title'),
      outlet: pick('outlet', 'publisher', 'source', 'site'),
      publishedAt: pick('publishedat', 'published', 'date'),
      author: pick('author', 'authors'),
      url: pick('url', 'link', 'canonical'),
      language: pick('language', 'lang'),
      tags: pick('tags', 'keywords'),
    },
    [],
  );
  return { ...stated, body: text.slice(match[0].length) };
}

/// The first JSON-LD object of an article type (top level, in an array or in `@graph`).
function jsonLdArticle(scripts: string[], warnings: string[]): Record<string, unknown> | null {
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script);
    } catch {
      warnings.push('a JSON-LD block is not valid JSON and was ignored');
      continue;
    }
    const candidates: unknown[] = Array.isArray(data) ? data : [data];
    for (const candidate of [...candidates]) {
      const graph = (candidate as { '@graph'?: unknown })?.['@graph'];
      if (Array.isArray(graph)) candidates.push(...graph);
    }
    for (const candidate of candidates) {
      if (typeof candidate !== 'object' || candidate === null) continue;
      const type = (candidate as { '@type'?: unknown })['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t))) return candidate as Record<string, unknown>;
    }
  }
  return null;
}

/// A person's or organisation's name: a string, `{ name }`, or the names of a list, joined.
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => !!name);
    return names.length ? names.join(', ') : undefined;
  }
  if (typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string') return (value as { name: string }).name;
  return undefined;
}

/// Tidies what a file stated into metadata: text trimmed, a date kept only when it is an ISO date
/// or date-time (a YAML date becomes its ISO day), a URL only when it is http(s), tags from a list
/// or a comma-separated string; every value checked by the model's schema.
export function statedMetadata(raw: RawFields, warnings: string[]): StatedMetadata {
  const text = (value: unknown, max: number) => {
    const s = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    const trimmed = s?.replace(/\s+/g, ' ').trim();
    return trimmed ? trimmed.slice(0, max) : undefined;
  };
  const meta: DocumentMeta = {};
  const outlet = text(raw.outlet, 200);
  if (outlet) meta.outlet = outlet;
  const author = text(nameOf(raw.author) ?? raw.author, 200);
  if (author) meta.author = author;
  const published = raw.publishedAt instanceof Date ? raw.publishedAt.toISOString().slice(0, 10) : text(raw.publishedAt, 40);
  if (published) {
    const parsed = DocumentMetaSchema.shape.publishedAt.safeParse(published);
    if (parsed.success) meta.publishedAt = published;
    else warnings.push(`the publication date "${published}" is not an ISO date or date-time; it was left out`);
  }
  const url = text(raw.url, 2000);
  if (url) {
    if (DocumentMetaSchema.shape.url.safeParse(url).success) meta.url = url;
    else warnings.push(`the URL "${url}" is not an absolute http(s) address; it was left out`);
  }
  const language = text(raw.language, 35);
  if (language && DocumentMetaSchema.shape.language.safeParse(language).success) meta.language = language;
  const tags = (Array.isArray(raw.tags) ? raw.tags : typeof raw.tags === 'string' ? raw.tags.split(',') : [])
    .map((tag) => text(tag, 100))
    .filter((tag): tag is string => !!tag);
  if (tags.length) meta.tags = [...new Set(tags)].slice(0, 50);
  const title = text(raw.title, 300);
  return { meta, ...(title ? { title } : {}), warnings };
}
