// The Measure field's help: the measures in use, read while a field shows them and again after
// each save, and the suggestion for one figure, asked once its saves are done and dropped when
// the question was cancelled (another figure selected meanwhile).
import { describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../preload/api';
import { askMeasureSuggestion, MeasureList, type SavesOf } from '../../renderer/src/inspector/measureList';

type Measures = Pick<WorkbenchApi, 'measures'>;

/// A store whose saves the test starts and finishes by hand.
function fakeSaves() {
  const savedListeners = new Set<() => void>();
  let waiting: (() => void)[] = [];
  let saving = false;
  let failed = false;
  const saves: SavesOf = {
    onAllSaved(listener) {
      savedListeners.add(listener);
      return () => savedListeners.delete(listener);
    },
    whenAllSaved: () =>
      failed ? Promise.reject(new Error('a change could not be saved yet')) : saving ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve(),
  };
  return {
    saves,
    /// A change is queued.
    saving() {
      saving = true;
    },
    /// Every queued change is saved: the waiters go on, the listeners are told.
    allSaved() {
      saving = false;
      const resumed = waiting;
      waiting = [];
      resumed.forEach((resolve) => resolve());
      savedListeners.forEach((l) => l());
    },
    failSaves() {
      failed = true;
    },
    get listeners() {
      return savedListeners.size;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('MeasureList', () => {
  it('reads the measures when a field appears, again after saves while one is shown, and not once none is', async () => {
    let inUse = [{ measure: 'civilians fled', figures: 2 }];
    let reads = 0;
    const api: Measures = { measures: { list: async () => (reads++, inUse), suggest: async () => null } };
    const store = fakeSaves();
    const list = new MeasureList(api, store.saves);
    let told = 0;
    const stop = list.subscribe(() => told++);
    await settle();
    expect(list.getSnapshot()).toEqual(['civilians fled']);
    expect(told).toBe(1);

    // A measure is saved: the list read after the save has it.
    store.saving();
    inUse = [
      { measure: 'civilians fled', figures: 2 },
      { measure: 'Civilians killed', figures: 1 },
    ];
    store.allSaved();
    await settle();
    expect(list.getSnapshot()).toEqual(['civilians fled', 'Civilians killed']);
    expect(reads).toBe(2);

    stop();
    expect(store.listeners).toBe(0);
    store.allSaved();
    await settle();
    expect(reads).toBe(2);
  });

  it('waits for the queued saves, keeps the last list when it cannot be read, and reads once more when asked while reading', async () => {
    const answers: (() => Promise<{ measure: string; figures: number }[]>)[] = [
      async () => [{ measure: 'rebels surrendered', figures: 1 }],
      () => Promise.reject(new Error('index busy')),
      async () => [{ measure: 'rebels surrendered', figures: 1 }],
      async () => [{ measure: 'people killed', figures: 3 }],
    ];
    const api: Measures = { measures: { list: () => answers.shift()!(), suggest: async () => null } };
    const store = fakeSaves();
    store.saving();
    const list = new MeasureList(api, store.saves);
    list.subscribe(() => undefined);
    await settle();
    expect(answers).toHaveLength(4);
    store.allSaved();
    await settle();
    expect(list.getSnapshot()).toEqual(['rebels surrendered']);

    await list.refresh();
    expect(list.getSnapshot()).toEqual(['rebels surrendered']);

    // Asked again while reading (a save done meanwhile): read once more after it.
    store.saving();
    const first = list.refresh();
    void list.refresh();
    store.allSaved();
    await first;
    await settle();
    expect(list.getSnapshot()).toEqual(['people killed']);
    expect(answers).toHaveLength(0);
  });
});

describe('askMeasureSuggestion', () => {
  const ref = { docId: 'sha256:d', id: 'a1' };

  it('asks once the saves are done, so that the service finds the figure just tagged', async () => {
    const asked: string[] = [];
    const api: Measures = { measures: { list: async () => [], suggest: async (docId, id) => (asked.push(`${docId} ${id}`), 'civilians killed') } };
    const store = fakeSaves();
    store.saving();
    const answers: (string | null)[] = [];
    askMeasureSuggestion(api, store.saves, ref, (m) => answers.push(m));
    await settle();
    expect(asked).toEqual([]);
    store.allSaved();
    await settle();
    expect(asked).toEqual(['sha256:d a1']);
    expect(answers).toEqual(['civilians killed']);
  });

  it('drops a reply that comes after the question was cancelled', async () => {
    let reply!: (m: string | null) => void;
    const api: Measures = { measures: { list: async () => [], suggest: () => new Promise((resolve) => (reply = resolve)) } };
    const store = fakeSaves();
    const answers: (string | null)[] = [];
    const cancel = askMeasureSuggestion(api, store.saves, ref, (m) => answers.push(m));
    await settle();
    cancel();
    reply('civilians fled');
    await settle();
    expect(answers).toEqual([]);
  });

  it('does not ask once cancelled, and answers null when it cannot be had', async () => {
    let asked = 0;
    const api: Measures = {
      measures: {
        list: async () => [],
        suggest: async () => {
          asked++;
          throw new Error('no annotation a1');
        },
      },
    };
    const store = fakeSaves();
    store.saving();
    const answers: (string | null)[] = [];
    askMeasureSuggestion(api, store.saves, ref, (m) => answers.push(m))();
    store.allSaved();
    await settle();
    expect(asked).toBe(0);

    askMeasureSuggestion(api, store.saves, ref, (m) => answers.push(m));
    await settle();
    store.failSaves();
    askMeasureSuggestion(api, store.saves, ref, (m) => answers.push(m));
    await settle();
    expect(answers).toEqual([null, null]);
    expect(asked).toBe(1);
  });
});
