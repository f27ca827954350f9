/// The window's one {@link SuggestionsStore}, and the hook that re-renders on its changes.
import { useSyncExternalStore } from 'react';
import { workbench } from '../api';
import { store } from '../state/useWorkbench';
import { SuggestionsStore, type SuggestionsSnapshot } from './suggestionsStore';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/// The suggestion layer of every pane of this window.
export const suggestions = new SuggestionsStore(workbench, store, browserStorage());

/// The suggestion store's current snapshot; the component re-renders when it changes.
export function useSuggestions(): SuggestionsSnapshot {
  return useSyncExternalStore(suggestions.subscribe, suggestions.getSnapshot);
}
