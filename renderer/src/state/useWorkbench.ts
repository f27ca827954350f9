/// The session's one {@link WorkbenchStore}, and the hook that re-renders on its changes.
import { useSyncExternalStore } from 'react';
import { workbench } from '../api';
import { withRepairNotices } from '../repairNotices';
import { WorkbenchStore, type WorkbenchSnapshot } from './workbenchStore';

/// The store every component of this window shares (one undo history across panes).
export const store = new WorkbenchStore(withRepairNotices(workbench));

/// The store's current snapshot; the component re-renders when it changes.
export function useWorkbench(): WorkbenchSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
