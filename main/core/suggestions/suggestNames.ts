/// Person and place name suggestions (DESIGN §12) from compromise's `people()` and `places()`:
/// persons labelled actor, places location, each span trimmed of titles ("President"), a
/// possessive ('s) and punctuation, so that it is the name alone.
import { compromise } from '../quantities/compromise.js';
import { SUGGESTION_LABELS, type Suggestion } from './suggestion.js';

/// The name finder's version: raised whenever what `suggestNames` finds changes (compromise is
/// pinned to one version in package.json for this reason), so that names kept for a document by
/// an older finder are found again (see storedNames.ts).
export const NAME_FINDER_VERSION = 1;

/// Words before a name that are not part of it.
const TITLES = /^(?:(?:president|prime minister|minister|mr|mrs|ms|dr|sir|general|gen|king|queen|prince|sheikh|secretary|ambassador|envoy|deputy|foreign|defence|defense|senator|rep|pope)\.?\s+)+/i;

interface Found {
  text: string;
  offset: { start: number; length: number };
}

/// The span of a name compromise found, trimmed to the name, or null when nothing is left.
function nameSpan(text: string, found: Found): { start: number; end: number } | null {
  let start = found.offset.start;
  let end = start + found.offset.length;
  const piece = text.slice(start, end);
  const title = TITLES.exec(piece);
  if (title) start += title[0].length;
  let tail = text.slice(start, end);
  const trailing = /(?:['’]s?)?[\s.,;:!?"'“”‘’)\]-]*$/.exec(tail)![0].length;
  end -= trailing;
  tail = text.slice(start, end);
  const leading = /^[\s"'“”‘’([-]*/.exec(tail)![0].length;
  start += leading;
  return end > start && NAME_START.test(text.slice(start, end)) ? { start, end } : null;
}

/// A name starts with a capital, or with a particle before one ("al-Youssef", "de Mistura").
const NAME_START = /^(?:\p{Lu}|(?:al|el|de|bin|ibn|van|von|da)[-\s]\p{Lu})/u;
/// A capitalised name of two to four words, particles allowed ("Abu Abdel Rahman al-Hamawi").
const FULL_NAME = String.raw`\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)?(?:\s+(?:(?:al|el|bin|ibn|de|van|von)[-\s])?\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)?){1,3}`;
/// A role noun then a full name: "opposition coordinator Riad Hijab".
const AFTER_ROLE = new RegExp(
  String.raw`\b(?:coordinator|minister|spokesman|spokeswoman|director|envoy|ambassador|president|commander|leader|secretary|chief|official|general|mayor|premier)\s+(${FULL_NAME})`,
  'gu',
);
/// A single capitalised word speaking: "Assad also stated", "Assad in said".
const SPEAKING = /(?<=^|[.,;:!?]\s+|\n)(\p{Lu}[\p{L}]+)(?:['’]s)?\s+(?:(?:also|then|in|later|had|has|have)\s+)?(?:said|says|stated|told|added|insisted|warned|announced)\b/gu;
/// Tags that make a capitalised word something other than a person.
const NOT_A_PERSON = new Set(['Place', 'Country', 'City', 'Organization', 'Plural', 'Pronoun', 'Determiner', 'Date', 'Demonym']);

interface Term {
  text: string;
  offset: { start: number; length: number };
  terms: { tags: string[] }[];
}

/// Person and place names in `text`, in text order.
export function suggestNames(text: string): Suggestion[] {
  const doc = compromise()(text);
  const found: Suggestion[] = [];
  const add = (items: Found[], label: string) => {
    for (const item of items) {
      const span = nameSpan(text, item);
      if (span) found.push({ label, kind: 'name', ...span, text: text.slice(span.start, span.end) });
    }
  };
  add(doc.people().json({ offset: true }) as Found[], SUGGESTION_LABELS.person);
  add(doc.places().json({ offset: true }) as Found[], SUGGESTION_LABELS.place);
  const persons = found.filter((f) => f.label === SUGGESTION_LABELS.person);
  const taken = (start: number, end: number) => found.some((f) => f.start < end && start < f.end);
  const addPerson = (start: number, end: number) => {
    if (taken(start, end)) return;
    const person: Suggestion = { label: SUGGESTION_LABELS.person, kind: 'name', start, end, text: text.slice(start, end) };
    found.push(person);
    persons.push(person);
  };
  // Names after a role noun, which compromise does not know ("coordinator Riad Hijab").
  for (const m of text.matchAll(AFTER_ROLE)) addPerson(m.index + m[0].length - m[1].length, m.index + m[0].length);
  // A single capitalised word that speaks and that compromise does not take for a place, a
  // group or a plural is a person's name ("Assad also stated").
  const tagsAt = new Map<number, string[]>();
  for (const term of doc.terms().json({ offset: true }) as Term[]) tagsAt.set(term.offset.start, term.terms[0]?.tags ?? []);
  for (const m of text.matchAll(SPEAKING)) {
    const tags = tagsAt.get(m.index) ?? [];
    if (tags.some((t) => NOT_A_PERSON.has(t)) || /\bthe\s+$/i.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    addPerson(m.index, m.index + m[1].length);
  }
  // A person once named is named again by the last word of the name ("Assad" after "Bashar
  // al-Assad"), without its particle.
  const surnames = new Set<string>();
  for (const p of persons) {
    const last = p.text.split(/\s+/).at(-1)!.replace(/^(?:al|el|Al|El)-/, '');
    if (last.length >= 3 && /^\p{Lu}/u.test(last)) surnames.add(last);
  }
  if (surnames.size > 0) {
    const names = [...surnames].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const again = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${names.join('|')})(?![\\p{L}\\p{N}-])`, 'gu');
    for (const m of text.matchAll(again)) addPerson(m.index, m.index + m[0].length);
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}
