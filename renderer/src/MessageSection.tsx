/// One titled list inside a message card (what an import added, skipped, refused…).
import type { ReactNode } from 'react';

/// A message card's section: a heading over a list of items.
export function MessageSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="message-section" data-testid={testId}>
      <h3 className="caption message-section-title">{title}</h3>
      <ul className="message-list">{children}</ul>
    </section>
  );
}
