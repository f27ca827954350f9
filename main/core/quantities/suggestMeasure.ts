/// Suggests what a figure counts (its `measure`, DESIGN §10) from its sentence: the counted noun
/// and the verb that follows, "13,346 civilians left the city" → "civilians left", "at least 413
/// civilians have been killed" → "civilians killed", "2,200 rebels had laid down their weapons" →
/// "rebels laid down". compromise tags the words; auxiliaries ("have been") are passed over. A
/// suggestion the workspace already uses in another case is given in the workspace's spelling,
/// so that figures of one measure group together. The analyst edits what is suggested.
import { compromise } from './compromise.js';

/// Particles that belong to a phrasal verb of counting ("laid down", "pulled out").
const PARTICLES = new Set(['down', 'up', 'out', 'off', 'away', 'back']);

interface Term {
  text: string;
  tags: string[];
}

/// The measure `sentence` states for the figure it starts with, or null when it names none.
export function suggestMeasure(sentence: string): string | null {
  const terms = (compromise()(sentence).json() as { terms: Term[] }[]).flatMap((s) => s.terms);
  // After the figure's last number.
  let i = terms.findLastIndex((t, n) => t.tags.includes('Value') && !terms.slice(0, n).some((p) => p.tags.includes('Verb')));
  if (i < 0) return null;
  let noun: string | null = null;
  let verb: string | null = null;
  for (i++; i < terms.length; i++) {
    const { text, tags } = terms[i];
    const word = text.toLowerCase();
    if (tags.includes('Verb')) {
      if (tags.includes('Auxiliary') || tags.includes('Copula')) continue;
      verb = word;
      const next = terms[i + 1];
      if (next?.tags.includes('Particle') && PARTICLES.has(next.text.toLowerCase())) verb += ` ${next.text.toLowerCase()}`;
      break;
    }
    if (tags.includes('Preposition') || tags.includes('Conjunction')) {
      // "900 of them", "civilians in Aleppo": the counted noun is named; no verb follows it.
      if (noun) break;
      continue;
    }
    if (tags.includes('Noun') && !tags.includes('Pronoun')) noun = word;
  }
  const measure = [noun, verb].filter(Boolean).join(' ');
  return measure || null;
}

/// What tells measures apart: spellings that differ in case or spacing are one measure.
export function measureKey(measure: string): string {
  return measure.toLowerCase().replace(/\s+/g, ' ').trim();
}

/// The key a figure given `measure` is grouped by (DESIGN §11): null for none, a blank one too.
export function figureMeasureKey(measure: string | null | undefined): string | null {
  return measure ? measureKey(measure) || null : null;
}

/// `suggestion` in the spelling of a measure the workspace uses already (case aside), if any.
export function completeMeasure(suggestion: string, used: readonly string[]): string {
  const key = measureKey(suggestion);
  return used.find((m) => measureKey(m) === key) ?? suggestion;
}
