/// Whether browser mode's server has refused this page's token: the address it was opened at
/// carried a wrong token, or the server was restarted with another one. From then on no call can
/// succeed, so the whole window shows one page saying so (ExpiredAddress.tsx) instead of an empty
/// library and a message per refused call.
import { useSyncExternalStore } from 'react';
import { Listeners } from './state/listeners';

let expired = false;
const expiry = new Listeners();

/// Records that the server refused the token (HTTP 401); the page switches once.
export function markAddressExpired(): void {
  if (expired) return;
  expired = true;
  expiry.emit();
}

/// Whether the token has been refused.
export function isAddressExpired(): boolean {
  return expired;
}

/// Re-renders when the token is refused.
export function useAddressExpired(): boolean {
  return useSyncExternalStore(expiry.add, isAddressExpired);
}
