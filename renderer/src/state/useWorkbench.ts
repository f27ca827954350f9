/// The session's one {@link WorkbenchStore}, and the hook that re-renders on its changes.
import { useSyncExternalStore } from 'react';
import { workbench } from '../api';
import { withRepairNotices } from '../repairNotices';
import { WorkbenchStore, type WorkbenchSnapshot } from './workbenchStore';
import { EntityList } from '../entities/entityList';

/// The store every component of this window shares (one undo history across panes).
const service = withRepairNotices(workbench);
export const store = new WorkbenchStore(service);

/// The store's current snapshot; the component re-renders when it changes.
export function useWorkbench(): WorkbenchSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/// The window's entity list, read through the same service as the store.
export const entityList = new EntityList(service, store);
