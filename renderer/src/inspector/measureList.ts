/// The measures the workspace's figures are given, most used first: the completions of a
/// figure's Measure field. Read from the service only while a field shows them (when one appears,
/// and after each save meanwhile, so that a measure just saved is offered at once), and the
/// measure a figure's sentence suggests, asked for one figure at a time.
import { useSyncExternalStore } from 'react';
import type { WorkbenchApi } from '../../../preload/api';
import type { AnnotationRef } from '../state/documentState';
import type { WorkbenchStore } from '../state/workbenchStore';
import { ReadAfterSaves } from '../state/readAfterSaves';
import { Listeners } from '../state/listeners';

/// What the list and the suggestion need of the session's store: to wait for its saves.
export type SavesOf = Pick<WorkbenchStore, 'onAllSaved' | 'whenAllSaved'>;

/// The measures in use, for the fields of one window.
export class MeasureList {
  private measures: readonly string[] = [];
  private readonly changed = new Listeners();
  private stopListening: (() => void) | null = null;
  private readonly reads: ReadAfterSaves;

  constructor(
    private readonly api: Pick<WorkbenchApi, 'measures'>,
    private readonly saves: SavesOf,
  ) {
    this.reads = new ReadAfterSaves(saves, async () => {
      try {
        this.measures = (await this.api.measures.list()).map((c) => c.measure);
      } catch {
        return;
      }
      this.changed.emit();
    });
  }

  /// For `useSyncExternalStore`; the first listener starts the reading, the last one stops it.
  subscribe = (listener: () => void): (() => void) => {
    const remove = this.changed.add(listener);
    if (!this.stopListening) {
      this.stopListening = this.saves.onAllSaved(() => void this.refresh());
      void this.refresh();
    }
    return () => {
      remove();
      if (this.changed.size === 0) {
        this.stopListening?.();
        this.stopListening = null;
      }
    };
  };

  /// For `useSyncExternalStore`.
  getSnapshot = (): readonly string[] => this.measures;

  /// Reads the list again once the queued saves are done (their measures count). A list that
  /// cannot be read leaves the last one: completion is a convenience, typing still works.
  refresh(): Promise<void> {
    return this.reads.refresh();
  }
}

/// The measures of `list`; the component re-renders when they change.
export function useMeasureList(list: MeasureList): readonly string[] {
  return useSyncExternalStore(list.subscribe, list.getSnapshot);
}

/// Asks for the measure figure `ref`'s sentence suggests, once the queued saves are done (the
/// service reads the figure from its file, so a figure just tagged must be there first), and
/// gives the answer to `onAnswer`, null when there is none or it cannot be had. Returns the
/// function that cancels the question: a reply that comes after it is dropped, so that a figure
/// selected since is not shown another's suggestion.
export function askMeasureSuggestion(api: Pick<WorkbenchApi, 'measures'>, saves: SavesOf, ref: AnnotationRef, onAnswer: (measure: string | null) => void): () => void {
  let cancelled = false;
  saves
    .whenAllSaved()
    .then(() => (cancelled ? null : api.measures.suggest(ref.docId, ref.id)))
    .catch(() => null)
    .then((measure) => {
      if (!cancelled) onAnswer(measure);
    });
  return () => {
    cancelled = true;
  };
}
