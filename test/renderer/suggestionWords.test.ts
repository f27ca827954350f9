// What a screen reader hears when a suggestion becomes current: label, words, speaker, position, keys.
import { describe, expect, it } from 'vitest';
import type { ListedSuggestion } from '../../preload/api';
import { suggestionAnnouncement } from '../../renderer/src/suggestions/suggestionWords';

const NAMES: Record<string, string> = { figure: 'Figure', quote: 'Quote' };
const name = (id: string) => NAMES[id] ?? id;

describe('suggestionAnnouncement', () => {
  it('says the label, the words, the position among those shown and the keys', () => {
    const figure: ListedSuggestion = { key: 'f1', kind: 'figure', label: 'figure', start: 10, end: 26, text: '13,346 civilians' };
    expect(suggestionAnnouncement(figure, 2, 26, name)).toBe('Suggested Figure ‘13,346 civilians’, 3 of 26. Enter accepts, x dismisses, Tab goes on.');
  });

  it('names a quote’s speaker, and keeps long or multi-line words to one short line', () => {
    const text = 'We will not leave\nAleppo until every civilian has been evacuated safely from the eastern districts';
    const quote: ListedSuggestion = { key: 'q1', kind: 'quote', label: 'quote', start: 0, end: text.length, text, speaker: { start: 200, end: 218, text: 'Staffan de Mistura' } };
    const said = suggestionAnnouncement(quote, 0, 1, name);
    expect(said).toBe('Suggested Quote ‘We will not leave Aleppo until every civilian has been evac…’, said by Staffan de Mistura, 1 of 1. Enter accepts, x dismisses, Tab goes on.');
    expect(said).not.toContain('\n');
  });
});
