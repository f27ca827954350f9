/// Whether the library (left) and the inspector (right) are shown, and how: the rules, apart
/// from React, so they are easy to read and to test.
///
/// A wide window docks each panel beside the documents and shows it or not as the analyst last
/// chose there (remembered in localStorage). Below a panel's width it starts hidden, so the
/// documents keep a readable width; opened there, it is drawn over the documents (a drawer)
/// instead of squeezing them.

/// The two side panels.
export type SidePanel = 'library' | 'inspector';

/// Below this window width the library starts hidden and opens as a drawer.
export const LIBRARY_DOCKED_FROM = 1100;
/// Below this window width the inspector starts hidden and opens as a drawer.
export const INSPECTOR_DOCKED_FROM = 1000;

/// The keys that show or hide each panel (left bracket: the left panel).
export const PANEL_KEYS: Readonly<Record<SidePanel, string>> = { library: '[', inspector: ']' };

/// The names the panels go by on screen.
export const PANEL_NAMES: Readonly<Record<SidePanel, string>> = { library: 'Library', inspector: 'Inspector' };

/// Where the analyst's choice for the docked panels is kept.
export const PANELS_STORAGE_KEY = 'awb.sidePanels';

/// Shown or not, per panel.
export type PanelsOpen = Readonly<Record<SidePanel, boolean>>;

/// Both panels shown: the first run, and what an unreadable stored value gives.
export const BOTH_OPEN: PanelsOpen = { library: true, inspector: true };

/// Whether the window is too narrow to dock `panel`.
export function isNarrowFor(panel: SidePanel, windowWidth: number): boolean {
  return windowWidth < (panel === 'library' ? LIBRARY_DOCKED_FROM : INSPECTOR_DOCKED_FROM);
}

/// The stored choice, or {@link BOTH_OPEN} when there is none or it cannot be read.
export function readPanelsChoice(storage: Pick<Storage, 'getItem'> | null): PanelsOpen {
  try {
    const raw = storage?.getItem(PANELS_STORAGE_KEY);
    if (!raw) return BOTH_OPEN;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return BOTH_OPEN;
    const { library, inspector } = value as Record<string, unknown>;
    return { library: typeof library === 'boolean' ? library : true, inspector: typeof inspector === 'boolean' ? inspector : true };
  } catch {
    return BOTH_OPEN;
  }
}

/// Stores the choice for the docked panels (a full or refused storage only loses the memory).
export function writePanelsChoice(storage: Pick<Storage, 'setItem'> | null, choice: PanelsOpen): void {
  try {
    storage?.setItem(PANELS_STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Private mode or a full quota: the panels still work, they are just not remembered.
  }
}

/// What each panel shows at a window width: the stored choice where it docks, hidden where the
/// window is too narrow.
export function panelsAt(windowWidth: number, choice: PanelsOpen): PanelsOpen {
  return {
    library: !isNarrowFor('library', windowWidth) && choice.library,
    inspector: !isNarrowFor('inspector', windowWidth) && choice.inspector,
  };
}
