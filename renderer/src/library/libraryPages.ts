/// The library's rows as the service sends them: in pages of {@link PAGE_ROWS}, fetched for the
/// rows in view (and a margin around them), kept while near the view and dropped when far, so a
/// workspace of 100,000 articles costs the renderer a few hundred rows. The list itself is as
/// long as the service's `total`; a row whose page has not arrived yet reads as `undefined`.
///
/// Every change of the query (sort, direction, filter) or of the workspace (an import, a restore)
/// starts a new generation: pages of older generations are still read (the list does not flash
/// empty) until the pages of the new one asked for have arrived, which drops them all; replies to
/// older generations are ignored.
import type { LibraryPage, LibraryQuery } from '../../../preload/api';

/// Rows per page asked of the service.
export const PAGE_ROWS = 100;
/// Pages kept on each side of those in view; farther ones are dropped (and fetched again if
/// scrolled back to).
export const KEPT_PAGES = 3;

/// What the library asks for, apart from where: sort, direction, filter, outlet, status and whose.
export type LibraryOrder = Omit<LibraryQuery, 'offset' | 'limit'>;

/// Rows `first` to `last`, both included.
export interface RowRange {
  first: number;
  last: number;
}

/// How a page is fetched (the service's `documents.list`).
export type FetchPage = (query: LibraryQuery) => Promise<LibraryPage>;

interface CachedPage {
  generation: number;
  rows: LibraryPage['documents'];
}

/// The page numbers holding rows `range` (clamped to `total` rows), in order.
export function pagesCovering(range: RowRange, total: number, pageRows = PAGE_ROWS): number[] {
  const first = Math.max(0, range.first);
  const last = Math.min(total - 1, range.last);
  if (last < first) return [];
  const pages = [];
  for (let page = Math.floor(first / pageRows); page <= Math.floor(last / pageRows); page++) pages.push(page);
  return pages;
}

/// The page cache of one library list; `changed` is called whenever what it reads changed.
export class LibraryPages {
  private readonly pages = new Map<number, CachedPage>();
  /// Pages asked for in this generation (answered, in flight or failed): not asked again.
  private readonly asked = new Set<number>();
  private generation = 0;
  /// Pages of this generation asked for and not answered yet.
  private waiting = 0;
  private key: string | null = null;
  private order: LibraryOrder = {};
  private range: RowRange = { first: 0, last: 0 };
  private keptRows: readonly number[] = [];
  /// Documents matching the query, and in the workspace; null until a first page arrived.
  total: number | null = null;
  all: number | null = null;
  /// Why the last page asked for could not be fetched (cleared by the next generation).
  error: string | null = null;

  constructor(
    private readonly fetchPage: FetchPage,
    private readonly changed: () => void,
    readonly pageRows = PAGE_ROWS,
  ) {}

  /// Sets the query; with a new query or `version` (the workspace changed), starts a new
  /// generation. Reads nothing itself: {@link fetchMissing} does. Safe to call at every render.
  setQuery(order: LibraryOrder, version: number): boolean {
    const orderKey = JSON.stringify([order.sort ?? 'imported', !!order.descending, order.filter?.trim() ?? '', order.outlet ?? null, order.status ?? null, order.annotator ?? null]);
    const key = `${orderKey}${version}`;
    if (key === this.key) return false;
    // Another list starts at its top (the view scrolls there): as many rows, from the first.
    if (this.key !== null && !this.key.startsWith(orderKey)) {
      this.range = { first: 0, last: this.range.last - this.range.first };
      this.keptRows = [];
    }
    this.key = key;
    this.order = { ...order, filter: order.filter?.trim() || undefined };
    this.generation += 1;
    this.waiting = 0;
    this.asked.clear();
    this.error = null;
    return true;
  }

  /// The document at row `index`, or undefined while its page is not here.
  rowAt(index: number): LibraryPage['documents'][number] | undefined {
    return this.pages.get(Math.floor(index / this.pageRows))?.rows[index % this.pageRows];
  }

  /// Changes document `id`'s row wherever it is held (what the service just saved, shown before
  /// the pages are read again).
  patch(id: string, change: Partial<LibraryPage['documents'][number]>): void {
    let found = false;
    for (const cached of this.pages.values()) {
      const at = cached.rows.findIndex((row) => row.id === id);
      if (at < 0) continue;
      cached.rows = cached.rows.map((row, i) => (i === at ? { ...row, ...change } : row));
      found = true;
    }
    if (found) this.changed();
  }

  /// The rows in view changed: drops pages far from them (but not those of `keptRows`, such as the
  /// row holding the keyboard focus) and fetches the missing ones, a margin of half a page included.
  show(range: RowRange, keptRows: readonly number[] = []): void {
    this.range = range;
    this.keptRows = keptRows;
    const near = pagesCovering(this.withMargin(range), Number.MAX_SAFE_INTEGER, this.pageRows);
    const keep = new Set(keptRows.map((row) => Math.floor(row / this.pageRows)));
    const [low, high] = near.length ? [near[0] - KEPT_PAGES, near[near.length - 1] + KEPT_PAGES] : [0, KEPT_PAGES];
    for (const page of [...this.pages.keys()]) {
      if ((page < low || page > high) && !keep.has(page)) {
        this.pages.delete(page);
        this.asked.delete(page);
      }
    }
    this.fetchMissing();
  }

  /// Fetches the pages of the rows last shown (and the kept rows) that are neither here in this
  /// generation nor asked for; with no such rows (before the first page, or in an empty list), the
  /// first page, which tells how many rows there are.
  fetchMissing(): void {
    const inView = this.total === null ? [] : pagesCovering(this.withMargin(this.range), this.total, this.pageRows);
    const kept = this.keptRows.filter((r) => this.total !== null && r < this.total).map((r) => Math.floor(r / this.pageRows));
    const wanted = inView.length ? [...new Set([...inView, ...kept])] : [0];
    for (const page of wanted) {
      if (this.asked.has(page) || this.pages.get(page)?.generation === this.generation) continue;
      this.asked.add(page);
      this.waiting += 1;
      const generation = this.generation;
      this.fetchPage({ ...this.order, offset: page * this.pageRows, limit: this.pageRows }).then(
        (reply) => this.receive(generation, page, reply),
        (error: unknown) => {
          if (generation !== this.generation) return;
          this.waiting -= 1;
          this.error = error instanceof Error ? error.message : String(error);
          this.changed();
        },
      );
    }
  }

  private withMargin(range: RowRange): RowRange {
    const margin = Math.floor(this.pageRows / 2);
    return { first: range.first - margin, last: range.last + margin };
  }

  private receive(generation: number, page: number, reply: LibraryPage): void {
    if (generation !== this.generation) return;
    this.waiting -= 1;
    this.pages.set(page, { generation, rows: reply.documents });
    // Once the pages asked for are here, older rows go (those in view were just replaced).
    if (this.waiting === 0) for (const [n, cached] of this.pages) if (cached.generation !== generation) this.pages.delete(n);
    const countChanged = reply.total !== this.total;
    this.total = reply.total;
    this.all = reply.all;
    for (const n of this.pages.keys()) if (n * this.pageRows >= reply.total && n !== 0) this.pages.delete(n);
    this.changed();
    // A list that grew may now show rows of pages not asked for.
    if (countChanged) this.fetchMissing();
  }
}
