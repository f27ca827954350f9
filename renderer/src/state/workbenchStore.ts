/// The session's annotation state: open documents, the selected annotation, saving and undo.
/// Every edit shows at once (optimistic), is queued for the service ({@link SaveQueue}) and is
/// recorded for undo; the service's answers then replace the guesses (times, trimmed quotes).
/// Plain TypeScript with a subscribe/snapshot pair for React's `useSyncExternalStore`.
import type { Annotation, DocumentDetails, NoteNode, RelationType, WorkbenchApi } from '../../../preload/api';
import { spanToTag } from '../editor/wordSnap';
import {
  docStateOf,
  linkOf,
  patchBefore,
  withAnnotation,
  withLink,
  withoutAnnotation,
  withPatch,
  withRestored,
  type AnnotationPatch,
  type AnnotationRef,
  type DocState,
} from './documentState';
import { SaveQueue, type SaveOperation, type SaveStatus } from './saveQueue';
import { groupByTextWhenIdle, ownTagExtendedBy, ownTagOn } from './selectors';
import { Listeners } from './listeners';
import { oneLine } from '../format';
import { commandScope, UndoHistory, type Command, type ScopeFilter, type WorkspaceChange } from './undoHistory';
import type { ColleagueTagNotice } from '../colleagueTags';
import { describeCommand, type StepDescription, type StepDirection, type StepTaken } from './undoSteps';

/// A document being opened, open, or failed to open.
export type DocLoad = { status: 'loading' } | { status: 'ready'; doc: DocState } | { status: 'error'; message: string };

/// Everything the UI renders from the store; a new object after every change.
export interface WorkbenchSnapshot {
  docs: ReadonlyMap<string, DocLoad>;
  selected: AnnotationRef | null;
  /// Increases when the selected annotation should be scrolled into view.
  revealCount: number;
  save: SaveStatus;
  canUndo: boolean;
  canRedo: boolean;
  /// A tag waiting for the answer to "extend your tag to it?" (Enter extends, Esc keeps both).
  extendOffer: ExtendOffer | null;
}

/// A suggestion to accept (DESIGN §12): its label and span, the entity it names, and for a quote
/// the span of its speaker candidate.
export interface AcceptedSuggestion {
  label: string;
  start: number;
  end: number;
  entityId?: string;
  speaker?: { start: number; end: number };
}

/// The label a quote's speaker is tagged with.
const SPEAKER_LABEL = 'actor';

/// A new tag whose span strictly contains or overlaps and extends one of the annotator's own
/// tags of the same label: `existing` may be extended to `span` instead of a second tag made.
export interface ExtendOffer {
  existing: AnnotationRef;
  label: string;
  span: { start: number; end: number };
  from: string;
  to: string;
}

/// The store. `now` and `newId` are injectable for tests.
export class WorkbenchStore {
  private snapshot: WorkbenchSnapshot;
  private readonly changed = new Listeners();
  private readonly allSaved = new Listeners();
  private readonly entityLinked = new Listeners<[ref: AnnotationRef, entityId: string]>();
  private readonly alreadyTagged = new Listeners<[ref: AnnotationRef]>();
  private readonly colleagueTag = new Listeners<[notice: ColleagueTagNotice]>();
  private readonly stepTaken = new Listeners<[taken: StepTaken]>();
  private readonly queue: SaveQueue;
  private readonly history = new UndoHistory<Command>(commandScope);
  private annotator = '';
  /// How many changes were queued (a document read while one was made is read again).
  private changesMade = 0;

  constructor(
    private readonly api: WorkbenchApi,
    private readonly now: () => string = () => new Date().toISOString(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {
    this.queue = new SaveQueue(
      () => this.update({}),
      () => this.allSaved.emit(),
    );
    this.snapshot = { docs: new Map(), selected: null, revealCount: 0, save: this.queue.status, canUndo: false, canRedo: false, extendOffer: null };
  }

  /// For `useSyncExternalStore`.
  subscribe = (listener: () => void): (() => void) => this.changed.add(listener);

  /// For `useSyncExternalStore`.
  getSnapshot = (): WorkbenchSnapshot => this.snapshot;

  /// Calls `listener` whenever every queued change has been saved.
  onAllSaved(listener: () => void): () => void {
    return this.allSaved.add(listener);
  }

  /// Calls `listener` when a new tag was linked at once to the entity its text names.
  onEntityLinked(listener: (ref: AnnotationRef, entityId: string) => void): () => void {
    return this.entityLinked.add(listener);
  }

  /// Calls `listener` when a tag was not made because the same span already has that label by
  /// this annotator (that annotation is selected instead).
  onAlreadyTagged(listener: (ref: AnnotationRef) => void): () => void {
    return this.alreadyTagged.add(listener);
  }

  /// Calls `listener` when a change or delete of a colleague's annotation was refused, or a
  /// label key on exactly their span made the annotator's own tag beside theirs.
  onColleagueTag(listener: (notice: ColleagueTagNotice) => void): () => void {
    return this.colleagueTag.add(listener);
  }

  /// Calls `listener` after every undo or redo asked for, with what it did.
  onStep(listener: (taken: StepTaken) => void): () => void {
    return this.stepTaken.add(listener);
  }

  /// Whether an annotation is a colleague's: read-only here (Review is where it is decided on).
  /// Before the annotator's name is known, nothing is.
  isColleagues(annotation: Annotation): boolean {
    return this.annotator !== '' && annotation.annotator !== this.annotator;
  }

  /// True (and the listeners told) when `annotation` is a colleague's, so must not change.
  private refusedAsColleagues(annotation: Annotation): boolean {
    if (!this.isColleagues(annotation)) return false;
    const notice: ColleagueTagNotice = { kind: 'refused', annotator: annotation.annotator, label: annotation.label, quote: annotation.quote };
    this.colleagueTag.emit(notice);
    return true;
  }

  /// Resolves once every queued change is saved (at once when none waits); refuses while a save
  /// has failed, or as soon as one fails while it waits, since the user retries or discards it
  /// first (a refused save never retries by itself).
  whenAllSaved(): Promise<void> {
    const unsaved = () => new Error('a change could not be saved yet: retry or discard it first');
    if (this.queue.status.failure) return Promise.reject(unsaved());
    if (this.queue.status.pending === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const stopSaved = this.allSaved.add(() => (stop(), resolve()));
      const stopFailed = this.changed.add(() => this.queue.status.failure && (stop(), reject(unsaved())));
      const stop = () => (stopSaved(), stopFailed());
    });
  }

  /// Forgets a document that left the workspace: its state, its selection, and the undo steps
  /// that touch it.
  forgetDocument(docId: string): void {
    this.history.forget(docId);
    const docs = new Map(this.snapshot.docs);
    docs.delete(docId);
    this.update({ docs, ...(this.snapshot.selected?.docId === docId ? { selected: null } : {}) });
  }

  /// The name new annotations are shown under until the service stamps them.
  setAnnotator(name: string): void {
    this.annotator = name;
  }

  private update(patch: Partial<WorkbenchSnapshot>): void {
    this.snapshot = {
      ...this.snapshot,
      ...patch,
      save: this.queue.status,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
    };
    this.changed.emit();
  }

  /// The document if it is open and loaded.
  doc(docId: string): DocState | undefined {
    const load = this.snapshot.docs.get(docId);
    return load?.status === 'ready' ? load.doc : undefined;
  }

  private setDoc(docId: string, change: (doc: DocState) => DocState): void {
    const doc = this.doc(docId);
    if (doc) this.update({ docs: new Map(this.snapshot.docs).set(docId, { status: 'ready', doc: change(doc) }) });
  }

  /// Shows a document's details as saved (the details form saves them itself).
  setDetails(docId: string, details: DocumentDetails): void {
    this.setDoc(docId, (doc) => ({ ...doc, document: { ...doc.document, title: details.title, meta: details.meta } }));
  }

  /// Loads a document (again, with `force`) from the service.
  async open(docId: string, force = false): Promise<void> {
    if (!force && this.snapshot.docs.has(docId)) return;
    if (!this.snapshot.docs.has(docId)) this.update({ docs: new Map(this.snapshot.docs).set(docId, { status: 'loading' }) });
    const changesBefore = this.changesMade;
    let load: DocLoad;
    try {
      load = { status: 'ready', doc: docStateOf(await this.api.documents.open(docId)) };
    } catch (error) {
      load = { status: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    // Read again: a change made while it was being read shows already and may not be in what
    // was read, so the document is read once more after every change is saved.
    if (force && load.status === 'ready' && this.changesMade !== changesBefore && this.doc(docId)) {
      if (this.queue.status.pending === 0) return this.open(docId, true);
      const stop = this.onAllSaved(() => {
        stop();
        void this.open(docId, true);
      });
      return;
    }
    this.update({ docs: new Map(this.snapshot.docs).set(docId, load) });
    // Selecting an annotation marks the others with its text: group them by text before that.
    if (load.status === 'ready') groupByTextWhenIdle(() => this.doc(docId));
  }

  /// Selects an annotation (null clears); `reveal` scrolls it into view.
  select(ref: AnnotationRef | null, reveal = false): void {
    const same = ref?.id === this.snapshot.selected?.id && ref?.docId === this.snapshot.selected?.docId;
    if (same && !reveal) return;
    this.update({ selected: ref, revealCount: this.snapshot.revealCount + (reveal ? 1 : 0) });
  }

  private annotation(ref: AnnotationRef): Annotation | undefined {
    return this.doc(ref.docId)?.annotations.get(ref.id);
  }

  private save(operation: Omit<SaveOperation, 'run'>, run: (self: SaveOperation) => Promise<void>): void {
    this.changesMade++;
    const op: SaveOperation = { ...operation, run: () => run(op) };
    this.queue.enqueue(op);
  }

  /// Takes the service's version of an annotation, unless a later change to it is still queued.
  private adopt(saved: Annotation, op: SaveOperation): void {
    if (this.queue.hasPendingFor(saved.id, op) || !this.doc(saved.docId)?.annotations.has(saved.id)) return;
    this.setDoc(saved.docId, (doc) => withAnnotation(doc, saved));
  }

  /// Tags the span of a document with a label and selects the new annotation; null when the
  /// selection holds only whitespace. The span is trimmed and snapped out to whole words, unless
  /// `raw` (Alt held), which only trims. When this annotator already has that label on exactly
  /// that span, nothing is created (DESIGN §12): the existing annotation is selected and
  /// returned, and {@link onAlreadyTagged}'s listeners are told. When the span strictly contains
  /// or overlaps and extends one of this annotator's tags of that label, nothing is created yet:
  /// that tag is selected and returned, and the snapshot's `extendOffer` waits for
  /// {@link answerExtendOffer}.
  tag(docId: string, label: string, start: number, end: number, raw = false): AnnotationRef | null {
    const doc = this.doc(docId);
    const span = doc && spanToTag(doc.document.text, start, end, raw);
    if (!doc || !span) return null;
    const same = ownTagOn(doc, this.annotator, label, span);
    if (same) {
      const existing = { docId, id: same.id };
      this.select(existing, true);
      this.alreadyTagged.emit(existing);
      return existing;
    }
    const extendable = ownTagExtendedBy(doc, this.annotator, label, span);
    if (extendable) {
      const existing = { docId, id: extendable.id };
      const text = doc.document.text;
      this.update({ extendOffer: { existing, label, span, from: extendable.quote, to: text.slice(span.start, span.end) } });
      this.select(existing, true);
      return existing;
    }
    const colleagues = [...doc.annotations.values()].find((a) => a.start === span.start && a.end === span.end && this.isColleagues(a));
    if (colleagues && colleagues.label !== label) {
      const notice: ColleagueTagNotice = { kind: 'beside', annotator: colleagues.annotator, label: colleagues.label, quote: colleagues.quote, made: label };
      this.colleagueTag.emit(notice);
    }
    return this.create(docId, label, span);
  }

  /// Answers the pending {@link ExtendOffer}: `extend` moves the existing tag's span (keeping its
  /// note, links, entity and attributes), otherwise a second tag is made. One undo step each.
  answerExtendOffer(extend: boolean): void {
    const offer = this.snapshot.extendOffer;
    if (!offer) return;
    this.update({ extendOffer: null });
    if (!this.doc(offer.existing.docId)) return;
    if (extend) {
      this.change(offer.existing, { start: offer.span.start, end: offer.span.end });
      this.select(offer.existing, true);
    } else this.create(offer.existing.docId, offer.label, offer.span);
  }

  /// Accepts suggestions of a document as one undo step: each becomes an annotation with origin
  /// `suggestion` (unless this annotator already has its label on its span), and a quote's
  /// speaker candidate an actor (the one already there, else a new one) linked as its speaker.
  /// Selects the last one made; returns how many annotations were made.
  acceptSuggestions(docId: string, suggestions: readonly AcceptedSuggestion[]): number {
    const group: Command[] = [];
    let last: AnnotationRef | null = null;
    const made = (label: string, span: { start: number; end: number }, entityId?: string): string | null => {
      const doc = this.doc(docId);
      const same = doc && ownTagOn(doc, this.annotator, label, span);
      if (same) return same.id;
      const ref = this.create(docId, label, span, { origin: 'suggestion', ...(entityId ? { entityId } : {}) }, group);
      return ref?.id ?? null;
    };
    for (const s of suggestions) {
      const id = made(s.label, s, s.entityId);
      if (!id) continue;
      last = { docId, id };
      const doc = this.doc(docId);
      if (!s.speaker || !doc || s.label !== 'quote') continue;
      const speakerId = made(SPEAKER_LABEL, s.speaker);
      const before = linkOf(doc, 'speaker', id);
      if (!speakerId || before === speakerId) continue;
      group.push({ kind: 'link', docId, type: 'speaker', fromId: id, before, after: speakerId });
      this.applyLink(docId, 'speaker', id, speakerId);
    }
    if (group.length) this.history.push(group.length === 1 ? group[0] : { kind: 'group', commands: group });
    if (last) this.select(last, true);
    return group.filter((c) => c.kind === 'create').length;
  }

  private create(
    docId: string,
    label: string,
    span: { start: number; end: number },
    made: { origin?: 'suggestion'; entityId?: string } = {},
    group?: Command[],
  ): AnnotationRef | null {
    const doc = this.doc(docId);
    if (!doc) return null;
    const now = this.now();
    const annotation: Annotation = {
      id: this.newId(),
      docId,
      label,
      ...span,
      quote: doc.document.text.slice(span.start, span.end),
      annotator: this.annotator,
      createdAt: now,
      updatedAt: now,
      origin: made.origin ?? 'manual',
      ...(made.entityId ? { entityId: made.entityId } : {}),
    };
    const command: Command = { kind: 'create', docId, removed: { annotation, relations: [] } };
    if (group) group.push(command);
    else this.history.push(command);
    this.setDoc(docId, (d) => withAnnotation(d, annotation));
    const ref = { docId, id: annotation.id };
    if (!group) this.select(ref);
    this.save({ description: `tag “${oneLine(annotation.quote, 40)}”`, targets: [annotation.id] }, async (op) => {
      const saved = await this.api.annotations.create({ id: annotation.id, docId, label, start: span.start, end: span.end, linkNamedEntity: true, ...made });
      command.removed = { annotation: saved, relations: [] };
      this.adopt(saved, op);
      if (saved.entityId) this.entityLinked.emit(ref, saved.entityId);
    });
    return ref;
  }

  /// Changes the label, note, entity link or attribute values of an annotation.
  change(ref: AnnotationRef, patch: AnnotationPatch): void {
    const annotation = this.annotation(ref);
    if (!annotation || this.refusedAsColleagues(annotation)) return;
    this.history.push({ kind: 'change', ...ref, before: patchBefore(annotation, patch), after: patch });
    this.applyPatch(ref, patch);
  }

  /// Shorthand for a label change.
  relabel(ref: AnnotationRef, label: string): void {
    const annotation = this.annotation(ref);
    // A colleague's is refused (and said) even when the label is the same.
    if (annotation && (annotation.label !== label || this.isColleagues(annotation))) this.change(ref, { label });
  }

  /// Shorthand for a note change (`null` removes the note).
  setNote(ref: AnnotationRef, note: NoteNode | null): void {
    this.change(ref, { note });
  }

  private applyPatch(ref: AnnotationRef, patch: AnnotationPatch): void {
    const annotation = this.annotation(ref);
    if (!annotation) return;
    this.setDoc(ref.docId, (doc) => withPatch(doc, ref.id, patch, this.now()));
    const what =
      patch.start !== undefined
        ? 'move the ends of'
        : patch.label !== undefined
        ? 'relabel'
        : patch.note !== undefined
          ? 'save the note of'
          : patch.entityId !== undefined
            ? 'link'
            : patch.quantity !== undefined
              ? 'save the interval of'
              : 'save the attributes of';
    this.save({ description: `${what} “${oneLine(annotation.quote, 40)}”`, targets: [ref.id] }, async (op) => {
      this.adopt(await this.api.annotations.update({ ...ref, ...patch }), op);
    });
  }

  /// Deletes an annotation (and its speaker links).
  remove(ref: AnnotationRef): void {
    const annotation = this.annotation(ref);
    if (!annotation || this.refusedAsColleagues(annotation)) return;
    const command: Command = { kind: 'delete', docId: ref.docId, removed: { annotation, relations: [] } };
    this.history.push(command);
    this.takeAway(command);
  }

  private takeAway(command: Extract<Command, { kind: 'create' | 'delete' }>): void {
    const { docId } = command;
    const id = command.removed.annotation.id;
    const doc = this.doc(docId);
    const { doc: without, removed } = doc ? withoutAnnotation(doc, id) : { doc, removed: null };
    if (!without || !removed) return;
    command.removed = removed;
    this.setDoc(docId, () => without);
    if (this.snapshot.selected?.id === id) this.select(null);
    const targets = [id, ...removed.relations.flatMap((r) => [r.from, r.to])];
    this.save({ description: `delete “${oneLine(removed.annotation.quote, 40)}”`, targets }, async () => {
      command.removed = await this.api.annotations.delete(docId, id);
    });
  }

  private putBack(command: Extract<Command, { kind: 'create' | 'delete' }>): void {
    const { docId, removed } = command;
    this.setDoc(docId, (doc) => withRestored(doc, removed));
    this.select({ docId, id: removed.annotation.id }, true);
    const targets = [removed.annotation.id, ...removed.relations.flatMap((r) => [r.from, r.to])];
    this.save({ description: `restore “${oneLine(removed.annotation.quote, 40)}”`, targets }, async (op) => {
      this.adopt(await this.api.annotations.restore(docId, command.removed), op);
    });
  }

  /// Links a quote to its speaker or a figure to its source (`type`), or unlinks it (`toId` null).
  setLink(docId: string, type: RelationType, fromId: string, toId: string | null): void {
    const doc = this.doc(docId);
    const from = doc?.annotations.get(fromId);
    if (!doc || !from || this.refusedAsColleagues(from) || linkOf(doc, type, fromId) === toId) return;
    this.history.push({ kind: 'link', docId, type, fromId, before: linkOf(doc, type, fromId), after: toId });
    this.applyLink(docId, type, fromId, toId);
  }

  private applyLink(docId: string, type: RelationType, fromId: string, toId: string | null): void {
    const relation = toId ? { id: this.newId(), type, from: fromId, to: toId, annotator: this.annotator } : null;
    this.setDoc(docId, (doc) => withLink(doc, type, fromId, relation));
    const description = toId ? `link a ${type === 'speaker' ? 'quote to its speaker' : 'figure to its source'}` : `unlink a ${type}`;
    this.save({ description, targets: [fromId] }, async (op) => {
      const saved = await this.api.relations.set(docId, type, fromId, toId);
      if (!this.queue.hasPendingFor(fromId, op)) this.setDoc(docId, (doc) => withLink(doc, type, fromId, saved));
    });
  }

  /// Records a change of the workspace made beyond one document (an entity merged, renamed,
  /// deleted), already done, so that undo and redo reach it too.
  recordWorkspaceChange(change: WorkspaceChange): void {
    this.history.push({ kind: 'workspace', change });
    this.update({});
  }

  /// Undoes or redoes a workspace change in turn with the queued saves; documents it touched
  /// are read again once it is done.
  private applyWorkspaceChange(change: WorkspaceChange, forward: boolean): void {
    this.save({ description: `${forward ? 'redo' : 'undo'}: ${change.description}`, targets: [] }, async () => {
      await (forward ? change.redo() : change.undo());
      this.reloadOpen();
    });
  }

  /// Undoes the latest change of a document (or a workspace-wide one, which belongs to every
  /// document): `scope` is the document's id, null for the workspace-wide changes only, or
  /// absent for the latest of all. The listeners of {@link onStep} hear what it undid.
  undo(scope?: ScopeFilter): void {
    this.step('undo', scope);
  }

  /// Redoes the latest undone change of a document, as {@link undo} chooses.
  redo(scope?: ScopeFilter): void {
    this.step('redo', scope);
  }

  /// What {@link undo} with `scope` would undo now (null: nothing).
  nextUndo(scope?: ScopeFilter): StepDescription | null {
    const command = this.history.peekUndo(scope);
    return command ? this.describe(command) : null;
  }

  /// What {@link redo} with `scope` would redo now (null: nothing).
  nextRedo(scope?: ScopeFilter): StepDescription | null {
    const command = this.history.peekRedo(scope);
    return command ? this.describe(command) : null;
  }

  private describe(command: Command): StepDescription {
    return describeCommand(command, (docId, id) => this.annotation({ docId, id }));
  }

  private step(direction: StepDirection, scope: ScopeFilter): void {
    const command = direction === 'undo' ? this.history.takeUndo(scope) : this.history.takeRedo(scope);
    // Described before it is done: an undone tag is gone afterwards.
    const step = command ? this.describe(command) : null;
    if (command) this.perform(command, direction);
    else this.update({});
    this.stepTaken.emit({ direction, step, scope });
  }

  private perform(command: Command, direction: 'undo' | 'redo'): void {
    const forward = direction === 'redo';
    switch (command.kind) {
      case 'create':
        return forward ? this.putBack(command) : this.takeAway(command);
      case 'delete':
        return forward ? this.takeAway(command) : this.putBack(command);
      case 'change': {
        const ref = { docId: command.docId, id: command.id };
        this.applyPatch(ref, forward ? command.after : command.before);
        return this.select(ref, true);
      }
      case 'link':
        this.applyLink(command.docId, command.type, command.fromId, forward ? command.after : command.before);
        return this.select({ docId: command.docId, id: command.fromId }, true);
      case 'workspace':
        return this.applyWorkspaceChange(command.change, forward);
      case 'group':
        for (const part of forward ? command.commands : [...command.commands].reverse()) this.perform(part, direction);
        return;
    }
  }

  /// Retries the failed save now.
  retrySave(): void {
    this.queue.retryNow();
  }

  /// Gives up the failed save, re-reads the open documents from the service and forgets undo.
  discardFailedSave(): void {
    if (this.queue.discardFailed()) this.reloadOpen(true);
  }

  /// Re-reads every open document from the service once the queued saves are done (after an
  /// import or a restore changed them underneath); `forgetUndo` also clears the undo history.
  reloadOpen(forgetUndo = false): void {
    if (forgetUndo) this.history.clear();
    const reload = () => {
      for (const [docId, load] of this.snapshot.docs) if (load.status === 'ready') void this.open(docId, true);
    };
    if (this.queue.status.pending === 0) reload();
    else {
      const stop = this.onAllSaved(() => {
        stop();
        reload();
      });
    }
    this.update({});
  }
}
