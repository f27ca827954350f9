/// The button that shows or hides a side panel, named after what it will do ("Hide library"),
/// with its key, and a polite live region that reads out a change made with the key.
import { PANEL_KEYS, PANEL_NAMES, type SidePanel } from './sidePanels';
import { PANEL_IDS, type SidePanelsControl } from './useSidePanels';

/// Props of {@link PanelToggle}.
export interface PanelToggleProps {
  panel: SidePanel;
  control: SidePanelsControl;
}

/// A small square button; its arrow points the way the panel will move.
export function PanelToggle({ panel, control }: PanelToggleProps) {
  const shown = control.open[panel];
  const name = PANEL_NAMES[panel].toLowerCase();
  const key = PANEL_KEYS[panel];
  const action = `${shown ? 'Hide' : 'Show'} ${name}`;
  const pointsLeft = (panel === 'library') === shown;
  const said = control.announcement?.panel === panel ? control.announcement : null;
  return (
    <>
      <button
        type="button"
        className={`panel-toggle panel-toggle-${panel}`}
        data-testid={`${panel}-toggle`}
        aria-expanded={shown}
        aria-controls={PANEL_IDS[panel]}
        aria-keyshortcuts={key}
        aria-label={action}
        title={`${action} (${key})`}
        onClick={() => control.toggle(panel)}
      >
        <span className={pointsLeft ? 'panel-toggle-icon points-left' : 'panel-toggle-icon'} aria-hidden="true" />
      </button>
      <span className="visually-hidden" role="status" data-testid={`${panel}-toggle-status`}>
        {/* The count makes a repeated change read out again. */}
        {said && <span key={said.count}>{said.text}</span>}
      </span>
    </>
  );
}
