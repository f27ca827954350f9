/// The lines of Compare's quotes list: a heading per speaker, then each of its statements' quotes
/// (pure, so that it is tested without a window).
import type { QuoteGroup, QuoteItem, Speaker } from '../../../preload/api';

/// One line of the list: a speaker's heading, or a quote (the first of its group carries the
/// group's words and how many outlets reported it, the others are "also reported").
export type QuoteLine = { kind: 'speaker'; speaker: Speaker; statements: number; quotes: number } | { kind: 'quote'; item: QuoteItem; first: boolean; outlets: number };

/// The lines of `groups`: groups of one speaker come together (as the service orders them).
export function quoteLines(groups: readonly QuoteGroup[]): QuoteLine[] {
  const lines: QuoteLine[] = [];
  let heading: Extract<QuoteLine, { kind: 'speaker' }> | null = null;
  let previous: Speaker | undefined;
  for (const group of groups) {
    if (previous === undefined || speakerKey(previous) !== speakerKey(group.speaker)) {
      heading = { kind: 'speaker', speaker: group.speaker, statements: 0, quotes: 0 };
      lines.push(heading);
      previous = group.speaker;
    }
    heading!.statements++;
    heading!.quotes += group.items.length;
    // Two annotators' tags of one quote are one report: outlets are counted, not quotes.
    const outlets = new Set(group.items.map((item) => item.outlet?.toLowerCase() ?? `document ${item.documentId}`)).size;
    group.items.forEach((item, i) => lines.push({ kind: 'quote', item, first: i === 0, outlets }));
  }
  return lines;
}

/// The name a speaker is listed under.
export function speakerName(speaker: NonNullable<Speaker>): string {
  return 'name' in speaker ? speaker.name : speaker.text;
}

function speakerKey(speaker: Speaker): string {
  return speaker === null ? '' : 'entityId' in speaker ? `e:${speaker.entityId}` : `t:${speaker.text.toLowerCase()}`;
}
