/// What the reading area shows while no article is open.
export function EmptyState() {
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-illustration" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <p className="empty-title">Select an article in the library to start reading</p>
      <p className="empty-hint">Ctrl/⌘+click or “Open beside” to compare up to three articles side by side.</p>
    </div>
  );
}
