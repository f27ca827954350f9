/// Label helpers: ids for new labels, checks before saving the label list, lookups. Pure.
import type { Label } from '../../preload/api';

/// Keys that navigate and so cannot tag.
export const RESERVED_KEYS = new Set(['j', 'k']);

/// A stable id for a new label named `name`: lower-case ASCII letters, digits, `-` and `_`,
/// starting with a letter, at most 32 characters, different from every id in `taken`.
export function labelIdFor(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let base = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 28);
  if (base === '') base = 'label';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/// What is wrong with a label list, or null when it can be saved.
export function labelListProblem(labels: readonly Label[]): string | null {
  const keys = new Map<string, string>();
  for (const label of labels) {
    const name = label.name.trim();
    if (name === '') return 'Every label needs a name.';
    if (name.length > 40) return `“${name.slice(0, 20)}…” is too long (40 characters at most).`;
    if (!/^#[0-9a-fA-F]{6}$/.test(label.color)) return `“${name}” needs a colour.`;
    const key = label.key.toLowerCase();
    if (key === '') continue;
    if (/\s/.test(key)) return `The key of “${name}” cannot be a space.`;
    if (RESERVED_KEYS.has(key)) return `“${label.key}” steps through annotations; choose another key for “${name}”.`;
    const other = keys.get(key);
    if (other) return `“${other}” and “${name}” both use the key ${label.key}.`;
    keys.set(key, name);
  }
  return null;
}

/// The label whose key is `key` (case-insensitive), if any.
export function labelForKey(labels: readonly Label[], key: string): Label | undefined {
  if (key.length !== 1) return undefined;
  const wanted = key.toLowerCase();
  return labels.find((l) => l.key !== '' && l.key.toLowerCase() === wanted);
}

/// A colour for the next new label, cycling through a palette that reads well on paper white.
export function nextLabelColor(labels: readonly Label[]): string {
  const palette = ['#c2410c', '#0e7490', '#b91c1c', '#4d7c0f', '#be185d', '#6d28d9', '#a16207', '#475569'];
  const used = new Set(labels.map((l) => l.color.toLowerCase()));
  return palette.find((c) => !used.has(c)) ?? palette[labels.length % palette.length];
}

/// A short mark for each label name (in the order given), shown at the start of a highlight when
/// colours are not enough: the shortest prefix (1–3 letters, the first upper-case) that no other
/// name shares; names that agree on their first three letters keep those three.
export function labelAbbreviations(names: readonly string[]): string[] {
  const letters = names.map((name) => [...name.trim().replace(/[^\p{L}\p{N}]+/gu, '')]);
  return letters.map((own, i) => {
    let length = 1;
    while (length < 3 && length < own.length && letters.some((other, j) => j !== i && other.slice(0, length).join('').toLowerCase() === own.slice(0, length).join('').toLowerCase())) length += 1;
    const prefix = own.slice(0, length).join('');
    return prefix ? prefix[0].toUpperCase() + prefix.slice(1).toLowerCase() : '?';
  });
}
