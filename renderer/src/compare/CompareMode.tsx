/// Compare mode (DESIGN §11): the filter bar, then four tabs over the documents chosen — Figures
/// (by measure, with conflicts), Quotes (by speaker), Entities (× outlets) and Charts. Each tab
/// asks the service when it is shown, and again when the filter or the workspace changes.
/// Keyboard: ←/→ move between the tabs, Tab goes on into the shown one.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CompareFilter, Label } from '../../../preload/api';
import { workbench } from '../api';
import { ChartsTab } from './ChartsTab';
import { CompareFilterBar } from './CompareFilterBar';
import { EntitiesTab } from './EntitiesTab';
import { FiguresTab } from './FiguresTab';
import type { OpenSpan } from './openSpan';
import { QuotesTab } from './QuotesTab';
import { FIGURES_ARRIVED_MARK, useCompareData, type CompareData } from './useCompareData';

const TABS = [
  { id: 'figures', name: 'Figures' },
  { id: 'quotes', name: 'Quotes' },
  { id: 'entities', name: 'Entities × outlets' },
  { id: 'charts', name: 'Charts' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/// Props of {@link CompareMode}.
export interface CompareModeProps {
  labels: readonly Label[];
  /// Whether the mode is on screen (it stays mounted, hidden, so that it keeps its place).
  shown: boolean;
  /// Changes when the workspace did.
  version: unknown;
  onOpen: OpenSpan;
}

/// A tab's data as loaded, or where it stands.
function Loaded<T>({ state, children }: { state: CompareData<T>; children(data: T): React.ReactNode }) {
  if (state.error) return <p className="compare-empty is-error">Could not compare: {state.error}</p>;
  if (state.data === null) return <p className="compare-empty">Comparing…</p>;
  return <>{children(state.data)}</>;
}

/// `data-testid="compare-mode"`.
export function CompareMode({ labels, shown, version, onOpen }: CompareModeProps) {
  const [tab, setTab] = useState<Tab>('figures');
  const [filter, setFilter] = useState<CompareFilter>({});
  const [pair, setPair] = useState<[string, string] | null>(null);
  // The group of figures shown (undefined: the largest); another filter starts from the largest.
  const [measure, setMeasure] = useState<{ filter: CompareFilter; measure: string | null } | null>(null);
  const chosenMeasure = measure?.filter === filter ? measure.measure : undefined;
  const loadFigures = useCallback((f: CompareFilter) => workbench.compare.figures(f, chosenMeasure === undefined ? {} : { measure: chosenMeasure }), [chosenMeasure]);
  const figuresVersion = useMemo(() => ({ version, chosenMeasure }), [version, chosenMeasure]);
  const figures = useCompareData(loadFigures, filter, shown && tab === 'figures', figuresVersion, FIGURES_ARRIVED_MARK);
  const loadQuotes = useCallback((f: CompareFilter) => workbench.compare.quotes(f, { speaker: 0, statement: 0 }), []);
  const quotes = useCompareData(loadQuotes, filter, shown && tab === 'quotes', version);
  const entities = useCompareData(workbench.compare.entities, filter, shown && tab === 'entities', version);
  const loadCharts = useCallback((f: CompareFilter) => workbench.compare.charts(f, pair), [pair]);
  // A new pair asks again, as a changed workspace does.
  const chartsVersion = useMemo(() => ({ version, pair }), [version, pair]);
  const charts = useCompareData(loadCharts, filter, shown && tab === 'charts', chartsVersion);
  const loading = [figures, quotes, entities, charts].some((s) => s.loading);

  const tabs = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) tabs.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }, [shown]);
  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(TABS.findIndex((t) => t.id === tab) + step + TABS.length) % TABS.length].id;
    setTab(next);
    tabs.current?.querySelector<HTMLElement>(`#compare-tab-${next}`)?.focus();
  };

  return (
    <div className="compare-mode" data-testid="compare-mode" hidden={!shown}>
      <div className="compare-bar">
        <div className="compare-tabs" role="tablist" aria-label="Compare" ref={tabs} onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              type="button"
              role="tab"
              key={t.id}
              id={`compare-tab-${t.id}`}
              aria-selected={t.id === tab}
              aria-controls="compare-panel"
              tabIndex={t.id === tab ? 0 : -1}
              className="compare-tab"
              data-testid={`compare-tab-${t.id}`}
              onClick={() => setTab(t.id)}
            >
              {t.name}
            </button>
          ))}
        </div>
        <CompareFilterBar filter={filter} labels={labels} version={version} shown={shown} onChange={setFilter} />
        <span className="compare-status" role="status">
          {loading ? 'Comparing…' : ''}
        </span>
      </div>
      <div className="compare-panel" id="compare-panel" role="tabpanel" aria-labelledby={`compare-tab-${tab}`}>
        {tab === 'figures' && <Loaded state={figures}>{(page) => <FiguresTab page={page} filter={filter} onChoose={(m) => setMeasure({ filter, measure: m })} onOpen={onOpen} />}</Loaded>}
        {tab === 'quotes' && <Loaded state={quotes}>{(page) => <QuotesTab page={page} filter={filter} reading={quotes.loading} onOpen={onOpen} />}</Loaded>}
        {tab === 'entities' && <Loaded state={entities}>{(list) => <EntitiesTab entities={list} filter={filter} onOpen={onOpen} />}</Loaded>}
        {tab === 'charts' && <Loaded state={charts}>{(data) => <ChartsTab charts={data} filter={filter} labels={labels} pair={pair} onPairChange={setPair} />}</Loaded>}
      </div>
    </div>
  );
}
