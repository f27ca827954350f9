/// The documents that mention the entity chosen in the Entities panel, asked of the service when it
/// is opened (the entity list carries only how many there are): the first page, most mentions
/// first, then "Show more" for the next; each opens at a click.
import { useEffect, useState } from 'react';
import type { EntityDocumentPage, EntityUsage } from '../../../preload/api';
import { workbench } from '../api';
import { useMorePages } from '../compare/useMorePages';
import { errorMessage, formatInteger, plural } from '../format';

/// Documents read at a time.
export const ENTITY_DOCUMENTS_PAGE = 100;

const NO_DOCUMENTS: EntityDocumentPage = { total: 0, offset: 0, documents: [] };

/// Props of {@link EntityDocuments}.
export interface EntityDocumentsProps {
  /// The entity as listed; the first page is read again whenever the list is (its counts changed).
  entity: EntityUsage;
  onOpen(docId: string): void;
}

/// `data-testid="entity-documents"`, a row `entity-doc` per document, `entity-documents-more`.
export function EntityDocuments({ entity, onOpen }: EntityDocumentsProps) {
  const [first, setFirst] = useState<EntityDocumentPage>(NO_DOCUMENTS);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    workbench.entities.documents(entity.id, { offset: 0, limit: ENTITY_DOCUMENTS_PAGE }).then(
      (page) => {
        if (!current) return;
        setProblem(null);
        setFirst(page);
      },
      (error: unknown) => current && setProblem(errorMessage(error)),
    );
    return () => void (current = false);
  }, [entity]);
  const more = useMorePages(first, first.documents, async (count) => (await workbench.entities.documents(entity.id, { offset: count, limit: ENTITY_DOCUMENTS_PAGE })).documents);
  const left = first.total - more.rows.length;

  return (
    <div className="details-field">
      <span className="caption">
        Mentioned {plural(entity.mentions, 'time')} in {plural(entity.documents, 'document')}
      </span>
      <ul className="link-list" data-testid="entity-documents">
        {more.rows.map(({ docId, title, mentions }) => (
          <li key={docId}>
            <button type="button" className="link-button" data-testid="entity-doc" onClick={() => onOpen(docId)}>
              {title.trim() || 'Untitled'} <span className="combo-detail">· {mentions}</span>
            </button>
          </li>
        ))}
      </ul>
      {left > 0 && (
        <button type="button" className="button button-small" data-testid="entity-documents-more" disabled={more.loading} onClick={() => void more.showMore()}>
          {more.loading ? 'Reading…' : `Show ${formatInteger(Math.min(left, ENTITY_DOCUMENTS_PAGE))} more of ${formatInteger(left)}`}
        </button>
      )}
      {(problem ?? more.error) && (
        <p className="dialog-problem" role="alert">
          Could not read the documents: {problem ?? more.error}
        </p>
      )}
    </div>
  );
}
