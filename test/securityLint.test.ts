import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers';

const eslint = new ESLint({ cwd: repoRoot });

async function securityErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('static security checks fail the build', () => {
  const bad: [string, string, RegExp][] = [
    ['renderer/src/probe.ts', 'export function f(el: HTMLElement, s: string) { el.innerHTML = s; }', /innerHTML/],
    ['renderer/src/probe.ts', 'export function f(el: HTMLElement, s: string) { el.outerHTML = `<b>${s}</b>`; }', /innerHTML\/outerHTML/],
    ['renderer/src/probe.ts', "export function f(el: HTMLElement, s: string) { el.insertAdjacentHTML('beforeend', s); }", /insertAdjacentHTML/],
    ['renderer/src/probe.tsx', 'export const X = (p: { s: string }) => <div dangerouslySetInnerHTML={{ __html: p.s }} />;', /dangerouslySetInnerHTML/],
    ['main/app/probe.ts', 'export const o = { webPreferences: { nodeIntegration: true } };', /Node integration/],
    ['main/app/probe.ts', 'export const o = { webPreferences: { webSecurity: false } };', /webSecurity stay on/],
    ['main/app/probe.ts', 'export const o = { webPreferences: { contextIsolation: false, sandbox: false } };', /contextIsolation, sandbox/],
    ['main/app/probe.ts', 'export const o = { allowRunningInsecureContent: true };', /insecure content/],
    ['main/app/probe.ts', "export const o = { enableBlinkFeatures: 'X' };", /enableBlinkFeatures/],
    ['main/app/probe.ts', "declare const w: { loadURL(u: string): void }; w.loadURL('https://example.com/app');", /no remote content/],
    ['renderer/src/probe.ts', "export const r = fetch('https://cdn.example.com/x.js');", /no remote content/],
  ];
  for (const [file, code, message] of bad) {
    it(`refuses: ${code}`, async () => {
      const errors = await securityErrors(file, code);
      expect(errors.length, errors.join()).toBeGreaterThan(0);
      expect(errors.join('\n')).toMatch(message);
    });
  }

  it('allows constant markup, secure settings and local loads', async () => {
    for (const code of [
      "export function f(el: HTMLElement) { el.innerHTML = ''; }",
      "export const X = () => <div dangerouslySetInnerHTML={{ __html: '<br>' }} />;",
      'export const o = { nodeIntegration: false, webSecurity: true, sandbox: true };',
      "declare const w: { loadURL(u: string): void }; w.loadURL('app://workbench/index.html');",
      "export const r = fetch('/api/documents.list');",
    ]) {
      expect(await securityErrors(code.includes('<') && code.includes('=>') ? 'renderer/src/probe.tsx' : 'renderer/src/probe.ts', code), code).toEqual([]);
    }
  });
});
