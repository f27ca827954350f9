// The suggesters one by one (DESIGN §12): figures, quotes and their speakers, entity mentions,
// person and place names, and suggestAll's order, kinds and leaving out existing annotations.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../main/core/model';
import { OffsetConverter } from '../../main/core/offsets';
import { suggestAll } from '../../main/core/suggestions/suggestAll';
import { suggestEntityMentions } from '../../main/core/suggestions/suggestEntityMentions';
import { suggestFigures } from '../../main/core/suggestions/suggestFigures';
import { suggestNames } from '../../main/core/suggestions/suggestNames';
import { suggestQuotes } from '../../main/core/suggestions/suggestQuotes';

const texts = (list: { text: string }[]) => list.map((s) => s.text);

describe('suggestFigures', () => {
  it('takes the qualifier and the counted noun, and leaves dates, years, times, ages and durations', () => {
    const text =
      'Between 10,000 and 13,000 civilians fled on Dec. 6, 2016 in the past 24 hours; more than 730 people died, at least 413 civilians were killed at 11.50pm and two-thirds of the city fell. Service is mandatory over the age of 18. The two powers met for four years. Tens of thousands fled and 98% of areas were held.';
    expect(texts(suggestFigures(text))).toEqual([
      'Between 10,000 and 13,000 civilians',
      'more than 730 people',
      'at least 413 civilians',
      'two-thirds',
      'Tens of thousands',
      '98%',
    ]);
  });

  it('gives UTF-16 offsets after an emoji, which convert to code points', () => {
    const text = '🇸🇾 😢 13,346 civilians left';
    const [figure] = suggestFigures(text);
    expect(figure.text).toBe('13,346 civilians');
    expect(text.slice(figure.start, figure.end)).toBe('13,346 civilians');
    const converter = new OffsetConverter(text);
    expect(converter.sliceCodePoints(converter.toCodePoint(figure.start), converter.toCodePoint(figure.end))).toBe('13,346 civilians');
    expect(converter.toCodePoint(figure.start)).toBe(figure.start - 3);
  });

  it('leaves numbers inside ids and money', () => {
    expect(suggestFigures('Ref 1.1943720-2650591486 costs ₹2,700 a year')).toEqual([]);
  });
});

describe('suggestQuotes', () => {
  it('finds curly and straight quotes across a line break, with the speaker after ("said X") and before ("X said")', () => {
    const text = '“They sent us a letter,\nyou can leave,” said one of the officials.\nLavrov said: "The concrete route will be\nagreed upon soon."';
    const quotes = suggestQuotes(text);
    expect(texts(quotes)).toEqual(['They sent us a letter,\nyou can leave,', 'The concrete route will be\nagreed upon soon.']);
    expect(quotes[0].speaker?.text).toBe('one of the officials');
    expect(quotes[1].speaker?.text).toBe('Lavrov');
    for (const q of quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(text.slice(quotes[0].speaker!.start, quotes[0].speaker!.end)).toBe('one of the officials');
  });

  it('takes "X told …", "according to X" and a "he said" from the sentence before', () => {
    const text =
      'A military source told Reuters: "Until now, 32 neighbourhoods have been liberated". "Food is running out fast," according to an aid worker. Riad Hijab said defeat would not weaken them.\n"That will not happen at all," he said.';
    const quotes = suggestQuotes(text);
    expect(quotes.map((q) => q.speaker?.text)).toEqual(['A military source', 'an aid worker', 'Riad Hijab']);
  });

  it('skips scare quotes and apostrophes, and ends a quote left open where the next paragraph opens one', () => {
    const text = "A \"war of attrition\" in Aleppo’s old city, the rebels' pocket.\n\n\"They will pledge that nobody will be harmed.\n\n\"We have yet to give a response.\"";
    expect(texts(suggestQuotes(text))).toEqual(['They will pledge that nobody will be harmed.', 'We have yet to give a response.']);
  });
});

describe('suggestEntityMentions', () => {
  const russia: Entity = { id: '5b0f3b8e-54a4-4a6e-9a53-0d8e7f1f1a01', name: 'Russia', type: 'actor', aliases: ['Moscow', 'Russian Federation'] };
  const aleppo: Entity = { id: '5b0f3b8e-54a4-4a6e-9a53-0d8e7f1f1a02', name: 'Aleppo', type: 'location', aliases: [] };

  it('matches names and aliases as whole words, case aside, the longest first, with the entity id and type', () => {
    const text = 'The russian federation and MOSCOW; Russians in east Aleppo.';
    const found = suggestEntityMentions(text, [russia, aleppo]);
    expect(found.map((s) => [s.text, s.label, s.entityId])).toEqual([
      ['russian federation', 'actor', russia.id],
      ['MOSCOW', 'actor', russia.id],
      ['Aleppo', 'location', aleppo.id],
    ]);
  });
});

describe('suggestNames', () => {
  it('finds persons (actor) and places (location) with the title and possessive left out, after an emoji', () => {
    const text = '😢 President Bashar al-Assad’s forces met Sergei Lavrov in Geneva. Assad also stated it.';
    const names = suggestNames(text);
    const persons = names.filter((n) => n.label === 'actor').map((n) => n.text);
    expect(persons).toEqual(['Bashar al-Assad', 'Sergei Lavrov', 'Assad']);
    expect(names.filter((n) => n.label === 'location').map((n) => n.text)).toEqual(['Geneva']);
    for (const n of names) expect(text.slice(n.start, n.end)).toBe(n.text);
  });
});

describe('suggestAll', () => {
  const text = 'Lavrov said 300 militants were killed. "The route will be agreed," Lavrov said.';

  it('returns suggestions in text order, runs only the kinds asked for', () => {
    const all = suggestAll(text, []);
    expect(all.map((s) => s.start)).toEqual([...all.map((s) => s.start)].sort((a, b) => a - b));
    expect(new Set(all.map((s) => s.kind))).toEqual(new Set(['figure', 'quote', 'name']));
    expect(suggestAll(text, [], { kinds: ['figure'] }).map((s) => s.text)).toEqual(['300 militants']);
  });

  it('leaves out a suggestion that repeats an existing annotation of the same label', () => {
    const figure = suggestAll(text, [], { kinds: ['figure'] })[0];
    expect(suggestAll(text, [], { kinds: ['figure'], existing: [{ label: 'figure', start: figure.start, end: figure.end }] })).toEqual([]);
    // Another label on the same span does not hide it.
    expect(suggestAll(text, [], { kinds: ['figure'], existing: [{ label: 'actor', start: figure.start, end: figure.end }] })).toHaveLength(1);
  });
});
