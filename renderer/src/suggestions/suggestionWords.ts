/// What a screen reader is told when a suggestion becomes current (the ghosts themselves are
/// dashed frames, seen only): its label, its words, its speaker for a quote, where it is among
/// those shown and the keys, e.g. "Suggested Figure ‘13,346 civilians’, 3 of 26. Enter accepts,
/// x dismisses, Tab goes on."
import type { ListedSuggestion } from '../../../preload/api';
import { oneLine } from '../format';

/// The sentence for `current`, the `position`-th (from 0) of `total` shown; `labelName` gives a
/// label id's name.
export function suggestionAnnouncement(current: ListedSuggestion, position: number, total: number, labelName: (id: string) => string): string {
  const speaker = current.speaker ? `, said by ${oneLine(current.speaker.text, 40)}` : '';
  return `Suggested ${labelName(current.label)} ‘${oneLine(current.text, 60)}’${speaker}, ${position + 1} of ${total}. Enter accepts, x dismisses, Tab goes on.`;
}
