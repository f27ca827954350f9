/// The suggestions of one document as the service hands them to the app (DESIGN §12), worked out
/// in slices of whole paragraphs with a pause for the event loop between slices, so that a long
/// document's suggestions never hold up other calls for long. Quotes, which may run across
/// paragraphs, are found over the whole text at once (they are quick). Person and place names
/// (compromise, by far the slowest suggester) are found in smaller slices, as compromise is
/// slower than linear on long texts; the service keeps them per document (storedNames.ts).
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Entity } from '../model.js';
import { newSuggestions, suggestAll } from './suggestAll.js';
import type { Suggestion, SuggestionKind } from './suggestion.js';

/// Characters per slice: figures and entity mentions, and names.
const SLICE_CHARS = 20_000;
/// Characters per slice of names (a part of what the names kept for a document depend on).
export const NAME_SLICE_CHARS = 4_000;

/// The paragraph-aligned slices `[start, end)` of `text`, each about `size` characters (a single
/// paragraph longer than that is one slice).
export function paragraphSlices(text: string, size: number): { start: number; end: number }[] {
  const slices: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const back = text.lastIndexOf('\n', end);
      const cut = back > start ? back : text.indexOf('\n', end);
      end = cut < 0 ? text.length : cut + 1;
    }
    slices.push({ start, end });
    start = end;
  }
  return slices;
}

/// Runs `suggest` on each slice of `text`, shifting what it finds to the whole text's offsets.
async function bySlices(text: string, size: number, suggest: (piece: string) => Suggestion[]): Promise<Suggestion[]> {
  const found: Suggestion[] = [];
  for (const { start, end } of paragraphSlices(text, size)) {
    for (const s of suggest(text.slice(start, end))) {
      found.push({
        ...s,
        start: s.start + start,
        end: s.end + start,
        ...(s.speaker ? { speaker: { ...s.speaker, start: s.speaker.start + start, end: s.speaker.end + start } } : {}),
      });
    }
    await nextTurn();
  }
  return found;
}

/// The suggestions of the `kinds` asked for in `text`, in text order, without those repeating
/// an `existing` annotation's label and span.
export async function suggestInSlices(
  text: string,
  entities: readonly Entity[],
  kinds: readonly SuggestionKind[],
  existing: readonly { label: string; start: number; end: number }[],
): Promise<Suggestion[]> {
  const on = (kind: SuggestionKind) => kinds.includes(kind);
  const sliced = (['figure', 'entity'] as const).filter(on);
  const found: Suggestion[] = [];
  if (sliced.length) found.push(...(await bySlices(text, SLICE_CHARS, (piece) => suggestAll(piece, entities, { kinds: sliced }))));
  if (on('quote')) found.push(...suggestAll(text, entities, { kinds: ['quote'] }));
  if (on('name')) {
    await nextTurn();
    found.push(...(await bySlices(text, NAME_SLICE_CHARS, (piece) => suggestAll(piece, entities, { kinds: ['name'] }))));
  }
  return newSuggestions(found, existing);
}
