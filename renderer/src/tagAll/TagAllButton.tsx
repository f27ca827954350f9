/// The inspector's "Tag all N occurrences" button for the selected annotation: N is how often its
/// text occurs as whole words in its article (asked of the service once per annotation).
import { useEffect, useState } from 'react';
import type { Annotation } from '../../../preload/api';
import { workbench } from '../api';
import { formatInteger } from '../format';
import { requestTagAll } from './tagAllRequests';

/// `data-testid="tag-all-button"`: opens the "Tag all" dialog for `annotation`.
export function TagAllButton({ annotation }: { annotation: Annotation }) {
  const [count, setCount] = useState<number | null>(null);
  const { docId, quote, label } = annotation;
  useEffect(() => {
    let current = true;
    setCount(null);
    workbench.tagAll.preview({ phrase: quote, label, scope: { kind: 'documents', ids: [docId] } }).then(
      (preview) => current && setCount(preview.occurrences),
      () => current && setCount(null),
    );
    return () => {
      current = false;
    };
  }, [docId, quote, label]);
  const caption = count === null ? 'Tag all occurrences…' : `Tag all ${formatInteger(count)} occurrence${count === 1 ? '' : 's'}…`;
  return (
    <button
      type="button"
      className="button"
      data-testid="tag-all-button"
      title={`Tag every “${quote.replace(/\s+/g, ' ')}” in this article, the open ones or every article, after a preview (t)`}
      onClick={() => requestTagAll({ phrase: quote, docId, label })}
    >
      {caption} <kbd>t</kbd>
    </button>
  );
}
