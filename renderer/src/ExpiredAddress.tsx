/// The page a browser-mode window shows once the server refuses its token (addressExpiry.ts), in
/// place of the whole app.
import type { ReactNode } from 'react';
import { useAddressExpired } from './addressExpiry';

/// The expired-address page.
export function ExpiredAddress() {
  return (
    <main className="expired-address" data-testid="expired-address">
      <div className="expired-address-card" role="alert">
        <h1>This address has expired</h1>
        <p>The terminal running the workbench shows the current one.</p>
        <p className="expired-address-hint">
          The workbench was started with a new token, or this address belongs to another workspace or was
          mistyped. Open the address printed by <code>npm start</code> or <code>awb serve</code>; nothing in the
          workspace is lost.
        </p>
      </div>
    </main>
  );
}

/// `children` until the token is refused, then the expired-address page.
export function ExpiredAddressGate({ children }: { children: ReactNode }) {
  return useAddressExpired() ? <ExpiredAddress /> : children;
}
