/// One document's suggestions as the app and `awb suggest` are given them (DESIGN §12): the kinds
/// asked for, worked out in slices, person and place names from those kept for the document
/// (found the first time), without those an annotation already has (label and span), in text
/// order.
import type { Annotation, Entity } from '../model.js';
import type { StoredNames } from './storedNames.js';
import { newSuggestions } from './suggestAll.js';
import { suggestInSlices } from './suggestInSlices.js';
import type { Suggestion, SuggestionKind } from './suggestion.js';

/// The suggestions of the `kinds` asked for in document `id` (text `text`, annotations
/// `annotations`), mentions of `entities` among them, names from `names`.
export async function documentSuggestions(
  document: { id: string; text: string },
  annotations: readonly Pick<Annotation, 'label' | 'start' | 'end'>[],
  entities: readonly Entity[],
  kinds: readonly SuggestionKind[],
  names: StoredNames,
): Promise<Suggestion[]> {
  const others = kinds.filter((k) => k !== 'name');
  const found = others.length ? await suggestInSlices(document.text, entities, others, annotations) : [];
  // A name that an annotation or another suggestion already has (label and span) is left out.
  return newSuggestions([...found, ...(kinds.includes('name') ? await names.of(document.id, document.text) : [])], annotations);
}
