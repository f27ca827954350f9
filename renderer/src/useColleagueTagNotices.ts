/// Says in the message area why a colleague's annotation was not changed (see {@link colleagueTagMessage}).
import { useEffect } from 'react';
import type { Label } from '../../preload/api';
import { colleagueTagMessage } from './colleagueTags';
import type { NewMessage } from './Messages';
import { store } from './state/useWorkbench';

/// Says every refused change of a colleague's annotation (and every tag made beside theirs).
export function useColleagueTagNotices(labels: readonly Label[], say: (message: NewMessage) => void): void {
  useEffect(() => {
    const labelName = (id: string) => labels.find((l) => l.id === id)?.name ?? id;
    return store.onColleagueTag((notice) => say(colleagueTagMessage(notice, labelName)));
  }, [labels, say]);
}
