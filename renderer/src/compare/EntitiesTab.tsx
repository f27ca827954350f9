/// Compare's Entities × outlets (DESIGN §11): a row per entity, a column per outlet (the outlets
/// naming entities most; the rest summed in "Other outlets"), each cell the mentions there and
/// the forms that outlet uses, most used first. A cell opens the outlet's first mention; a row
/// (Enter) the entity's first mention in the outlet naming it most.
import { useCallback, useMemo } from 'react';
import type { CompareFilter, EntityAcrossOutlets, EntityOutlet } from '../../../preload/api';
import { ExportCsvButton } from './ExportCsvButton';
import { NO_OUTLET, outletColumns, outletKey } from './outletColumns';
import type { OpenSpan } from './openSpan';
import { VirtualRows } from './VirtualRows';

const ROW_HEIGHT = 64;

/// `data-testid="compare-entities"`.
export function EntitiesTab({ entities, filter, onOpen }: { entities: readonly EntityAcrossOutlets[]; filter: CompareFilter; onOpen: OpenSpan }) {
  const columns = useMemo(() => outletColumns(entities), [entities]);
  const others = entities.some((e) => e.outlets.some((o) => !columns.some((c) => c.key === outletKey(o))));
  const template = { gridTemplateColumns: `minmax(150px, 1.2fr) repeat(${columns.length + (others ? 1 : 0)}, minmax(110px, 1fr))` };
  const openFirst = useCallback((o: EntityOutlet) => onOpen(o.first, ''), [onOpen]);
  const open = useCallback((index: number) => entities[index].outlets[0] && openFirst(entities[index].outlets[0]), [entities, openFirst]);

  if (!entities.length) {
    return <p className="compare-empty" data-testid="compare-entities">No mention is linked to an entity in the documents chosen. Link actors and locations to entities in the inspector.</p>;
  }
  return (
    <div className="compare-entities" data-testid="compare-entities">
      <header className="compare-group-head">
        <h3>Entities across outlets</h3>
        <span className="compare-group-summary">
          {entities.length} {entities.length === 1 ? 'entity' : 'entities'} · mentions per outlet and the forms each uses
        </span>
        <ExportCsvButton table="entities" filter={filter} testId="export-entities-csv" />
      </header>
      <div className="compare-table-head compare-entity-columns" style={template} aria-hidden="true">
        <span>Entity</span>
        {columns.map((c) => (
          <span key={c.key} title={c.name}>
            {c.name}
          </span>
        ))}
        {others && <span>Other outlets</span>}
      </div>
      <VirtualRows
        count={entities.length}
        rowHeight={ROW_HEIGHT}
        label="Entities across outlets"
        testId="entity-rows"
        dataKey={filter}
        onOpen={open}
        renderRow={(i) => {
          const entity = entities[i];
          const byKey = new Map(entity.outlets.map((o) => [outletKey(o), o]));
          const rest = entity.outlets.filter((o) => !columns.some((c) => c.key === outletKey(o)));
          return (
            <div className="compare-entity-columns" style={template} data-testid="entity-row" data-entity-id={entity.id}>
              <span className="compare-cell">
                <b>{entity.name}</b>
                <span className="compare-muted">
                  {entity.type} · {entity.mentions} {entity.mentions === 1 ? 'mention' : 'mentions'}
                </span>
              </span>
              {columns.map((c) => {
                const o = byKey.get(c.key);
                return o ? (
                  <button
                    type="button"
                    tabIndex={-1}
                    key={c.key}
                    className="compare-cell compare-entity-cell"
                    data-testid="entity-cell"
                    data-outlet={c.name}
                    title={`Open the first mention in ${c.name}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      openFirst(o);
                    }}
                  >
                    <b>{o.mentions}</b>
                    <span className="compare-forms">{o.forms.map((f) => f.form).join(' · ')}</span>
                  </button>
                ) : (
                  <span key={c.key} className="compare-cell compare-muted">
                    —
                  </span>
                );
              })}
              {others && (
                <span className="compare-cell compare-muted" title={rest.map((o) => `${o.outlet ?? NO_OUTLET}: ${o.mentions}`).join('\n')}>
                  {rest.length ? `${rest.reduce((n, o) => n + o.mentions, 0)} in ${rest.length}` : '—'}
                </span>
              )}
            </div>
          );
        }}
      />
    </div>
  );
}
