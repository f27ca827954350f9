/// Checks a new label list against the old one and the annotations that use the labels.
import { InvalidChangeError } from './errors.js';
import type { Label } from './model.js';

/// Keys the document view keeps for itself (stepping through annotations).
export const RESERVED_KEYS = ['j', 'k'];

/// Most labels a workspace may have: more than anyone can tell apart by colour or key, and the
/// bound on what an exchange file can add (the service's `labels.save` takes at most this many).
export const MAX_LABELS = 50;

/// Throws unless `next` is a valid replacement for the label list: unique ids, names and keys,
/// no reserved key, and no label removed while annotations still use it (`usage`: label → count)
/// or entities are of its type (`entityTypes`: label → count).
export function checkLabelList(next: Label[], usage: Record<string, number>, entityTypes: Record<string, number> = {}): void {
  if (!next.length) throw new InvalidChangeError('there must be at least one label');
  if (next.length > MAX_LABELS) throw new InvalidChangeError(`there may be at most ${MAX_LABELS} labels (this list has ${next.length})`);
  const seen = { id: new Set<string>(), name: new Set<string>(), key: new Set<string>() };
  for (const label of next) {
    if (seen.id.has(label.id)) throw new InvalidChangeError(`two labels have the id "${label.id}"`);
    const name = label.name.trim().toLowerCase();
    if (!name) throw new InvalidChangeError(`label "${label.id}" needs a name`);
    if (seen.name.has(name)) throw new InvalidChangeError(`two labels are named "${label.name}"`);
    if (label.key) {
      if (label.key.trim() === '') throw new InvalidChangeError(`label "${label.name}": a key cannot be a space`);
      if (RESERVED_KEYS.includes(label.key.toLowerCase())) {
        throw new InvalidChangeError(`label "${label.name}": "${label.key}" is kept for stepping through annotations`);
      }
      if (seen.key.has(label.key.toLowerCase())) throw new InvalidChangeError(`two labels use the key "${label.key}"`);
      seen.key.add(label.key.toLowerCase());
    }
    seen.id.add(label.id);
    seen.name.add(name);
  }
  for (const [id, count] of Object.entries(usage)) {
    if (count > 0 && !seen.id.has(id)) {
      throw new InvalidChangeError(`label "${id}" is used by ${count} annotation${count === 1 ? '' : 's'} and cannot be removed`);
    }
  }
  for (const [id, count] of Object.entries(entityTypes)) {
    if (count > 0 && !seen.id.has(id)) {
      throw new InvalidChangeError(`label "${id}" is the type of ${count} entit${count === 1 ? 'y' : 'ies'} and cannot be removed (change their type or delete them first)`);
    }
  }
}
