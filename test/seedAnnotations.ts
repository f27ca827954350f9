// The seed articles as documents tagged the way an analyst tags them: every quotation between
// double quotes and every paragraph of reported speech ("… said …", often several sentences) as a
// quote, the speakers and places inside them as actors and locations, and the quotes linked to a
// speaker; for export tests that must hold on real news text.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SCHEMA_VERSION, type Annotation, type DocumentFile, type Relation } from '../main/core/model';
import { articleFromBytes } from '../main/core/text/readArticle';
import { seedArticles } from './helpers';

const AT = '2026-11-22T10:00:00.000Z';
const ACTORS = /\b(?:Russia|Moscow|Reuters|Syrian rebels|rebel officials|the Defence Ministry|Bashar Al-Assad|Syrian President Bashar Al-Assad|the United Nations|the UN)\b/g;
const PLACES = /\b(?:Aleppo|Syria|Beirut|Damascus|Idlib|Geneva)\b/g;

/// The seed articles, tagged by `annotator` (see above).
export function taggedSeeds(annotator = 'ana'): DocumentFile[] {
  return seedArticles().map((path) => {
    const article = articleFromBytes(basename(path), readFileSync(path));
    const { text, id } = article;
    const annotations: Annotation[] = [];
    const relations: Relation[] = [];
    const add = (label: string, start: number, end: number): Annotation => {
      const a: Annotation = { id: randomUUID(), docId: id, label, start, end, quote: text.slice(start, end), annotator, createdAt: AT, updatedAt: AT, origin: 'manual' };
      annotations.push(a);
      return a;
    };
    for (const m of text.matchAll(/"([^"\n]+)"|“([^”\n]+)”/g)) add('quote', m.index + 1, m.index + m[0].length - 1);
    for (const m of text.matchAll(/[^\n]*\bsaid\b[^\n]*/g)) {
      const paragraph = add('quote', m.index, m.index + m[0].trimEnd().length);
      const speaker = [...m[0].matchAll(ACTORS)][0];
      if (speaker) relations.push({ id: randomUUID(), type: 'speaker', from: paragraph.id, to: add('actor', m.index + speaker.index, m.index + speaker.index + speaker[0].length).id, annotator });
    }
    for (const m of text.matchAll(ACTORS)) if (!annotations.some((a) => a.label === 'actor' && a.start === m.index)) add('actor', m.index, m.index + m[0].length);
    for (const m of text.matchAll(PLACES)) add('location', m.index, m.index + m[0].length);
    annotations.sort((x, y) => x.start - y.start || y.end - x.end);
    return {
      schemaVersion: SCHEMA_VERSION,
      document: { id, title: article.title, sourceName: article.sourceName, text, importedAt: AT, meta: article.meta },
      annotations,
      relations,
    };
  });
}
