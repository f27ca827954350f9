/// Shows and hides the library and the inspector (see `sidePanels.ts` for the rules): a button
/// each ({@link PanelToggle}), `[` and `]`, the window's width, a click outside the library
/// drawer and Esc inside a drawer, which close it.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Label } from '../../../preload/api';
import { labelForKey } from '../labels';
import { isShortcutKey, isTextEntry } from '../openViews';
import { isNarrowFor, PANEL_KEYS, PANEL_NAMES, panelsAt, readPanelsChoice, writePanelsChoice, type PanelsOpen, type SidePanel } from './sidePanels';

/// What the layout and the toggle buttons need.
export interface SidePanelsControl {
  /// Shown or not, per panel.
  open: PanelsOpen;
  /// Drawn over the documents (the window is too narrow to dock it), per panel.
  drawer: PanelsOpen;
  toggle(panel: SidePanel): void;
  /// An article was opened from the library: its drawer makes way (one opened beside keeps it
  /// open, for the next).
  openedFromLibrary(beside: boolean): void;
  /// The drawers' key handler: Esc inside an open drawer closes it and puts the focus on its
  /// toggle, unless something inside used the key or the focus is in a text field.
  closeOnEscape(panel: SidePanel, e: ReactKeyboardEvent): void;
  /// The last change, read out by a polite live region ("Library hidden").
  announcement: { panel: SidePanel; text: string; count: number } | null;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/// The element ids of the panels (the toggles' `aria-controls`).
export const PANEL_IDS: Readonly<Record<SidePanel, string>> = { library: 'library-panel', inspector: 'inspector-panel' };

/// The panels' state for the life of the app. `enabled` is false while Review or Compare takes
/// the screen; `labels` are checked so that a label keyed `[` or `]` keeps its key.
export function useSidePanels({ enabled, labels }: { enabled: boolean; labels: readonly Label[] }): SidePanelsControl {
  const [width, setWidth] = useState(() => window.innerWidth);
  const [open, setOpen] = useState<PanelsOpen>(() => panelsAt(window.innerWidth, readPanelsChoice(browserStorage())));
  const [announcement, setAnnouncement] = useState<SidePanelsControl['announcement']>(null);
  const narrow: PanelsOpen = { library: isNarrowFor('library', width), inspector: isNarrowFor('inspector', width) };

  // Crossing a panel's width: narrower hides it, wider brings back the stored choice.
  const wasNarrow = useRef(narrow);
  useEffect(() => {
    const before = wasNarrow.current;
    wasNarrow.current = narrow;
    if (before.library === narrow.library && before.inspector === narrow.inspector) return;
    const choice = readPanelsChoice(browserStorage());
    setOpen((current) => ({
      library: before.library === narrow.library ? current.library : !narrow.library && choice.library,
      inspector: before.inspector === narrow.inspector ? current.inspector : !narrow.inspector && choice.inspector,
    }));
  }, [narrow.library, narrow.inspector]);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const set = useCallback((panel: SidePanel, shown: boolean) => {
    if (latest.current.open[panel] === shown) return;
    setOpen((current) => {
      if (current[panel] === shown) return current;
      const next = { ...current, [panel]: shown };
      // Only a docked panel's state is remembered: a drawer always starts closed.
      if (!isNarrowFor(panel, window.innerWidth)) writePanelsChoice(browserStorage(), { ...readPanelsChoice(browserStorage()), [panel]: shown });
      return next;
    });
    setAnnouncement((a) => ({ panel, text: `${PANEL_NAMES[panel]} ${shown ? 'shown' : 'hidden'}`, count: (a?.count ?? 0) + 1 }));
  }, []);
  const drawer: PanelsOpen = { library: open.library && narrow.library, inspector: open.inspector && narrow.inspector };
  const latest = useRef({ open, drawer, enabled, labels, set });
  latest.current = { open, drawer, enabled, labels, set };

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const { open, enabled, labels, set } = latest.current;
      if (!enabled || e.ctrlKey || e.metaKey || !isShortcutKey(e)) return;
      // `/` filters the library: a hidden one is shown first, so the filter can take the focus.
      if (e.key === '/' && !open.library) return void flushSync(() => set('library', true));
      const panel = (Object.keys(PANEL_KEYS) as SidePanel[]).find((p) => PANEL_KEYS[p] === e.key);
      if (!panel || labelForKey(labels, e.key)) return;
      e.preventDefault();
      set(panel, !open[panel]);
    };
    // Capture: before the library's own `/` handler looks for its filter.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  // The library drawer closes on a click outside it (its toggle excepted).
  const libraryDrawerOpen = drawer.library && enabled;
  useEffect(() => {
    if (!libraryDrawerOpen) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (!target || target.closest(`#${PANEL_IDS.library}, [aria-controls="${PANEL_IDS.library}"], dialog`)) return;
      latest.current.set('library', false);
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, [libraryDrawerOpen]);

  // After the drawer's own controls had their say (React's handlers run inner first): a field
  // cancelling its edit or the filter clearing keeps Esc, as does any text field.
  const closeOnEscape = useCallback((panel: SidePanel, e: ReactKeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || !latest.current.drawer[panel] || isTextEntry(e.target)) return;
    e.preventDefault();
    // Only this: the annotation keys (on the window) do not also clear the selection.
    e.stopPropagation();
    latest.current.set(panel, false);
    document.querySelector<HTMLElement>(`[aria-controls="${PANEL_IDS[panel]}"]`)?.focus();
  }, []);

  const toggle = useCallback((panel: SidePanel) => set(panel, !latest.current.open[panel]), [set]);
  const openedFromLibrary = useCallback(
    (beside: boolean) => {
      if (!beside && isNarrowFor('library', window.innerWidth)) set('library', false);
    },
    [set],
  );
  return { open, drawer, toggle, openedFromLibrary, closeOnEscape, announcement };
}
