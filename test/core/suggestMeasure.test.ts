// The measure suggested for a figure from its sentence: the counted noun and the verb after it.
import { describe, expect, it } from 'vitest';
import { completeMeasure, suggestMeasure } from '../../main/core/quantities/suggestMeasure';

describe('suggestMeasure', () => {
  it.each([
    ['Between 10,000 and 13,000 civilians have fled from eastern Aleppo in the past 24 hours', 'civilians fled'],
    ['13,346 civilians left the city', 'civilians left'],
    ['at least 413 civilians have been killed in east Aleppo', 'civilians killed'],
    ['2,200 rebels had laid down their weapons', 'rebels laid down'],
    ['More than 730 people have been killed', 'people killed'],
    ['80,000 have fled', 'fled'],
    ['728 Syrian rebels surrendered', 'rebels surrendered'],
  ])('“%s” → %s', (sentence, measure) => {
    expect(suggestMeasure(sentence)).toBe(measure);
  });

  it('names nothing without a number, and no verb after a preposition', () => {
    expect(suggestMeasure('The Observatory said so')).toBeNull();
    expect(suggestMeasure('around 900 of them')).toBeNull();
  });

  it('is given in the spelling of a measure already in use', () => {
    expect(completeMeasure('civilians fled', ['Civilians fled', 'rebels surrendered'])).toBe('Civilians fled');
    expect(completeMeasure('people killed', ['civilians killed'])).toBe('people killed');
  });
});
