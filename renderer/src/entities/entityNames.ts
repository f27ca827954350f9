/// How the UI finds entities by what is typed or tagged: names and aliases compared as the
/// cross-pane marking compares texts (case aside, runs of whitespace as one space).
import type { Entity } from '../../../preload/api';
import { matchKey } from '../state/selectors';

/// Whether two names are the same name.
export function sameName(a: string, b: string): boolean {
  return matchKey(a) === matchKey(b);
}

/// How well `entity` answers `key` (a `matchKey`): 4 its name, 3 an alias, 2 a name that starts
/// with it, 1 a name or alias holding it (or held in it), 0 not at all.
function score(entity: Entity, key: string): number {
  if (!key) return 0;
  const name = matchKey(entity.name);
  const aliases = entity.aliases.map(matchKey);
  if (name === key) return 4;
  if (aliases.includes(key)) return 3;
  if (name.startsWith(key)) return 2;
  if ([name, ...aliases].some((n) => n.includes(key) || (n.length > 2 && key.includes(n)))) return 1;
  return 0;
}

/// The entities answering `text`, best first: those of type `label` before others, then by how
/// well they answer, then the most mentioned. With `orAnyOfLabel`, the entities of type `label`
/// that do not answer follow (what an empty search box offers).
export function entityMatches<E extends Entity & { mentions?: number }>(entities: readonly E[], text: string, label: string, orAnyOfLabel = false): E[] {
  const key = matchKey(text);
  return entities
    .map((entity) => ({ entity, score: score(entity, key) }))
    .filter(({ entity, score }) => score > 0 || (orAnyOfLabel && entity.type === label))
    .sort(
      (a, b) =>
        Number(b.entity.type === label) - Number(a.entity.type === label) ||
        b.score - a.score ||
        (b.entity.mentions ?? 0) - (a.entity.mentions ?? 0) ||
        a.entity.name.localeCompare(b.entity.name),
    )
    .map(({ entity }) => entity);
}
