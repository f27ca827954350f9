/// The undo and redo history of a session, and the commands it holds. Each step belongs to the
/// documents it changed (or to the whole workspace, an entity merged): undo and redo in a pane
/// take the latest step of that pane's document, so Ctrl+Z never changes an article that is not
/// on screen, and an article closed and opened again still has its own steps.
import type { RelationType, RemovedAnnotation } from '../../../preload/api';
import type { AnnotationPatch } from './documentState';

/// One undoable change. `removed` is kept up to date with the service's answers, so that a
/// restore sends back exactly what the service took away (same id, same times, same links).
export type Command =
  | { kind: 'create'; docId: string; removed: RemovedAnnotation }
  | { kind: 'delete'; docId: string; removed: RemovedAnnotation }
  | { kind: 'change'; docId: string; id: string; before: AnnotationPatch; after: AnnotationPatch }
  | { kind: 'link'; docId: string; type: RelationType; fromId: string; before: string | null; after: string | null }
  | { kind: 'workspace'; change: WorkspaceChange }
  /// Several changes undone and redone as one step (a suggestion accepted with its speaker).
  | { kind: 'group'; commands: Command[] };

/// A change beyond one document (an entity merged, renamed or deleted), done when it is recorded:
/// undo and redo call the service, and whatever they return is kept by the closures themselves.
export interface WorkspaceChange {
  /// What it did, for the save status ("merge “Moscow” into “Russia”").
  description: string;
  /// The documents it changed, when it changed only those (a tag-all in the open documents);
  /// absent: the whole workspace (every document's history holds it).
  docIds?: readonly string[];
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/// The documents a step changed, or 'workspace' for a step that belongs to every document.
export type StepScope = ReadonlySet<string> | 'workspace';

/// Which steps an undo or redo may take: any (undefined), those of one document and the
/// workspace-wide ones (a document id), or only the workspace-wide ones (null).
export type ScopeFilter = string | null | undefined;

/// The scope of a command.
export function commandScope(command: Command): StepScope {
  switch (command.kind) {
    case 'workspace':
      return command.change.docIds ? new Set(command.change.docIds) : 'workspace';
    case 'group': {
      const docs = new Set<string>();
      for (const part of command.commands) {
        const scope = commandScope(part);
        if (scope === 'workspace') return 'workspace';
        for (const id of scope) docs.add(id);
      }
      return docs;
    }
    default:
      return new Set([command.docId]);
  }
}

/// Whether a step of `scope` is taken by an undo or redo asked with `filter`.
export function inScope(scope: StepScope, filter: ScopeFilter): boolean {
  if (filter === undefined || scope === 'workspace') return true;
  return filter !== null && scope.has(filter);
}

function overlaps(a: StepScope, b: StepScope): boolean {
  if (a === 'workspace' || b === 'workspace') return true;
  for (const id of a) if (b.has(id)) return true;
  return false;
}

/// How many changes can be undone.
export const UNDO_LIMIT = 500;

/// Two lists in time order: what was done, and what was undone since a later change of the same
/// documents.
export class UndoHistory<C> {
  private done: C[] = [];
  private undone: C[] = [];

  constructor(private readonly scopeOf: (command: C) => StepScope) {}

  /// Whether there is a change to undo (in any document).
  get canUndo(): boolean {
    return this.done.length > 0;
  }

  /// Whether there is an undone change to redo (in any document).
  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /// Records a new change; it clears what could be redone in the documents it changed.
  push(command: C): void {
    this.done.push(command);
    if (this.done.length > UNDO_LIMIT) this.done.shift();
    const scope = this.scopeOf(command);
    this.undone = this.undone.filter((c) => !overlaps(this.scopeOf(c), scope));
  }

  private latest(list: C[], filter: ScopeFilter): number {
    for (let i = list.length - 1; i >= 0; i--) if (inScope(this.scopeOf(list[i]), filter)) return i;
    return -1;
  }

  /// The change the next undo with `filter` would take, left in place.
  peekUndo(filter?: ScopeFilter): C | undefined {
    return this.done[this.latest(this.done, filter)];
  }

  /// The change the next redo with `filter` would take, left in place.
  peekRedo(filter?: ScopeFilter): C | undefined {
    return this.undone[this.latest(this.undone, filter)];
  }

  /// The latest change in `filter`'s scope, moved to the redo list.
  takeUndo(filter?: ScopeFilter): C | undefined {
    const at = this.latest(this.done, filter);
    if (at < 0) return undefined;
    const [command] = this.done.splice(at, 1);
    this.undone.push(command);
    return command;
  }

  /// The latest undone change in `filter`'s scope, moved back to the undo list.
  takeRedo(filter?: ScopeFilter): C | undefined {
    const at = this.latest(this.undone, filter);
    if (at < 0) return undefined;
    const [command] = this.undone.splice(at, 1);
    this.done.push(command);
    return command;
  }

  /// Forgets the steps that changed `docId` (a document that left the workspace).
  forget(docId: string): void {
    const touches = (c: C) => inScope(this.scopeOf(c), docId);
    this.done = this.done.filter((c) => !touches(c));
    this.undone = this.undone.filter((c) => !touches(c));
  }

  /// Forgets everything (after the truth was re-read from the service).
  clear(): void {
    this.done = [];
    this.undone = [];
  }
}
