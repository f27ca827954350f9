/// What an undo or redo step did, in words an analyst reads in the undo button's tooltip and in
/// the announcement after Ctrl+Z: "Actor ‘Hezbollah’", "delete Figure ‘13,346’", "relabel
/// ‘Aleppo’ Actor → Location". The store describes a step from its command and the annotations
/// as they are; the words need the labels' names and the documents' titles, which the UI has.
import type { Annotation } from '../../../preload/api';
import type { Command, ScopeFilter } from './undoHistory';
import { oneLine } from '../format';

/// One step, described.
export type StepDescription =
  /// A tag made (undo removes it).
  | { kind: 'tag'; docId: string; label: string; quote: string }
  /// A tag deleted (undo puts it back).
  | { kind: 'delete'; docId: string; label: string; quote: string }
  | { kind: 'relabel'; docId: string; from: string; to: string; quote: string }
  /// Another change of one tag: its note, entity link, attribute values, interval or ends.
  | { kind: 'edit'; docId: string; what: 'note' | 'entity link' | 'attributes' | 'interval' | 'ends'; label: string; quote: string }
  | { kind: 'link'; docId: string; type: 'speaker' | 'source'; label: string; quote: string }
  /// Several tags at once (suggestions accepted): how many, and the first.
  | { kind: 'group'; docId: string | null; count: number; first: StepDescription }
  /// A change beyond one document, in its own words.
  | { kind: 'workspace'; docId: null; text: string };

/// Whether undo or redo.
export type StepDirection = 'undo' | 'redo';

/// Describes `command`; `annotation(docId, id)` finds an annotation as it is now.
export function describeCommand(command: Command, annotation: (docId: string, id: string) => Annotation | undefined): StepDescription {
  switch (command.kind) {
    case 'create':
    case 'delete': {
      const { label, quote } = command.removed.annotation;
      return { kind: command.kind === 'create' ? 'tag' : 'delete', docId: command.docId, label, quote };
    }
    case 'change': {
      const now = annotation(command.docId, command.id);
      const quote = now?.quote ?? '';
      const { before, after } = command;
      if (after.label !== undefined && before.label !== undefined) return { kind: 'relabel', docId: command.docId, from: before.label, to: after.label, quote };
      const what =
        after.start !== undefined ? 'ends' : after.note !== undefined ? 'note' : after.entityId !== undefined ? 'entity link' : after.quantity !== undefined ? 'interval' : 'attributes';
      return { kind: 'edit', docId: command.docId, what, label: now?.label ?? '', quote };
    }
    case 'link': {
      const from = annotation(command.docId, command.fromId);
      return { kind: 'link', docId: command.docId, type: command.type, label: from?.label ?? '', quote: from?.quote ?? '' };
    }
    case 'workspace':
      return { kind: 'workspace', docId: null, text: command.change.description };
    case 'group': {
      const first = describeCommand(command.commands[0], annotation);
      const docs = new Set(command.commands.map((c) => describeCommand(c, annotation).docId));
      const count = command.commands.filter((c) => c.kind === 'create').length || command.commands.length;
      return count === 1 && command.commands.length <= 2
        ? first
        : { kind: 'group', docId: docs.size === 1 ? [...docs][0] : null, count, first };
    }
  }
}

/// A quote as the words show it: one line, at most 40 characters.
function quoted(quote: string): string {
  return `‘${oneLine(quote, 40)}’`;
}

/// What a step did, e.g. "Actor ‘Hezbollah’" or "note of Quote ‘We will leave’";
/// `labelName` gives a label id's name.
export function stepText(step: StepDescription, labelName: (id: string) => string): string {
  switch (step.kind) {
    case 'tag':
      return `${labelName(step.label)} ${quoted(step.quote)}`;
    case 'delete':
      return `delete ${labelName(step.label)} ${quoted(step.quote)}`;
    case 'relabel':
      return `relabel ${quoted(step.quote)} ${labelName(step.from)} → ${labelName(step.to)}`;
    case 'edit':
      return `${step.what} of ${labelName(step.label)} ${quoted(step.quote)}`;
    case 'link':
      return `${step.type} of ${labelName(step.label)} ${quoted(step.quote)}`;
    case 'group':
      return `${step.count} tags (${stepText(step.first, labelName)}, …)`;
    case 'workspace':
      return step.text;
  }
}

/// The announcement after an undo or redo: "Undid: Actor ‘Hezbollah’ in <title>", or, when
/// nothing was there to take, what the scope was ("Nothing to undo in <title>").
export function stepAnnouncement(direction: StepDirection, step: StepDescription | null, labelName: (id: string) => string, title: (docId: string) => string | undefined, scopeDocId: string | null): string {
  const where = (docId: string | null) => {
    const name = docId ? title(docId) : undefined;
    return name ? ` in ${name}` : '';
  };
  if (!step) return `Nothing to ${direction}${where(scopeDocId)}`;
  return `${direction === 'undo' ? 'Undid' : 'Redid'}: ${stepText(step, labelName)}${where(step.docId)}`;
}

/// The undo or redo button's name for the step it would take: "Undo Actor ‘Hezbollah’", or
/// "Nothing to undo in this article".
export function stepButtonName(direction: StepDirection, step: StepDescription | null, labelName: (id: string) => string): string {
  if (!step) return `Nothing to ${direction} in this article`;
  return `${direction === 'undo' ? 'Undo' : 'Redo'} ${stepText(step, labelName)}`;
}

/// An undo or redo asked for: the step it took (null when there was none in `scope`).
export interface StepTaken {
  direction: StepDirection;
  step: StepDescription | null;
  /// The document it was asked in (null: the workspace-wide steps only; undefined: any).
  scope: ScopeFilter;
}
