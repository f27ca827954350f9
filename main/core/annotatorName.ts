/// The name annotations are made under: setting it (which confirms it) and whether it was ever
/// confirmed, so that the app asks a person for their name once, on the workspace's first run.
import { InvalidChangeError } from './errors.js';
import { CURATION_LAYER } from './review.js';
import type { Workspace } from './store/workspace.js';

/// The longest annotator name accepted.
export const MAX_ANNOTATOR_NAME = 60;

/// `name` trimmed, or an error saying why it cannot be an annotator's name.
export function checkAnnotatorName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new InvalidChangeError('an annotator name is needed');
  if (trimmed.length > MAX_ANNOTATOR_NAME) throw new InvalidChangeError(`an annotator name has at most ${MAX_ANNOTATOR_NAME} characters (this one has ${trimmed.length})`);
  if (trimmed === CURATION_LAYER) throw new InvalidChangeError(`"${CURATION_LAYER}" is the curated layer of Review, not a name to annotate under`);
  return trimmed;
}

/// Makes `name` the current annotator (added to the annotators if new) and records that it was
/// confirmed: whoever names themselves is not asked again.
export async function setConfirmedAnnotator(workspace: Workspace, name: string): Promise<void> {
  const checked = checkAnnotatorName(name);
  // Already so: nothing to write (a write would count as a change, and the next opening would
  // take a backup for nothing).
  if (workspace.annotatorConfirmed && workspace.currentAnnotator === checked && workspace.annotators.includes(checked)) return;
  await workspace.updateIndex((index) => ({
    ...index,
    currentAnnotator: checked,
    annotators: index.annotators.includes(checked) ? index.annotators : [...index.annotators, checked],
    annotatorConfirmed: true,
  }));
}

/// Whether the current annotator's name counts as confirmed: recorded so, or (a workspace from
/// before the flag) its current annotator already made annotations here, which is recorded then,
/// so the answer stays put when those annotations are deleted later.
export async function annotatorConfirmed(workspace: Workspace): Promise<boolean> {
  if (workspace.annotatorConfirmed) return true;
  const made = (await workspace.annotationsByAnnotator()).get(workspace.currentAnnotator) ?? 0;
  if (made === 0 || workspace.annotatorConfirmed) return workspace.annotatorConfirmed;
  await workspace.updateIndex((index) => ({ ...index, annotatorConfirmed: true }));
  return true;
}
