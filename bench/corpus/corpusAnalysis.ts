/// What the corpus's analyst records beyond the spans, so that Compare over the corpus has what a
/// real workspace gives it: where and when each article appeared, what each figure counts, who
/// said each quote and whom a figure is attributed to. Seeded: the same article always gets the
/// same answers.
import type { DocumentMeta } from '../../main/core/model';
import { suggestMeasure } from '../../main/core/quantities/suggestMeasure';
import type { Mention } from '../workload';

/// The outlets articles appear in (wires and papers that covered Aleppo in December 2016).
export const OUTLETS = [
  'Reuters',
  'Agence France-Presse',
  'Associated Press',
  'BBC News',
  'Al Jazeera',
  'The Guardian',
  'The New York Times',
  'Le Monde',
  'Der Spiegel',
  'TASS',
  'SANA',
  'Anadolu Agency',
];

/// Shares of what an analyst records: a figure's measure (else left blank), a measure typed with
/// a capital (one measure to Compare, which folds case), a quote's speaker and a figure's source
/// (when both spans are tagged), a link from an actor or place to its entity.
const MEASURED = 0.88;
const MEASURE_CAPITALISED = 0.04;
const SPEAKER_RECORDED = 0.85;
const SOURCE_RECORDED = 0.7;
const ENTITY_LINKED = 0.85;

/// Where and when article `index` appeared: an outlet (the wires more often) and the day of its
/// dateline ("Dec 1" to "Dec 28", see `corpusArticle`) at a seeded time.
export function corpusMeta(random: () => number, index: number): DocumentMeta {
  const outlet = OUTLETS[Math.floor(random() ** 1.5 * OUTLETS.length)];
  const day = String(1 + (index % 28)).padStart(2, '0');
  const hour = String(Math.floor(random() * 24)).padStart(2, '0');
  const minute = String(Math.floor(random() * 60)).padStart(2, '0');
  return { outlet, publishedAt: `2016-12-${day}T${hour}:${minute}:00Z` };
}

const suggested = new Map<string, string | null>();

/// The measure the app suggests for a figure (`suggestMeasure`, "civilians fled"), as the analyst
/// accepts it or leaves it blank (null). The suggestion depends only on the counted unit and the
/// verb, so it is asked once per pair, of a sentence written that way: compromise takes
/// milliseconds a sentence, too long for every figure of 100,000 articles.
export function figureMeasure(counted: NonNullable<Mention['counted']>, random: () => number): string | null {
  const key = `${counted.unit}\u0000${counted.verb}`;
  if (!suggested.has(key)) suggested.set(key, suggestMeasure(`1,200 ${counted.unit} ${counted.verb} Aleppo on Monday.`));
  const measure = suggested.get(key) ?? null;
  if (measure === null || random() >= MEASURED) return null;
  return random() < MEASURE_CAPITALISED ? measure[0].toUpperCase() + measure.slice(1) : measure;
}

/// Whether the analyst links a tagged actor or place to its entity.
export function linksEntity(random: () => number): boolean {
  return random() < ENTITY_LINKED;
}

/// A quote's speaker or a figure's source, as tagged.
export interface MentionLink {
  type: 'speaker' | 'source';
  from: Mention;
  to: Mention;
}

/// `count` of `mentions` spread through the text, as `spreadMentions` picks them, except that a
/// quote or figure whose speaker or source the analyst records has that actor tagged too: the
/// actor, in the same sentence, takes the place of a neighbouring pick that no link holds (as
/// an analyst tags the speaker with the quote). The picks in text order, and the links.
export function spansWithLinks(spread: readonly Mention[], random: () => number): { chosen: Mention[]; links: MentionLink[] } {
  const chosen = [...spread];
  const held = new Set<Mention>();
  const links: MentionLink[] = [];
  for (let k = 0; k < chosen.length; k++) {
    const from = chosen[k];
    const to = from.attributedTo;
    if (!to || held.has(from)) continue;
    const type = from.label === 'quote' ? 'speaker' : 'source';
    if (random() >= (type === 'speaker' ? SPEAKER_RECORDED : SOURCE_RECORDED)) continue;
    if (!chosen.includes(to)) {
      const free = (i: number) => i >= 0 && i < chosen.length && !held.has(chosen[i]) && !chosen[i].attributedTo;
      const replaced = free(k + 1) ? k + 1 : free(k - 1) ? k - 1 : -1;
      if (replaced === -1) continue;
      chosen[replaced] = to;
    }
    held.add(from).add(to);
    links.push({ type, from, to });
  }
  return { chosen: chosen.sort((a, b) => a.start - b.start || b.end - a.end), links };
}
