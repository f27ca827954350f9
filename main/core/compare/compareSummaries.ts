/// Compare's summaries of the whole corpus (see `compareSummaryQuery.ts`) brought up to date: the
/// measures and entities marked stale since Compare last read them are worked out again from
/// their own rows (read by the index's measure and entity keys), by the same code that groups
/// them under a filter, so that a summary says what the rows would. After a build, when most are
/// stale, every figure and mention is read once instead.
import type Database from 'better-sqlite3';
import { entityFormRows, entityFormRowsOf, figureKeyRows, measureFigureKeyRows, type EntityFormRow, type FigureKeyRow } from '../store/sqlIndex/compareQuery.js';
import { clearSummaries, markFresh, NO_MEASURE_KEY, putEntitySummary, putMeasureSummary, staleKeys } from '../store/sqlIndex/compareSummaryQuery.js';
import { figureMeasureKey } from '../quantities/suggestMeasure.js';
import { entityOutlets, outletKey } from './entityMentions.js';
import { groupByMeasure, groupSummary, type MeasureGroup } from './figureGroups.js';

/// More stale keys of a kind than this are worked out from every row of that kind at once.
const ONE_BY_ONE = 16;

/// How long the refresh waits for another process's write (a save of `awb`, a build) before
/// Compare reads the rows instead: a save takes milliseconds, a build's batch a second or two.
const LOCK_WAIT_MS = 200;

/// Works out again the stale summaries, in one transaction that holds the index's write lock from
/// the start (another process's change marks what it changes stale after, or before, not during).
/// False when they cannot be written now (another process holds that lock, or the index is
/// read-only): Compare then works out what it shows from the rows.
export function refreshCompareSummaries(db: Database.Database): boolean {
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
  try {
    db.transaction(() => {
      refreshMeasures(db);
      refreshEntities(db);
    }).immediate();
    return true;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|READONLY|LOCKED)/.test(code)) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
}

function refreshMeasures(db: Database.Database): void {
  const stale = staleKeys(db, 'measure');
  const put = (key: string, group: MeasureGroup<FigureKeyRow> | undefined) => {
    const summary = group ? groupSummary(group) : null;
    putMeasureSummary(db, key, summary && { measure: summary.measure, figures: summary.figures, outlets: summary.outlets, conflicts: summary.conflictTotal });
  };
  if (stale.length > ONE_BY_ONE) {
    clearSummaries(db, 'measure');
    for (const group of groupByMeasure(figureKeyRows(db, {}), 0)) put(figureMeasureKey(group.measure) ?? NO_MEASURE_KEY, group);
  } else {
    for (const key of stale) put(key, groupByMeasure(measureFigureKeyRows(db, key === NO_MEASURE_KEY ? null : key), 0)[0]);
  }
  markFresh(db, 'measure', stale);
}

function refreshEntities(db: Database.Database): void {
  const stale = staleKeys(db, 'entity');
  const put = (entity: string, rows: readonly EntityFormRow[]) =>
    putEntitySummary(
      db,
      entity,
      entityOutlets(rows).map((row) => ({ outletKey: outletKey(row.outlet), mentions: row.mentions, row })),
    );
  if (stale.length > ONE_BY_ONE) {
    clearSummaries(db, 'entity');
    const rows = entityFormRows(db, {});
    // Rows come by entity.
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j < rows.length && rows[j].entityId === rows[i].entityId) j++;
      put(rows[i].entityId, rows.slice(i, j));
      i = j;
    }
  } else {
    for (const entity of stale) put(entity, entityFormRowsOf(db, entity));
  }
  markFresh(db, 'entity', stale);
}
