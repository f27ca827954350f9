/// How the platform names its shortcut modifier: ⌘ on Apple systems, Ctrl elsewhere.

/// Whether shortcuts use ⌘ (macOS, iOS) rather than Ctrl.
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/// The modifier as written before a key in labels and tooltips: `⌘Z`, `Ctrl+Z`.
export const MOD = isMac ? '⌘' : 'Ctrl+';
