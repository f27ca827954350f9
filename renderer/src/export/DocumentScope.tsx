/// Which documents an export covers: all of them, the open ones, or those checked in a list the
/// service filters by title and sends a page at a time (`documents.list`), so that a workspace of
/// 100,000 articles is never listed whole. Checked documents stay checked across filters.
import { useEffect, useState } from 'react';
import type { ListedDocument } from '../../../preload/api';
import { workbench } from '../api';
import { errorMessage, formatInteger, plural, totalCount } from '../format';

/// Rows the list asks for at a time.
const LIST_ROWS = 50;
/// The pause after typing in the filter before the service is asked.
const FILTER_DEBOUNCE_MS = 150;

/// What the export covers: every document, the open ones, or the checked ones.
export type DocumentChoice = 'all' | 'open' | 'checked';

/// Props of {@link DocumentScope}.
export interface DocumentScopeProps {
  choice: DocumentChoice;
  /// The checked documents (whatever the choice, so that switching back keeps them).
  checked: ReadonlySet<string>;
  /// Documents open in a pane.
  openDocIds: readonly string[];
  onChange(choice: DocumentChoice, checked: ReadonlySet<string>): void;
  /// Called with how many documents the workspace holds, once known.
  onCount(all: number): void;
}

interface Listing {
  filter: string;
  rows: ListedDocument[];
  total: number;
  all: number;
}

/// The matching documents, `LIST_ROWS` more at each `more()`, for `filter` (debounced).
function useDocumentListing(filter: string) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [wanted, setWanted] = useState(filter);
  useEffect(() => {
    const timer = setTimeout(() => setWanted(filter), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [filter]);
  useEffect(() => {
    let live = true;
    workbench.documents.list({ offset: 0, limit: LIST_ROWS, filter: wanted }).then(
      (page) => {
        if (!live) return;
        setListing({ filter: wanted, rows: page.documents, total: page.total, all: page.all });
        setError(null);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  const more = () => {
    if (!listing) return;
    const at = listing.rows.length;
    workbench.documents.list({ offset: at, limit: LIST_ROWS, filter: listing.filter }).then(
      (page) => setListing((l) => (l && l.filter === listing.filter && l.rows.length === at ? { ...l, rows: [...l.rows, ...page.documents], total: page.total, all: page.all } : l)),
      (e: unknown) => setError(errorMessage(e)),
    );
  };
  return { listing, error, more };
}

/// The documents' part of the export dialog, `<fieldset data-testid="export-documents">`: radios
/// `export-documents-all`, `-open`, `-checked`, the filter `export-documents-filter`, rows
/// `export-documents-item` (with `data-id`) and `export-documents-more`.
export function DocumentScope({ choice, checked, openDocIds, onChange, onCount }: DocumentScopeProps) {
  const [filter, setFilter] = useState('');
  const { listing, error, more } = useDocumentListing(filter.trim());
  const all = listing?.all ?? null;
  useEffect(() => void (all !== null && onCount(all)), [all, onCount]);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next.size > 0 ? 'checked' : choice, next);
  };
  const checkListed = () => onChange('checked', new Set([...checked, ...(listing?.rows ?? []).map((d) => d.id)]));
  const count = choice === 'all' ? 'all' : choice === 'open' ? `${openDocIds.length} open` : `${formatInteger(checked.size)} checked`;

  if (all === 0) {
    return (
      <fieldset className="scope-group" data-testid="export-documents">
        <legend className="caption scope-legend">Documents</legend>
        <p className="scope-empty">The library is empty.</p>
      </fieldset>
    );
  }
  const left = listing ? listing.total - listing.rows.length : 0;
  return (
    <fieldset className="scope-group" data-testid="export-documents">
      <legend className="caption scope-legend">
        Documents
        <span className="scope-count">{count}</span>
      </legend>
      <label className="scope-item scope-all">
        <input type="radio" name="export-documents" data-testid="export-documents-all" checked={choice === 'all'} onChange={() => onChange('all', checked)} />
        <span className="scope-name">All documents</span>
        {all !== null && <span className="scope-detail">{formatInteger(all)}</span>}
      </label>
      <label className="scope-item scope-all">
        <input
          type="radio"
          name="export-documents"
          data-testid="export-documents-open"
          checked={choice === 'open'}
          disabled={openDocIds.length === 0}
          onChange={() => onChange('open', checked)}
        />
        <span className="scope-name">The open documents</span>
        <span className="scope-detail">{openDocIds.length}</span>
      </label>
      <label className="scope-item scope-all">
        <input type="radio" name="export-documents" data-testid="export-documents-checked" checked={choice === 'checked'} onChange={() => onChange('checked', checked)} />
        <span className="scope-name">The documents checked below</span>
        <span className="scope-detail">{formatInteger(checked.size)}</span>
      </label>
      <div className={choice === 'checked' ? 'scope-documents' : 'scope-documents is-idle'}>
        <input
          type="search"
          className="search-input scope-filter"
          data-testid="export-documents-filter"
          placeholder="Filter titles"
          aria-label="Filter the documents to check by title"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {error && (
          <p className="scope-empty" role="alert">
            Could not list the documents: {error}
          </p>
        )}
        {listing && listing.total === 0 && listing.filter && <p className="scope-empty">No title matches “{listing.filter}”.</p>}
        <div className="scope-list" aria-label="Documents to check" role="group">
          {listing?.rows.map((d) => (
            <label key={d.id} className="scope-item" data-testid="export-documents-item" data-id={d.id} title={`${d.title.trim() || 'Untitled'}\n${d.sourceName}`}>
              <input type="checkbox" checked={checked.has(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />
              <span className="scope-name">{d.title.trim() || 'Untitled'}</span>
              <span className="scope-detail">{plural(totalCount(d.counts), 'tag')}</span>
            </label>
          ))}
        </div>
        {listing && listing.rows.length > 0 && (
          <div className="scope-actions">
            <button type="button" className="button button-small" data-testid="export-documents-check-listed" onClick={checkListed}>
              Check the {formatInteger(listing.rows.length)} listed
            </button>
            {left > 0 && (
              <button type="button" className="button button-small" data-testid="export-documents-more" onClick={more}>
                Show {formatInteger(Math.min(left, LIST_ROWS))} more of {formatInteger(left)}
              </button>
            )}
          </div>
        )}
      </div>
    </fieldset>
  );
}
