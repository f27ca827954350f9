/// Full-text results under the library filter: the documents whose text contains the typed
/// phrase (case-insensitive, through `documents.search`), most occurrences first, each with its
/// first place in context. Click opens the document like a library row, with that first place
/// selected (so a label key tags it).
import { useEffect, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { SearchResult } from '../../../preload/api';
import { workbench } from '../api';
import type { TextSpan } from '../editor/textPositions';
import { errorMessage } from '../format';

/// Shortest phrase searched in the text, and the pause after typing before searching.
const MIN_PHRASE = 3;
const DEBOUNCE_MS = 250;

/// Props of {@link TextSearchResults}.
export interface TextSearchResultsProps {
  phrase: string;
  onOpen(docId: string, beside: boolean, at?: TextSpan): void;
}

/// The "In the text" section of the library.
export function TextSearchResults({ phrase, onOpen }: TextSearchResultsProps) {
  const [state, setState] = useState<{ phrase: string; results: SearchResult[] | null; error?: string }>({ phrase: '', results: null });
  const wanted = phrase.trim();

  useEffect(() => {
    if (wanted.length < MIN_PHRASE) return;
    let live = true;
    const timer = setTimeout(() => {
      workbench.documents.search(wanted).then(
        (results) => live && setState({ phrase: wanted, results }),
        (error: unknown) => live && setState({ phrase: wanted, results: [], error: errorMessage(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted]);

  if (wanted.length < MIN_PHRASE) return null;
  const current = state.phrase === wanted ? state.results : null;
  const open = (r: SearchResult, e: MouseEvent | KeyboardEvent) => onOpen(r.id, e.ctrlKey || e.metaKey || e.shiftKey, r.hits[0]);
  return (
    <section className="text-search" data-testid="text-search" aria-label="Found in the text">
      <h3 className="section-heading text-search-heading">In the text</h3>
      {state.error && state.phrase === wanted ? (
        <p className="library-note">Search failed: {state.error}</p>
      ) : current === null ? (
        <p className="library-note">Searching…</p>
      ) : current.length === 0 ? (
        <p className="library-note">No article contains “{wanted}”.</p>
      ) : (
        <ul className="text-search-list">
          {current.map((r) => (
            <li key={r.id}>
              <button type="button" className="text-search-item" data-testid="text-search-result" data-doc-id={r.id} onClick={(e) => open(r, e)}>
                <span className="text-search-title">{r.title.trim() || 'Untitled'}</span>
                <span className="text-search-count">{r.count}×</span>
                {r.hits[0] && (
                  <span className="text-search-context">
                    …{r.hits[0].before}
                    <mark>{r.hits[0].match}</mark>
                    {r.hits[0].after}…
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
