/// The workspace's entities as the renderer knows them (with their mentions and documents), read
/// from the service after every change, and the entity changes the UI makes: each is done at
/// once (so that a refusal, such as a name already taken, is told where it was asked) and then
/// recorded in the session's undo history.
import { useSyncExternalStore } from 'react';
import type { Entity, EntityChange, EntityUndo, EntityUsage, NewEntity, WorkbenchApi } from '../../../preload/api';
import type { WorkbenchStore } from '../state/workbenchStore';
import { ReadAfterSaves } from '../state/readAfterSaves';
import { Listeners } from '../state/listeners';

/// The entity list of one window.
export class EntityList {
  private entities: readonly EntityUsage[] = [];
  private readonly changed = new Listeners();
  private readonly reads: ReadAfterSaves;

  constructor(
    private readonly api: WorkbenchApi,
    private readonly workbench: WorkbenchStore,
  ) {
    this.reads = new ReadAfterSaves(workbench, async () => {
      this.entities = await this.api.entities.list();
      this.changed.emit();
    });
    // Links made or removed in documents change the counts.
    workbench.onAllSaved(() => void this.refresh());
  }

  /// For `useSyncExternalStore`.
  subscribe = (listener: () => void): (() => void) => this.changed.add(listener);

  /// For `useSyncExternalStore`.
  getSnapshot = (): readonly EntityUsage[] => this.entities;

  /// The entity `id`, if it is in the list.
  get(id: string): EntityUsage | undefined {
    return this.entities.find((e) => e.id === id);
  }

  /// Reads the list (and its counts) again from the service, once the queued saves are done
  /// (their links count).
  refresh(): Promise<void> {
    return this.reads.refresh();
  }

  /// Makes an entity; resolves with it. Undo deletes it (and any link made to it meanwhile).
  async create(input: NewEntity): Promise<Entity> {
    await this.workbench.whenAllSaved();
    let entity = await this.api.entities.create({ ...input, id: input.id ?? crypto.randomUUID() });
    let undo: EntityUndo | null = null;
    this.record(`create entity “${entity.name}”`, async () => void (undo = await this.api.entities.delete(entity.id)), async () => {
      if (undo) [entity] = await this.api.entities.restore(undo);
    });
    return entity;
  }

  /// Renames (the old name becomes an alias), re-aliases, retypes, or sets the Wikidata id or note.
  async update(id: string, change: EntityChange, description: string): Promise<Entity> {
    await this.workbench.whenAllSaved();
    const done = await this.api.entities.update(id, change);
    this.record(description, async () => void (await this.api.entities.restore(done.undo)), async () => void (await this.api.entities.update(id, change)));
    return done.entity;
  }

  /// Folds `from` into `into`: the links of `from` follow, its name and aliases become aliases.
  async merge(from: Entity, into: Entity): Promise<Entity> {
    await this.workbench.whenAllSaved();
    let done = await this.api.entities.merge(from.id, into.id);
    this.record(
      `merge “${from.name}” into “${into.name}”`,
      async () => void (await this.api.entities.restore(done.undo)),
      async () => void (done = await this.api.entities.merge(from.id, into.id)),
    );
    this.workbench.reloadOpen();
    return done.entity;
  }

  /// Deletes an entity: its links go, the spans stay.
  async delete(entity: Entity): Promise<void> {
    await this.workbench.whenAllSaved();
    let undo = await this.api.entities.delete(entity.id);
    this.record(
      `delete entity “${entity.name}”`,
      async () => void (await this.api.entities.restore(undo)),
      async () => void (undo = await this.api.entities.delete(entity.id)),
    );
    this.workbench.reloadOpen();
  }

  private record(description: string, undo: () => Promise<void>, redo: () => Promise<void>): void {
    const thenRefresh = (run: () => Promise<void>) => async () => {
      await run();
      void this.refresh();
    };
    this.workbench.recordWorkspaceChange({ description, undo: thenRefresh(undo), redo: thenRefresh(redo) });
    void this.refresh();
  }
}

/// The entities of `list`; the component re-renders when they change.
export function useEntityList(list: EntityList): readonly EntityUsage[] {
  return useSyncExternalStore(list.subscribe, list.getSnapshot);
}
