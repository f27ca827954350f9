// Text colours of the theme against every background they are drawn on, in the light and the
// dark scheme: at least 4.5:1, WCAG 2.2 AA's contrast for text (1.4.3), by WCAG's own formula.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'src', 'styles', 'theme.css'), 'utf8');
const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');

/// The `--name: #rrggbb` variables of one part of the stylesheet.
function variables(part: string): Map<string, string> {
  return new Map([...part.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2].toLowerCase()]));
}

/// WCAG's relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const TEXTS = ['text', 'text-reading', 'text-muted', 'text-faint', 'accent', 'ok', 'warn', 'error'];
const BACKGROUNDS = ['bg-app', 'bg-chrome', 'bg-pane', 'bg-hover', 'bg-selected'];

describe('theme contrast', () => {
  it('reads both schemes', () => {
    expect(darkStart).toBeGreaterThan(0);
    expect(variables(css.slice(0, darkStart)).size).toBeGreaterThan(10);
    expect(variables(css.slice(darkStart)).size).toBeGreaterThan(10);
  });

  for (const [scheme, part] of [
    ['light', css.slice(0, darkStart)],
    ['dark', css.slice(darkStart)],
  ] as const) {
    it(`${scheme}: every text colour is at least 4.5:1 on every background`, () => {
      const vars = variables(part);
      const low: string[] = [];
      for (const text of TEXTS) {
        for (const background of BACKGROUNDS) {
          const ratio = contrast(vars.get(text)!, vars.get(background)!);
          if (ratio < 4.5) low.push(`--${text} on --${background}: ${ratio.toFixed(2)}:1`);
        }
      }
      expect(low).toEqual([]);
    });
  }
});
