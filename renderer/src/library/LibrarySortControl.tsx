/// The library's sort control: one labelled select of the orders the service can sort in, each
/// both ways ("Title A–Z", "Title Z–A"…), so that one control, reached with Tab and changed with
/// the arrow keys, says the whole order in words. The service sorts; this only asks.
import type { LibrarySort } from '../../../preload/api';

/// A library order: the sort and whether it runs backwards.
export interface LibrarySortOrder {
  sort: LibrarySort;
  descending: boolean;
}

/// Each sort's two directions in words, ascending first, in the order offered.
export const LIBRARY_SORT_CHOICES: Readonly<Record<LibrarySort, readonly [ascending: string, descending: string]>> = {
  imported: ['Oldest first', 'Newest first'],
  title: ['Title A–Z', 'Title Z–A'],
  characters: ['Shortest first', 'Longest first'],
  annotations: ['Fewest tags first', 'Most tags first'],
  outlet: ['Outlet A–Z', 'Outlet Z–A'],
  published: ['Published earliest first', 'Published latest first'],
};

const valueOf = (order: LibrarySortOrder) => `${order.sort}:${order.descending ? 'descending' : 'ascending'}`;

function orderOf(value: string): LibrarySortOrder {
  const [sort, direction] = value.split(':');
  return { sort: sort as LibrarySort, descending: direction === 'descending' };
}

/// Props of {@link LibrarySortControl}.
export interface LibrarySortControlProps {
  order: LibrarySortOrder;
  onChange(order: LibrarySortOrder): void;
}

/// `label.library-sort` around the select (`data-testid="library-sort"`, values such as
/// `title:ascending`).
export function LibrarySortControl({ order, onChange }: LibrarySortControlProps) {
  return (
    <label className="library-sort">
      <span className="library-sort-caption">Sort</span>
      <select className="select select-small" data-testid="library-sort" value={valueOf(order)} onChange={(e) => onChange(orderOf(e.target.value))}>
        {(Object.keys(LIBRARY_SORT_CHOICES) as LibrarySort[]).flatMap((sort) =>
          [false, true].map((descending) => (
            <option key={valueOf({ sort, descending })} value={valueOf({ sort, descending })}>
              {LIBRARY_SORT_CHOICES[sort][descending ? 1 : 0]}
            </option>
          )),
        )}
      </select>
    </label>
  );
}
