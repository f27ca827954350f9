/// Entity mention suggestions (DESIGN §12): whole-word, case-insensitive matches of the known
/// entities' names and aliases, the longest first where they overlap; each labelled with its
/// entity's type and carrying the entity's id.
import { entityKey } from '../entities.js';
import type { Entity } from '../model.js';
import type { Suggestion } from './suggestion.js';

/// Characters a regular expression gives a meaning to.
function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/// Mentions of `entities` in `text`, in text order, none overlapping another.
export function suggestEntityMentions(text: string, entities: readonly Entity[]): Suggestion[] {
  const byKey = new Map<string, Entity>();
  const terms: string[] = [];
  for (const entity of entities) {
    for (const term of [entity.name, ...entity.aliases]) {
      const key = entityKey(term);
      if (key === '' || byKey.has(key)) continue;
      byKey.set(key, entity);
      terms.push(term.normalize('NFC').trim().replace(/\s+/g, ' '));
    }
  }
  if (terms.length === 0) return [];
  // Longest first, so that at any place the alternation takes the longest name that fits.
  terms.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${terms.map((t) => escapeForPattern(t).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
  const found: Suggestion[] = [];
  for (const m of text.matchAll(pattern)) {
    const entity = byKey.get(entityKey(m[0]));
    if (!entity) continue;
    found.push({ label: entity.type, kind: 'entity', start: m.index, end: m.index + m[0].length, text: m[0], entityId: entity.id });
  }
  return found;
}
