/// Where "Tag all occurrences" lives in the app (DESIGN §12): the `t` key (unless a label has it
/// for its key) asks for it from the text selection or the selected annotation, as the selection
/// toolbar and the inspector do with a click; the dialog opens for the request. The ticked
/// occurrences, tagged by the service, become one undo step: Ctrl+Z removes every span made,
/// open documents or not, and Ctrl+Shift+Z puts them back.
import { useEffect, useRef, useState } from 'react';
import type { Label, RemovedAnnotation, TagAllApplied } from '../../../preload/api';
import { workbench } from '../api';
import { spanToTag } from '../editor/wordSnap';
import { plural } from '../format';
import { labelForKey } from '../labels';
import type { NewMessage } from '../Messages';
import { clearTextSelection, currentTextSelection, isTextEntry, type OpenViews } from '../openViews';
import { store } from '../state/useWorkbench';
import { TagAllDialog } from './TagAllDialog';
import { onTagAllRequest, requestTagAll, type TagAllOrigin } from './tagAllRequests';

/// The key that opens "Tag all".
export const TAG_ALL_KEY = 't';

/// Props of {@link TagAllHost}.
export interface TagAllHostProps {
  labels: readonly Label[];
  views: OpenViews;
  openDocIds: readonly string[];
  /// False while another mode hides the documents.
  enabled: boolean;
  say(message: NewMessage): void;
  /// Spans were made or taken away in documents that may not be open (the library's counts).
  onChanged(): void;
}

/// What "Tag all" starts from now: the text selection (snapped to whole words), else the
/// selected annotation; null when there is neither.
export function tagAllOrigin(views: OpenViews): TagAllOrigin | null {
  const selection = currentTextSelection(views);
  if (selection) {
    const text = store.doc(selection.docId)?.document.text;
    const span = text !== undefined ? spanToTag(text, selection.span.start, selection.span.end) : null;
    return text !== undefined && span ? { phrase: text.slice(span.start, span.end), docId: selection.docId, label: null } : null;
  }
  const selected = store.getSnapshot().selected;
  const annotation = selected && store.doc(selected.docId)?.annotations.get(selected.id);
  return annotation ? { phrase: annotation.quote, docId: annotation.docId, label: annotation.label } : null;
}

/// Records the spans a tag-all made as one undo step and shows them.
function recordTagAll(applied: TagAllApplied, phrase: string, onChanged: () => void): void {
  const made = applied.created.map((a) => ({ docId: a.docId, id: a.id }));
  if (made.length) {
    let removed: RemovedAnnotation[] = [];
    store.recordWorkspaceChange({
      description: `tag all “${phrase}” (${made.length})`,
      // It belongs to the history of each article it tagged.
      docIds: [...new Set(made.map((m) => m.docId))],
      async undo() {
        removed = await workbench.tagAll.remove(made);
        onChanged();
      },
      async redo() {
        await workbench.tagAll.restore(removed);
        onChanged();
      },
    });
  }
  store.reloadOpen();
  onChanged();
}

/// The dialog when asked for, and the `t` key.
export function TagAllHost({ labels, views, openDocIds, enabled, say, onChanged }: TagAllHostProps) {
  const [origin, setOrigin] = useState<TagAllOrigin | null>(null);
  const latest = useRef({ labels, enabled });
  latest.current = { labels, enabled };

  useEffect(() => onTagAllRequest(setOrigin), []);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const { labels: current, enabled: on } = latest.current;
      if (!on || e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.key !== TAG_ALL_KEY) return;
      if (isTextEntry(e.target) || document.querySelector('dialog:modal') || labelForKey(current, TAG_ALL_KEY)) return;
      const found = tagAllOrigin(views);
      if (!found) return;
      e.preventDefault();
      requestTagAll(found);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [views]);

  if (!origin) return null;
  return (
    <TagAllDialog
      origin={origin}
      labels={labels}
      openDocIds={openDocIds}
      onClose={() => setOrigin(null)}
      onApplied={(applied, phrase, label) => {
        setOrigin(null);
        clearTextSelection(views);
        recordTagAll(applied, phrase, onChanged);
        const failed = applied.failed.length ? ` ${plural(applied.failed.length, 'article')} could not be changed: ${applied.failed.map((f) => f.message).join('; ')}` : '';
        say({
          kind: 'note',
          tone: failed ? 'warn' : 'ok',
          testId: 'tag-all-message',
          title: `Tagged ${plural(applied.created.length, 'occurrence')} of “${phrase}” as ${label.name}`,
          text: `${applied.created.length ? 'Ctrl+Z removes them all.' : 'Nothing was left to tag.'}${failed}`,
        });
      }}
    />
  );
}
