// The library's page cache: which pages it asks the service for as rows come into view, what it
// keeps and drops, and how a new query or a changed workspace replaces the rows without showing
// an empty list meanwhile.
import { describe, expect, it } from 'vitest';
import type { LibraryPage, LibraryQuery, LibraryRow } from '../../preload/api';
import { KEPT_PAGES, LibraryPages, PAGE_ROWS, pagesCovering } from '../../renderer/src/library/libraryPages';
import { rowForKey } from '../../renderer/src/library/libraryRows';

const doc = (n: number, prefix = 'doc'): LibraryRow => ({ id: `${prefix}-${n}`, title: `${prefix} ${n}`, sourceName: `${prefix}-${n}.txt`, characters: n, counts: {}, meta: {}, status: 'todo', mine: 0 });

/// A service whose replies wait until the test sends them.
function fakeService(count: number) {
  let rows = Array.from({ length: count }, (_, i) => doc(i));
  const calls: { query: LibraryQuery; resolve(page: LibraryPage): void; reject(error: Error): void }[] = [];
  let changes = 0;
  const pages = new LibraryPages(
    (query) => new Promise<LibraryPage>((resolve, reject) => calls.push({ query, resolve, reject })),
    () => (changes += 1),
  );
  const pageOf = (query: LibraryQuery): LibraryPage => {
    const matching = query.filter ? rows.filter((d) => d.title.includes(query.filter!)) : rows;
    const ordered = query.descending ? [...matching].reverse() : matching;
    return { total: matching.length, all: rows.length, offset: query.offset, documents: ordered.slice(query.offset, query.offset + query.limit) };
  };
  return {
    pages,
    calls,
    changes: () => changes,
    /// The offsets asked for and not answered yet.
    asked: () => calls.map((c) => c.query.offset),
    /// Answers every call asked so far (in order), and lets the promises settle.
    async answerAll() {
      for (const call of calls.splice(0)) call.resolve(pageOf(call.query));
      await new Promise((r) => setTimeout(r, 0));
    },
    setRows(next: LibraryRow[]) {
      rows = next;
    },
  };
}

describe('pages covering rows', () => {
  it('lists the pages of a row range, clamped to the rows there are', () => {
    expect(pagesCovering({ first: 0, last: 9 }, 1000, 100)).toEqual([0]);
    expect(pagesCovering({ first: 95, last: 205 }, 1000, 100)).toEqual([0, 1, 2]);
    expect(pagesCovering({ first: -50, last: 40 }, 1000, 100)).toEqual([0]);
    expect(pagesCovering({ first: 950, last: 1100 }, 1000, 100)).toEqual([9]);
    expect(pagesCovering({ first: 0, last: 10 }, 0, 100)).toEqual([]);
  });
});

describe('the library page cache', () => {
  it('asks for the first page first, then learns how many rows the list has', async () => {
    const service = fakeService(10_000);
    expect(service.pages.setQuery({ sort: 'title', descending: true, filter: ' doc ' }, 0)).toBe(true);
    expect(service.pages.setQuery({ sort: 'title', descending: true, filter: 'doc' }, 0)).toBe(false);
    service.pages.fetchMissing();
    service.pages.fetchMissing();
    expect(service.calls.map((c) => c.query)).toEqual([{ sort: 'title', descending: true, filter: 'doc', offset: 0, limit: PAGE_ROWS }]);
    expect(service.pages.total).toBeNull();
    await service.answerAll();
    expect(service.pages).toMatchObject({ total: 10_000, all: 10_000, error: null });
    expect(service.changes()).toBe(1);
    expect(service.pages.rowAt(0)?.id).toBe('doc-9999');
    expect(service.pages.rowAt(PAGE_ROWS - 1)?.id).toBe(`doc-${10_000 - PAGE_ROWS}`);
    expect(service.pages.rowAt(PAGE_ROWS)).toBeUndefined();
  });

  it('a status just set shows on its row at once, a change told; a document not held changes nothing', async () => {
    const service = fakeService(300);
    service.pages.setQuery({ status: 'todo', annotator: 'Ana' }, 0);
    service.pages.fetchMissing();
    expect(service.calls[0].query).toEqual({ status: 'todo', annotator: 'Ana', offset: 0, limit: PAGE_ROWS });
    await service.answerAll();
    const before = service.changes();
    service.pages.patch('doc-5', { status: 'done' });
    expect([service.pages.rowAt(5)?.status, service.pages.rowAt(4)?.status]).toEqual(['done', 'todo']);
    expect(service.changes()).toBe(before + 1);
    service.pages.patch('doc-299', { status: 'done' }); // its page is not here
    expect(service.changes()).toBe(before + 1);
    // Another annotator is another query: a new generation.
    expect(service.pages.setQuery({ status: 'todo', annotator: 'Ben' }, 0)).toBe(true);
  });

  it('fetches the pages of the rows in view with a margin, each once, and drops pages far from the view', async () => {
    const service = fakeService(10_000);
    service.pages.setQuery({}, 0);
    service.pages.show({ first: 0, last: 9 });
    await service.answerAll();
    // Rows 150–160, with half a page either side: pages 1 and 2.
    service.pages.show({ first: 150, last: 160 });
    service.pages.show({ first: 151, last: 161 });
    expect(service.asked()).toEqual([100, 200]);
    await service.answerAll();
    expect(service.pages.rowAt(160)?.id).toBe('doc-160');

    // A jump to the middle (the scroll bar dragged): the first pages go, but not the focused row's.
    service.pages.show({ first: 5000, last: 5010 }, [3]);
    expect(service.asked()).toEqual([4900, 5000]);
    await service.answerAll();
    expect(service.pages.rowAt(5005)?.id).toBe('doc-5005');
    expect(service.pages.rowAt(3)?.id).toBe('doc-3');
    expect(service.pages.rowAt(160)).toBeUndefined();
    // Pages within KEPT_PAGES of the view stay.
    service.pages.show({ first: 5000 + KEPT_PAGES * PAGE_ROWS, last: 5010 + KEPT_PAGES * PAGE_ROWS });
    await service.answerAll();
    expect(service.pages.rowAt(5005)?.id).toBe('doc-5005');
    expect(service.pages.rowAt(3)).toBeUndefined();

    // Scrolling back fetches a dropped page again.
    service.pages.show({ first: 150, last: 160 });
    expect(service.asked()).toEqual([100, 200]);
  });

  it('fetches the page of a row the keyboard moved to, far beyond those fetched (End)', async () => {
    const service = fakeService(10_000);
    service.pages.setQuery({}, 0);
    service.pages.show({ first: 0, last: 9 });
    await service.answerAll();
    const end = rowForKey('End', 0, service.pages.total!, 9)!;
    expect(end).toBe(9_999);
    expect(service.pages.rowAt(end)).toBeUndefined();
    service.pages.show({ first: 0, last: 9 }, [end]);
    expect(service.asked()).toEqual([9_900]);
    await service.answerAll();
    expect(service.pages.rowAt(end)?.id).toBe('doc-9999');
  });

  it('after a refresh keeps showing the old rows until the first new page arrives, and ignores late old replies', async () => {
    const service = fakeService(300);
    service.pages.setQuery({}, 0);
    service.pages.show({ first: 0, last: 9 });
    await service.answerAll();
    service.pages.show({ first: 160, last: 170 });
    expect(service.asked()).toEqual([100, 200]);
    const late = service.calls.splice(0);

    // An import added rows at the top: the workspace changed (version 1).
    service.setRows([doc(0, 'new'), ...Array.from({ length: 300 }, (_, i) => doc(i))]);
    expect(service.pages.setQuery({}, 1)).toBe(true);
    expect(service.pages.rowAt(0)?.id).toBe('doc-0');
    service.pages.fetchMissing();
    expect(service.asked()).toEqual([100, 200]);
    // The reply to the older generation comes last, and is not taken.
    const fresh = service.calls.slice();
    late[0].resolve({ total: 300, all: 300, offset: 100, documents: Array.from({ length: 100 }, (_, i) => doc(100 + i, 'stale')) });
    await service.answerAll();
    expect(fresh).toHaveLength(2);
    expect(service.pages.total).toBe(301);
    expect(service.pages.rowAt(101)?.id).toBe('doc-100');
    expect(service.pages.rowAt(201)?.id).toBe('doc-200');
    // The older page 0 went with the first new page; scrolled back to, it is fetched anew.
    expect(service.pages.rowAt(0)).toBeUndefined();
    service.pages.show({ first: 0, last: 9 });
    await service.answerAll();
    expect(service.pages.rowAt(0)?.id).toBe('new-0');
  });

  it('a new filter replaces every row at its first page, and a list that shrank drops the pages beyond its end', async () => {
    const service = fakeService(1000);
    service.pages.setQuery({}, 0);
    service.pages.show({ first: 0, last: 9 });
    await service.answerAll();
    service.pages.show({ first: 250, last: 260 });
    await service.answerAll();
    expect(service.pages.rowAt(250)?.id).toBe('doc-250');

    service.pages.setQuery({ filter: 'doc 99' }, 0);
    service.pages.fetchMissing();
    // From the top, where the list scrolls to; the old rows are read until the reply.
    expect(service.asked()).toEqual([0]);
    expect(service.pages.rowAt(250)?.id).toBe('doc-250');
    await service.answerAll();
    // doc 99, doc 990 … doc 999.
    expect(service.pages.total).toBe(11);
    expect(service.pages.all).toBe(1000);
    expect(service.pages.rowAt(0)?.id).toBe('doc-99');
    expect(service.pages.rowAt(250)).toBeUndefined();

    // From an empty list (nothing matched), the next query still learns its count.
    service.pages.setQuery({ filter: 'atlantis' }, 0);
    service.pages.fetchMissing();
    await service.answerAll();
    expect(service.pages.total).toBe(0);
    service.pages.setQuery({}, 0);
    service.pages.fetchMissing();
    expect(service.asked()).toEqual([0]);
    await service.answerAll();
    expect(service.pages.total).toBe(1000);
  });

  it('says why a page could not be fetched, does not ask again in that generation, and tries again after a refresh', async () => {
    const service = fakeService(50);
    service.pages.setQuery({}, 0);
    service.pages.fetchMissing();
    service.calls.splice(0)[0].reject(new Error('the workbench server cannot be reached'));
    await new Promise((r) => setTimeout(r, 0));
    expect(service.pages.error).toBe('the workbench server cannot be reached');
    expect(service.changes()).toBe(1);
    service.pages.fetchMissing();
    expect(service.calls).toHaveLength(0);
    service.pages.setQuery({}, 1);
    expect(service.pages.error).toBeNull();
    service.pages.fetchMissing();
    await service.answerAll();
    expect(service.pages.total).toBe(50);
  });
});
