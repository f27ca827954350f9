/// One document pane: a header (title, source file, close) over the article's own scroll area.
import { useEffect, useState } from 'react';
import type { DocumentSummary, OpenDocument } from '../../preload/api';
import { workbench } from './api';
import { DocumentView } from './editor/DocumentView';
import { errorMessage, formatInteger } from './format';

/// Props of {@link DocumentPane}.
export interface DocumentPaneProps {
  docId: string;
  /// What the library knows about the document, shown while it loads.
  summary: DocumentSummary | undefined;
  /// 1-based position, left to right.
  position: number;
  focused: boolean;
  onFocus(): void;
  onClose(): void;
}

type Loaded = { status: 'loading' } | { status: 'ready'; open: OpenDocument } | { status: 'error'; message: string };

/// Loads `docId` and shows it; `data-testid="document-pane"` with `data-doc-id`.
export function DocumentPane({ docId, summary, position, focused, onFocus, onClose }: DocumentPaneProps) {
  const loaded = useOpenDocument(docId);
  const article = loaded.status === 'ready' ? loaded.open.document : undefined;
  const title = (article?.title ?? summary?.title ?? '').trim() || 'Untitled';
  const sourceName = article?.sourceName ?? summary?.sourceName ?? '';
  const characters = article?.text.length ?? summary?.characters;

  return (
    <section
      className={focused ? 'pane is-focused' : 'pane'}
      data-testid="document-pane"
      data-doc-id={docId}
      data-focused={focused ? 'true' : undefined}
      aria-label={`Pane ${position}: ${title}`}
      onPointerDownCapture={onFocus}
      onFocusCapture={onFocus}
    >
      <header className="pane-header">
        <div className="pane-heading">
          <h2 className="pane-title" title={title}>
            {title}
          </h2>
          <div className="pane-subtitle">
            <span className="pane-source" title={sourceName}>
              {sourceName}
            </span>
            {characters !== undefined && <span className="pane-chars">{formatInteger(characters)} chars</span>}
          </div>
        </div>
        <button
          type="button"
          className="icon-button pane-close"
          data-testid="pane-close"
          aria-label={`Close “${title}”`}
          title="Close pane"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="pane-scroll" tabIndex={0} aria-label={`Text of “${title}”`}>
        {loaded.status === 'loading' && <p className="pane-note">Opening…</p>}
        {loaded.status === 'error' && (
          <p className="pane-note is-error" role="alert">
            Could not open this document: {loaded.message}
          </p>
        )}
        {article && <DocumentView text={article.text} label={title} />}
      </div>
    </section>
  );
}

/// Fetches one document; a newer `docId` wins over a slower earlier answer.
function useOpenDocument(docId: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded & { docId: string }>({ status: 'loading', docId });
  useEffect(() => {
    let current = true;
    workbench.documents.open(docId).then(
      (open) => current && setLoaded({ status: 'ready', open, docId }),
      (error: unknown) => current && setLoaded({ status: 'error', message: errorMessage(error), docId }),
    );
    return () => {
      current = false;
    };
  }, [docId]);
  return loaded.docId === docId ? loaded : { status: 'loading' };
}
