/// Quotes by speaker (DESIGN §11): grouped by the speaker's entity, or by the speaker's text where
/// it is linked to none (case aside), then within a speaker into quotes of nearly the same words,
/// so that one statement reported by several outlets is one group with who reported it.
///
/// Nearly the same words: of the shorter quote's distinct words (as phrase search counts words,
/// case folded), at least `SHARED_WORDS` are in the longer one, and the shorter has at least
/// `MIN_WORDS`; or both are the same words in the same order. Shortened and lengthened reports
/// ("a meltdown of humanity" in "The situation is a meltdown of humanity") group; quotes that
/// share only a few common words do not.
import type { Entity } from '../model.js';
import type { QuoteRow } from '../store/sqlIndex/compareQuery.js';
import { phraseWords } from '../text/searchWords.js';
import { comparedSpan, type QuoteGroup, type QuoteItem, type Speaker } from './compareReport.js';

/// The share of the shorter quote's words the longer must hold.
const SHARED_WORDS = 0.8;
/// Fewer words than this group only with the very same words.
const MIN_WORDS = 4;

/// Whether the distinct words `short` (the smaller set) are nearly all in `long`.
function sharedEnough(short: ReadonlySet<string>, long: ReadonlySet<string>): boolean {
  if (short.size < MIN_WORDS) return false;
  let shared = 0;
  for (const w of short) if (long.has(w)) shared++;
  return shared >= SHARED_WORDS * short.size;
}

/// Whether two quotes' words make them nearly the same.
export function nearlySame(a: readonly string[], b: readonly string[]): boolean {
  if (a.join(' ') === b.join(' ')) return true;
  const [x, y] = [new Set(a), new Set(b)];
  return x.size <= y.size ? sharedEnough(x, y) : sharedEnough(y, x);
}

/// How many of its distinct words a quote of `size` words may lack in one nearly the same.
function mayLack(size: number): number {
  return size - Math.ceil(SHARED_WORDS * size);
}

/// The columns that tell a quote's speaker.
export interface SpeakerColumns {
  speakerText: string | null;
  speakerEntity: string | null;
}

/// The speaker of a row: its entity when that is in the list, else its text, else nobody.
function speakerOf(row: SpeakerColumns, entities: ReadonlyMap<string, Entity>): { key: string; speaker: Speaker } {
  const entity = row.speakerEntity !== null ? entities.get(row.speakerEntity) : undefined;
  if (entity) return { key: `e:${entity.id}`, speaker: { entityId: entity.id, name: entity.name } };
  if (row.speakerText !== null) return { key: `t:${phraseWords(row.speakerText).join(' ')}`, speaker: { text: row.speakerText } };
  return { key: '', speaker: null };
}

/// `rows` (a quote once each) by speaker, speakers by name (quotes with no speaker last); a
/// speaker's rows in the order given.
export function bySpeaker<R extends SpeakerColumns>(rows: readonly R[], entities: readonly Entity[]): { speaker: Speaker; rows: R[] }[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  // Each speaker sorted by the first of its spellings and then its key, whatever order the rows
  // come in, so that a page of speakers read in no order lists them as all of them in order do.
  const speakers = new Map<string, { key: string; sortName: string; speaker: Speaker; rows: R[] }>();
  for (const r of rows) {
    const { key, speaker } = speakerOf(r, byId);
    const entry = speakers.get(key);
    const name = speakerName(speaker);
    if (!entry) speakers.set(key, { key, sortName: name, speaker, rows: [r] });
    else {
      entry.rows.push(r);
      if (name.localeCompare(entry.sortName) < 0) entry.sortName = name;
    }
  }
  return [...speakers.values()]
    .sort((x, y) => Number(x.speaker === null) - Number(y.speaker === null) || x.sortName.localeCompare(y.sortName) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map(({ speaker, rows: spoken }) => ({ speaker, rows: spoken }));
}

/// The name a speaker is listed under ('' for nobody recorded).
export function speakerName(speaker: Speaker): string {
  return speaker === null ? '' : 'name' in speaker ? speaker.name : speaker.text;
}

/// Clusters one speaker's quotes; clusters keep the order of their first quote. Not every pair is
/// compared: a quote nearly the same as a shorter one holds all but `mayLack` of the shorter's
/// words, so it holds one of any `mayLack + 1` of them, and only the quotes holding one of the
/// shorter's rarest words are candidates.
function clusters(items: readonly QuoteItem[]): QuoteItem[][] {
  // The very same words first: most repeated quotes are the same statement word for word.
  const byWords = new Map<string, { words: Set<string>; items: QuoteItem[] }>();
  for (const item of items) {
    const words = phraseWords(item.text);
    const key = words.join(' ');
    const entry = byWords.get(key) ?? { words: new Set(words), items: [] };
    entry.items.push(item);
    byWords.set(key, entry);
  }
  const distinct = [...byWords.values()];
  const holding = new Map<string, number[]>();
  distinct.forEach((d, i) => {
    for (const w of d.words) {
      const list = holding.get(w);
      if (list) list.push(i);
      else holding.set(w, [i]);
    }
  });
  const parent = distinct.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  distinct.forEach((shorter, i) => {
    if (shorter.words.size < MIN_WORDS) return;
    const rarest = [...shorter.words].sort((x, y) => holding.get(x)!.length - holding.get(y)!.length).slice(0, mayLack(shorter.words.size) + 1);
    const met = new Set<number>();
    for (const word of rarest) {
      for (const j of holding.get(word)!) {
        if (j === i || met.has(j)) continue;
        met.add(j);
        const longer = distinct[j].words;
        // Each pair once, from its shorter quote (of two alike, from the first).
        if (longer.size < shorter.words.size || (longer.size === shorter.words.size && j < i)) continue;
        if (sharedEnough(shorter.words, longer)) parent[root(j)] = root(i);
      }
    }
  });
  const grouped = new Map<number, QuoteItem[]>();
  distinct.forEach((d, i) => {
    const group = grouped.get(root(i));
    if (group) for (const item of d.items) group.push(item);
    else grouped.set(root(i), [...d.items]);
  });
  const order = new Map(items.map((item, i) => [item, i]));
  return [...grouped.values()].map((group) => group.sort((x, y) => order.get(x)! - order.get(y)!));
}

/// Groups `rows` (in listing order) by speaker and near-identical words: speakers by name (quotes
/// with no speaker last), a speaker's groups most reported first.
export function quoteGroups(rows: readonly QuoteRow[], entities: readonly Entity[]): QuoteGroup[] {
  // A quote with two speakers recorded is listed under the first.
  const seen = new Set<string>();
  const once = rows.filter((r) => {
    const id = `${r.documentId}\u0000${r.annotationId}`;
    return !seen.has(id) && Boolean(seen.add(id));
  });
  return bySpeaker(once, entities).flatMap(({ speaker, rows: spoken }) =>
    clusters(spoken.map(comparedSpan))
      .sort((x, y) => y.length - x.length)
      .map((group) => ({ speaker, items: group })),
  );
}
