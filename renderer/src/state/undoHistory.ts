/// The undo and redo stacks of a session (one for all panes), and the commands they hold.
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
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/// How many changes can be undone.
export const UNDO_LIMIT = 500;

/// Two stacks: what was done, and what was undone since the last new change.
export class UndoHistory<C> {
  private done: C[] = [];
  private undone: C[] = [];

  /// Whether there is a change to undo.
  get canUndo(): boolean {
    return this.done.length > 0;
  }

  /// Whether there is an undone change to redo.
  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /// Records a new change; it clears what could be redone.
  push(command: C): void {
    this.done.push(command);
    if (this.done.length > UNDO_LIMIT) this.done.shift();
    this.undone = [];
  }

  /// The change to undo, moved to the redo stack.
  takeUndo(): C | undefined {
    const command = this.done.pop();
    if (command !== undefined) this.undone.push(command);
    return command;
  }

  /// The change to redo, moved back to the undo stack.
  takeRedo(): C | undefined {
    const command = this.undone.pop();
    if (command !== undefined) this.done.push(command);
    return command;
  }

  /// Forgets everything (after the truth was re-read from the service).
  clear(): void {
    this.done = [];
    this.undone = [];
  }
}
