// Hostile documents in browser mode: articles, titles, notes and a colleague's exchange file
// carrying script, event handlers, javascript: links, frames, SVG script and CSS injection are
// opened, annotated and inspected; nothing may run, load from elsewhere or open a window, and
// the characters must show literally.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { select, tag } from './pageActions';
import { expect, repoRoot, serveArgs, startAndReadUrl, stop, test } from './workbench';

const fixtures = join(repoRoot, 'e2e', 'fixtures', 'hostile');
const awb = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'bin', 'awb.js'), ...args], { encoding: 'utf8' });

/// Everything that would show that something ran or reached out.
function watch(page: Page, origin: string) {
  const incidents: string[] = [];
  page.on('dialog', (d) => {
    incidents.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) incidents.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => incidents.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) incidents.push(`request: ${r.url()}`);
  });
  page.context().on('page', (p) => incidents.push(`new window: ${p.url()}`));
  return incidents;
}

test('hostile articles, titles, notes and exchange files run nothing and show their characters', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'awb-hostile-'));
  const workspace = join(dir, 'workspace');
  const payloads = readFileSync(join(fixtures, 'payloads.txt'), 'utf8');
  // A colleague's exchange file whose title, annotator and note carry markup.
  const id = 'sha256:' + createHash('sha256').update(payloads).digest('hex');
  const start = [...payloads].length - [...payloads.slice(payloads.indexOf('Staffan'))].length;
  writeFileSync(
    join(dir, 'colleague.awb.json'),
    JSON.stringify({
      format: 'annotation-workbench', version: 1, offsets: 'codepoints', exportedAt: '2026-11-22T00:00:00.000Z', exportedBy: '<b>x</b>',
      labels: [{ id: 'actor', name: 'Actor', color: '#2f6fdf' }],
      documents: [{
        id, title: `<img src=x onerror="alert('exchange-title')">`, text: payloads, relations: [],
        annotations: [{
          id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', label: 'actor', start, end: start + 'Staffan de Mistura'.length, text: 'Staffan de Mistura',
          annotator: `<script>alert('annotator')</script>`, createdAt: '2026-11-22T00:00:00.000Z',
          note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `<img src=x onerror="alert('note')">` }] }] },
        }],
      }],
    }),
  );
  expect(awb('import', join(fixtures, 'payloads.txt'), join(fixtures, 'page.html'), join(dir, 'colleague.awb.json'), '--workspace', workspace).status).toBe(0);
  const served = await startAndReadUrl(serveArgs(workspace));
  try {
    const origin = new URL(served.url).origin;
    const incidents = watch(page, origin);
    await page.goto(served.url);
    const items = page.getByTestId('library-item');
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText(`<img src=x onerror="alert('title')"> Talks in <b>Geneva</b>`);

    // The plain-text article: every payload is shown as characters.
    await items.first().click();
    const pane = page.getByTestId('document-pane').first();
    const view = pane.getByTestId('document-view');
    await expect(view).toContainText(`said <script>alert('script')</script> the talks`);
    await expect(view).toContainText(`<a href="javascript:alert('link')">click me</a>`);
    await expect(view).toContainText(`<svg onload="alert('svg')">`);
    expect(await view.locator('script, img, iframe, svg, a, style').count()).toBe(0);

    // Annotate a payload and open the inspector on the colleague's annotation with its note.
    await select(page, pane, `<script>alert('script')</script>`);
    await page.keyboard.press('4');
    await expect(pane.locator('.anno[data-label="quote"]')).toContainText(`<script>alert('script')</script>`);
    await page.getByTestId('annotation-item').filter({ hasText: 'Staffan de Mistura' }).click();
    const inspector = page.getByTestId('inspector');
    await expect(inspector.getByTestId('inspector-annotator')).toContainText(`<script>alert('annotator')</script>`);
    await expect(inspector.getByTestId('note-editor')).toContainText(`<img src=x onerror="alert('note')">`);
    expect(await inspector.locator('script, img, iframe').count()).toBe(0);

    // Review against the colleague: the card shows names, quotes and notes as characters.
    await page.getByTestId('review-toggle').click();
    const review = page.getByTestId('review-mode');
    await expect(review).toBeVisible();
    await page.getByTestId('review-b').selectOption(`<script>alert('annotator')</script>`);
    // Keys typed into a focused list would pick options, not step through the review.
    await page.getByTestId('review-b').blur();
    await expect(page.getByTestId('review-item')).toHaveCount(2);
    await page.keyboard.press('n');
    await expect(page.getByTestId('item-card')).toContainText(`Quote<script>alert('script')</script>`);
    await page.keyboard.press('n');
    await expect(page.getByTestId('item-card')).toContainText('Staffan de Mistura');
    await page.keyboard.press('c');
    await page.getByTestId('review-comment').fill(`<img src=x onerror="alert('comment')">`);
    await page.getByTestId('reject-with-comment').click();
    await expect(page.getByTestId('item-card')).toContainText(`<img src=x onerror="alert('comment')">`);
    expect(await review.locator('script, img, iframe, svg').count()).toBe(0);
    await page.getByTestId('review-toggle').click();

    // The HTML article: only its visible text was imported.
    await items.nth(1).click();
    await expect(view).toContainText('Hostile page about Aleppo');
    await expect(view).toContainText(`<script>alert('escaped')</script> stays text.`);
    await expect(view).not.toContainText(`alert('head')`);
    await tag(page, pane, '1', `<script>alert('escaped')</script>`);
    await expect(pane.locator('.anno[data-label="actor"]')).toContainText(`<script>alert('escaped')</script>`);
    await page.getByTestId('annotation-item').filter({ hasText: 'escaped' }).click();
    await expect(page.getByTestId('inspector').getByTestId('inspector-quote')).toContainText(`<script>alert('escaped')</script>`);

    await page.reload();
    await expect(page.getByTestId('library-item')).toHaveCount(2);
    await page.waitForTimeout(300);
    expect(incidents).toEqual([]);
  } finally {
    await stop(served.process);
  }
});
