/// Which outlets get a column of their own in Compare's entities table (pure, so that it is tested
/// without a window).
import type { EntityAcrossOutlets, EntityOutlet } from '../../../preload/api';

/// Outlet columns shown at most.
const MAX_COLUMNS = 8;
/// How documents without an outlet are named.
export const NO_OUTLET = 'No outlet';

/// The key outlets are told apart by (case aside).
export const outletKey = (o: EntityOutlet) => o.outlet?.toLowerCase() ?? '';

/// The outlet columns: the outlets with the most mentions over all entities, and their names.
export function outletColumns(entities: readonly EntityAcrossOutlets[], max = MAX_COLUMNS): { key: string; name: string }[] {
  const totals = new Map<string, { name: string; mentions: number }>();
  for (const e of entities) {
    for (const o of e.outlets) {
      const entry = totals.get(outletKey(o)) ?? { name: o.outlet ?? NO_OUTLET, mentions: 0 };
      entry.mentions += o.mentions;
      totals.set(outletKey(o), entry);
    }
  }
  return [...totals]
    .sort((x, y) => y[1].mentions - x[1].mentions || x[1].name.localeCompare(y[1].name))
    .slice(0, max)
    .map(([key, { name }]) => ({ key, name }));
}
