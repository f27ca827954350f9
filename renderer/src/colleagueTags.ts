/// A colleague's annotations are read-only outside Review: what the annotator is told when a key,
/// a click or a control tries to change one.
import type { NewMessage } from './Messages';

/// An attempt on a colleague's annotation, as the store tells it: `refused` (a change or delete
/// that was not made), or `beside` (a label key on exactly their span, which
/// tagged the annotator's own span and left theirs as it was).
export interface ColleagueTagNotice {
  kind: 'refused' | 'beside';
  annotator: string;
  label: string;
  quote: string;
  /// For `beside`: the label of the annotator's own tag that was made.
  made?: string;
}

/// Why a colleague's annotation cannot be changed here, and where it can be decided on.
export function colleagueTagReason(annotator: string): string {
  return `This is ${annotator}’s tag: colleagues’ tags are read-only here; adjudicate them in Review.`;
}

function oneLine(quote: string): string {
  const line = quote.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/// The message for a notice; `labelName` gives a label id's name.
export function colleagueTagMessage(notice: ColleagueTagNotice, labelName: (id: string) => string): NewMessage {
  const theirs = `${labelName(notice.label)} “${oneLine(notice.quote)}”`;
  if (notice.kind === 'refused') {
    return { kind: 'note', tone: 'ok', testId: 'colleague-tag-message', title: `Not changed: ${notice.annotator}’s ${theirs}`, text: colleagueTagReason(notice.annotator) };
  }
  return {
    kind: 'note',
    tone: 'ok',
    testId: 'colleague-tag-message',
    title: `Your own ${notice.made ? `${labelName(notice.made)} ` : ''}tag was added beside ${notice.annotator}’s`,
    text: `${notice.annotator}’s ${theirs} stays as it is: colleagues’ tags are read-only here; adjudicate them in Review.`,
  };
}
