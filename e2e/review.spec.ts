// Reviewing a colleague's tags in browser mode: a colleague's exchange file (imported through
// Import…) and the analyst's own tags give every kind of difference; the reviewer steps through
// the differences with the keyboard (the matches on request), accepts, rejects, comments (a
// comment alone decides nothing) and corrects; the outcome is the curated layer, while A's and
// B's layers, and their agreement, stay as they were; decisions survive a reload, reach the
// workspace files and an exchange export (imported into a fresh workspace); the agreement panel
// shows what `awb agreement --json` prints, before and after adjudication.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { colleagueExchange } from './colleagueExchange';
import { longArticle } from './longArticle';
import { openSeeds, SEED_001, tag } from './pageActions';
import { expect, repoRoot, serveArgs, startAndReadUrl, stop, test } from './workbench';

interface StoredAnnotation {
  id: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  annotator: string;
  origin: string;
  review?: { status: string; by: string; comment?: string };
}
interface StoredFile {
  document: { id: string; title: string; text: string; sourceName: string };
  annotations: StoredAnnotation[];
}
interface Report {
  curated: { a: Report; b: Report } | null;
  kappa: number | null;
  exact: { f1: number | null; perLabel: Record<string, { f1: number | null }> };
  overlap: { f1: number | null; perLabel: Record<string, { f1: number | null }> };
  perDocument: { id: string; kappa: number | null; exactF1: number | null; overlapF1: number | null }[];
}

const awbJs = join(repoRoot, 'bin', 'awb.js');
const awb = (...args: string[]) => execFileSync(process.execPath, [awbJs, ...args], { cwd: repoRoot, encoding: 'utf8' });
const storedFiles = (workspace: string): StoredFile[] =>
  readdirSync(join(workspace, 'documents'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(workspace, 'documents', f), 'utf8')) as StoredFile);
const bySource = (files: StoredFile[], prefix: string) => files.find((f) => f.document.sourceName.startsWith(prefix))!;

/// A span of `phrase` (its first occurrence) in UTF-16 units, as the app counts.
function spanOf(file: StoredFile, phrase: string) {
  const start = file.document.text.indexOf(phrase);
  if (start < 0) throw new Error(`not in ${file.document.sourceName}: ${phrase}`);
  return { start, end: start + phrase.length };
}

/// Calls the service as the page would.
async function call<T>(page: Page, token: string, channel: string, args: unknown[]): Promise<T> {
  const reply = await page.evaluate(
    async ([c, a, t]) => (await fetch(`/api/${c as string}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-AWB-Token': t as string }, body: JSON.stringify(a) })).json(),
    [channel, args, token] as const,
  );
  if (!(reply as { ok: boolean }).ok) throw new Error(`${channel}: ${JSON.stringify(reply)}`);
  return (reply as { value: T }).value;
}

/// The panel shows the CLI's figures: overall, per label and per document.
async function expectAgreement(page: Page, report: Report): Promise<void> {
  const panel = page.getByTestId('agreement-panel');
  const value = (x: number | null) => (x === null ? 'null' : String(x));
  await expect(panel.getByTestId('agreement-kappa-value')).toHaveAttribute('data-value', value(report.kappa));
  await expect(panel.getByTestId('agreement-exact-value')).toHaveAttribute('data-value', value(report.exact.f1));
  await expect(panel.getByTestId('agreement-overlap-value')).toHaveAttribute('data-value', value(report.overlap.f1));
  await expect(panel.getByTestId('agreement-kappa-value')).toHaveText(report.kappa === null ? '—' : report.kappa.toFixed(3));
  await expect(panel.getByTestId('agreement-exact-value')).toHaveText(report.exact.f1 === null ? '—' : report.exact.f1.toFixed(3));
  const bars = panel.getByTestId('label-bar');
  await expect(bars).toHaveCount(Object.keys(report.exact.perLabel).length);
  for (const [label, exact] of Object.entries(report.exact.perLabel)) {
    const figures = bars.and(page.locator(`[data-label="${label}"]`)).locator('.agreement-value');
    await expect(figures.nth(0)).toHaveAttribute('data-value', value(exact.f1));
    await expect(figures.nth(1)).toHaveAttribute('data-value', value(report.overlap.perLabel[label].f1));
  }
  const rows = panel.getByTestId('agreement-document');
  await expect(rows).toHaveCount(report.perDocument.length);
  for (const d of report.perDocument) {
    const figures = rows.and(page.locator(`[data-doc-id="${d.id}"]`)).locator('.agreement-value');
    await expect(figures).toHaveCount(3);
    for (const [i, x] of [d.kappa, d.exactF1, d.overlapF1].entries()) await expect(figures.nth(i)).toHaveAttribute('data-value', value(x));
  }
}

const group = (page: Page, kind: string) => page.getByTestId('difference-group').and(page.locator(`[data-kind="${kind}"]`));
const count = (page: Page, kind: string) => group(page, kind).getByTestId('difference-count');
const currentIn = (page: Page, side: 'a' | 'b'): Locator => page.locator(`[data-testid="review-pane"][data-side="${side}"] .anno.rv-current`);
const currentItem = (page: Page) => page.locator('[data-testid="review-item"][data-current="true"]');

test('review a colleague: step, accept, reject, comment, correct; decisions persist and travel', async ({ page }, testInfo) => {
  test.setTimeout(120_000); // several CLI runs (import, agreement, a fresh import) besides the browser
  const root = mkdtempSync(join(tmpdir(), 'awb-review-'));
  const workspace = join(root, 'workspace');
  awb('import', ...readdirSync(join(repoRoot, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(repoRoot, 'seeds', f)), '--workspace', workspace);
  let files = storedFiles(workspace);
  const one = bySource(files, '001_');
  const three = bySource(files, '003_');

  // The colleague: three matches, a label conflict, a boundary conflict and two spans only they
  // tagged in 001; a label conflict and a match in 003.
  const colleagueFile = colleagueExchange(
    (
      [
        [one, 'location', 'east Aleppo'],
        [one, 'actor', 'Sergei Lavrov'],
        [one, 'location', 'Geneva'],
        [one, 'actor', 'Yasser al-Youssef'],
        [one, 'actor', 'Nureddine al-Zinki faction'],
        [one, 'quote', 'It is for the Russians to leave'],
        [one, 'location', 'Damascus'],
        [three, 'figure', '32 neighbourhoods'],
        [three, 'actor', 'Syrian Observatory for Human Rights'],
      ] as const
    ).map(([file, label, phrase]) => ({ file, label, phrase })),
  );

  const served = await startAndReadUrl(serveArgs(workspace));
  try {
    const token = new URL(served.url).searchParams.get('token')!;
    await page.goto(served.url);
    await page.getByTestId('import-input').setInputFiles({ name: 'colleague.awb.json', mimeType: 'application/json', buffer: colleagueFile });
    await expect(page.getByTestId('exchange-report')).toContainText('9 annotations added');
    await call(page, token, 'settings.setAnnotator', ['analyst']);
    const mine: [StoredFile, string, string][] = [
      [one, 'actor', 'Assad'],
      [one, 'location', 'east Aleppo'],
      [one, 'actor', 'Sergei Lavrov'],
      [one, 'actor', 'Geneva'],
      [one, 'actor', 'Yasser al-Youssef'],
      [one, 'actor', 'Nureddine al-Zinki'],
      [one, 'figure', 'two-thirds'],
      [three, 'location', '32 neighbourhoods'],
      [three, 'actor', 'Syrian Observatory for Human Rights'],
    ];
    for (const [file, label, phrase] of mine) await call(page, token, 'annotations.create', [{ docId: file.document.id, label, ...spanOf(file, phrase) }]);
    const cliReport = () => JSON.parse(awb('agreement', '--a', 'analyst', '--b', 'colleague', '--json', '--workspace', workspace)) as Report;
    const before = cliReport();

    // Open review: A is the reviewer, B the colleague.
    await page.reload();
    await page.getByTestId('review-toggle').click();
    await expect(page.getByTestId('review-mode')).toBeVisible();
    await expect(page.getByTestId('review-a')).toHaveValue('analyst');
    await page.getByTestId('review-b').selectOption('colleague');
    await expect(page.getByTestId('review-b')).toHaveValue('colleague');
    await expect(page.getByTestId('review-document')).toHaveValue(one.document.id);
    for (const [kind, n] of Object.entries({ match: 3, 'label-conflict': 1, 'boundary-conflict': 1, 'only-a': 2, 'only-b': 2 })) {
      await expect(count(page, kind)).toHaveText(String(n));
    }
    await expectAgreement(page, before);

    // n / p step through the differences (the matches need no decision); the current item is
    // marked in both layers; m shows the matches too.
    await expect(page.getByTestId('review-progress')).toContainText('0/7 decided');
    await expect(group(page, 'match').getByTestId('review-item')).toHaveCount(0);
    await page.keyboard.press('n');
    await expect(currentItem(page)).toHaveAttribute('data-kind', 'label-conflict');
    await expect(currentIn(page, 'b')).toHaveText('Geneva');
    await page.keyboard.press('n');
    await expect(currentItem(page)).toHaveAttribute('data-kind', 'boundary-conflict');
    await page.keyboard.press('p');
    await expect(currentItem(page)).toHaveAttribute('data-kind', 'label-conflict');
    await page.keyboard.press('p');
    await expect(currentItem(page)).toHaveAttribute('data-kind', 'label-conflict'); // nothing before it
    await page.keyboard.press('m');
    await expect(group(page, 'match').getByTestId('review-item')).toHaveCount(3);
    await page.keyboard.press('p');
    await expect(currentItem(page)).toHaveAttribute('data-kind', 'match');
    await expect(currentIn(page, 'a')).toHaveText('Yasser al-Youssef');
    await page.keyboard.press('n');
    await expect(currentIn(page, 'b')).toHaveText('Geneva');
    await page.keyboard.press('m');
    await expect(group(page, 'match').getByTestId('review-item')).toHaveCount(0);

    // Accept B's label: the conflict stays what it was (neither layer changes), decided.
    await page.keyboard.press('a');
    await expect(currentItem(page)).toHaveAttribute('data-kind', 'boundary-conflict');
    await expect(count(page, 'label-conflict')).toHaveText('1');
    await expect(group(page, 'label-conflict').getByTestId('review-item')).toHaveAttribute('data-decision', 'accepted');

    // Reject B's wider span.
    await expect(currentIn(page, 'b')).toHaveText('Nureddine al-Zinki faction');
    await page.keyboard.press('r');
    await expect(group(page, 'boundary-conflict').getByTestId('review-item')).toHaveAttribute('data-decision', 'rejected');
    await expect(currentItem(page)).toHaveAttribute('data-kind', 'only-a');
    await expect(currentIn(page, 'a')).toHaveText('Assad');
    await page.keyboard.press('n');
    await expect(currentIn(page, 'a')).toHaveText('two-thirds');
    await expect(page.locator('[data-testid="review-pane"][data-side="b"] .anno.rv-gap')).toHaveText('two-thirds');

    // A comment on B's quote (Enter) is saved without a decision; then it is accepted.
    await page.keyboard.press('n');
    await expect(currentItem(page)).toHaveAttribute('data-kind', 'only-b');
    await page.keyboard.press('c');
    await expect(page.getByTestId('review-comment')).toBeFocused();
    await page.keyboard.type('Direct quote of a rebel commander; keep it.');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('card-decision')).toHaveAttribute('data-decision', 'commented');
    await expect(currentItem(page)).toHaveAttribute('data-decision', 'commented');
    await expect(currentIn(page, 'b')).toHaveText('It is for the Russians to leave');
    await expect(page.getByTestId('review-progress')).toContainText('2/7 decided');
    await page.keyboard.press('a');
    await expect(currentIn(page, 'b')).toHaveText('Damascus');
    await expect(page.getByTestId('review-progress')).toContainText('3/7 decided');

    // At the end of 001 the next difference is in 003 (its match passed by).
    await page.keyboard.press('n');
    await expect(page.getByTestId('review-document')).toHaveValue(three.document.id);
    await expect(currentItem(page)).toHaveAttribute('data-kind', 'label-conflict');

    // Correct (e): the label picker puts the span into the curated layer as a figure.
    await page.keyboard.press('e');
    await expect(page.getByTestId('label-picker')).toBeVisible();
    await page.keyboard.press('3');
    await expect(currentItem(page)).toHaveAttribute('data-decision', 'corrected');
    await expect(count(page, 'label-conflict')).toHaveText('1');
    await expect(page.getByTestId('review-progress')).toContainText('4/7 decided');

    // Agreement before adjudication has not moved, here and on the command line; after it, each
    // annotator against the curated layer, as the command line prints.
    const after = cliReport();
    expect(after.exact.f1).toEqual(before.exact.f1);
    expect(after.kappa).toEqual(before.kappa);
    expect(before.curated).toBeNull();
    expect(after.curated!.b.exact.f1).not.toBeNull();
    await expectAgreement(page, after);
    for (const [side, report] of [['after-a', after.curated!.a], ['after-b', after.curated!.b]] as const) {
      await expect(page.getByTestId(`adjudication-${side}-exact`).locator('.agreement-value')).toHaveAttribute('data-value', String(report.exact.f1));
      await expect(page.getByTestId(`adjudication-${side}-kappa`).locator('.agreement-value')).toHaveAttribute('data-value', String(report.kappa));
    }
    await expect(page.getByTestId('adjudication-before-exact').locator('.agreement-value')).toHaveAttribute('data-value', String(before.exact.f1));

    // Back to 001 for a picture of the review in progress.
    await page.keyboard.press('Shift+P');
    await expect(page.getByTestId('review-document')).toHaveValue(one.document.id);
    await page.getByTestId('review-item').filter({ hasText: 'Nureddine' }).click();
    await expect(currentIn(page, 'b')).toHaveText('Nureddine al-Zinki faction');
    await page.waitForTimeout(800);
    const shot = await page.screenshot();
    await testInfo.attach('review mode', { body: shot, contentType: 'image/png' });
    if (process.env.AWB_SCREENSHOTS) writeFileSync(join(repoRoot, 'docs', 'screenshot-review.png'), shot);

    // A reload keeps every decision.
    await page.reload();
    await page.getByTestId('review-toggle').click();
    await expect(count(page, 'match')).toHaveText('3');
    await expect(page.getByTestId('review-progress')).toContainText('4/7 decided');
    const items = page.getByTestId('review-item');
    await expect(items.filter({ hasText: 'Geneva' })).toHaveAttribute('data-decision', 'accepted');
    await expect(items.filter({ hasText: 'Nureddine' })).toHaveAttribute('data-decision', 'rejected');
    // A click on a highlight selects its item.
    await page.locator('[data-testid="review-pane"][data-side="a"] .anno', { hasText: 'two-thirds' }).click();
    await expect(currentItem(page)).toHaveAttribute('data-kind', 'only-a');
    await expect(page.getByTestId('item-card')).toHaveAttribute('data-kind', 'only-a');
    await items.filter({ hasText: 'It is for the Russians' }).click();
    await expect(page.getByTestId('card-decision')).toHaveAttribute('data-decision', 'accepted');
    await expect(page.getByTestId('card-comment')).toHaveText('Direct quote of a rebel commander; keep it.');
    await expectAgreement(page, after);

    // Done reviewing: back to the library and the panes.
    await page.getByTestId('review-toggle').click();
    await expect(page.getByTestId('review-mode')).toHaveCount(0);
    await expect(page.getByTestId('library-item')).toHaveCount(5);

    // The workspace files hold the decisions.
    files = storedFiles(workspace);
    const decided = (file: StoredFile) =>
      file.annotations
        .filter((x) => x.review)
        .map((x) => [x.annotator, x.label, x.quote, x.review!.status, x.review!.by, x.review!.comment ?? ''])
        .sort();
    const expected = [
      ['analyst', 'actor', 'Geneva', 'rejected', 'analyst', ''],
      ['analyst', 'actor', 'Nureddine al-Zinki', 'accepted', 'analyst', ''],
      ['colleague', 'actor', 'Nureddine al-Zinki faction', 'rejected', 'analyst', ''],
      ['colleague', 'location', 'Geneva', 'accepted', 'analyst', ''],
      ['colleague', 'quote', 'It is for the Russians to leave', 'accepted', 'analyst', 'Direct quote of a rebel commander; keep it.'],
    ];
    expect(decided(bySource(files, '001_'))).toEqual(expected);
    // Neither layer changed; the outcome, with the spans both agree on, is the curated layer.
    const layer = (file: StoredFile, who: string) => file.annotations.filter((x) => x.annotator === who).map((x) => [x.label, x.quote]).sort();
    expect(layer(bySource(files, '001_'), 'analyst')).toEqual(mine.filter(([f]) => f === one).map(([, l, q]) => [l, q]).sort());
    expect(layer(bySource(files, '001_'), 'curation')).toEqual([
      ['actor', 'Nureddine al-Zinki'],
      ['actor', 'Sergei Lavrov'],
      ['actor', 'Yasser al-Youssef'],
      ['location', 'Geneva'],
      ['location', 'east Aleppo'],
      ['quote', 'It is for the Russians to leave'],
    ]);
    expect(layer(bySource(files, '003_'), 'curation')).toEqual([
      ['actor', 'Syrian Observatory for Human Rights'],
      ['figure', '32 neighbourhoods'],
    ]);
    expect(bySource(files, '003_').annotations.find((x) => x.annotator === 'analyst' && x.quote === '32 neighbourhoods')?.label).toBe('location');

    // The curated layer exports on its own (here as JSONL: one document per line, its spans).
    const curatedExport = await call<{ base64: string }>(page, token, 'exports.build', ['jsonl', { annotators: ['curation'] }]);
    const lines = Buffer.from(curatedExport.base64, 'base64').toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { spans: { annotator: string }[] });
    expect(lines.flatMap((l) => l.spans).map((x) => x.annotator)).toEqual(Array(8).fill('curation'));

    // An exchange export carries the decisions into a fresh workspace.
    const exported = await call<{ fileName: string; base64: string }>(page, token, 'exports.build', ['exchange', {}]);
    const exportPath = join(root, exported.fileName);
    writeFileSync(exportPath, Buffer.from(exported.base64, 'base64'));
    const fresh = join(root, 'fresh');
    awb('import', exportPath, '--workspace', fresh);
    expect(decided(storedFiles(fresh).find((f) => f.document.id === one.document.id)!)).toEqual(expected);
  } finally {
    await stop(served.process);
  }
});

test('in a long, windowed article a difference far down the text is shown in both panes', async ({ page }) => {
  const root = mkdtempSync(join(tmpdir(), 'awb-review-long-'));
  const workspace = join(root, 'workspace');
  const article = join(root, 'long.txt');
  writeFileSync(
    article,
    longArticle({ title: 'A long dispatch to review', opening: 'Nothing to see here.', ending: 'In the end envoy Zebediah Quark signed the accord.', chars: 200_000 }),
  );
  awb('import', article, '--workspace', workspace);
  const [file] = storedFiles(workspace);
  const colleagueFile = colleagueExchange([{ file, label: 'actor', phrase: 'Zebediah Quark' }]);
  const served = await startAndReadUrl(serveArgs(workspace));
  try {
    const token = new URL(served.url).searchParams.get('token')!;
    await page.goto(served.url);
    await page.getByTestId('import-input').setInputFiles({ name: 'colleague.awb.json', mimeType: 'application/json', buffer: colleagueFile });
    await expect(page.getByTestId('exchange-report')).toContainText('1 annotation added');
    await call(page, token, 'settings.setAnnotator', ['analyst']);
    await call(page, token, 'annotations.create', [{ docId: file.document.id, label: 'actor', ...spanOf(file, 'Zebediah') }]);
    await page.reload();
    await page.getByTestId('review-toggle').click();
    await page.getByTestId('review-b').selectOption('colleague');
    // n: the only difference, a boundary conflict at the very end, is brought into view in both
    // panes (each moves its window there first).
    await expect(page.getByTestId('review-pane')).toHaveCount(2);
    await expect(count(page, 'boundary-conflict')).toHaveText('1');
    await page.keyboard.press('n');
    await expect(currentIn(page, 'a')).toHaveText('Zebediah');
    await expect(currentIn(page, 'b')).toHaveText('Zebediah Quark');
    await expect(currentIn(page, 'a')).toBeInViewport();
    await expect(currentIn(page, 'b')).toBeInViewport();
  } finally {
    await stop(served.process);
  }
});

test('Review waits for the tags still being saved: one made the moment before is in the first comparison shown', async ({ page, workbench }) => {
  const one = bySource(storedFiles(workbench.workspace), '001_');
  await page.goto(workbench.url);
  await page.getByTestId('import-input').setInputFiles({ name: 'colleague.awb.json', mimeType: 'application/json', buffer: colleagueExchange([{ file: one, label: 'actor', phrase: 'Sergei Lavrov' }]) });
  await expect(page.getByTestId('exchange-report')).toContainText('1 annotation added');
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  // The save of the next tag takes a second and a half to reach the service.
  await page.route('**/api/annotations.create', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await tag(page, pane, '1', 'Staffan de Mistura');
  await page.getByTestId('review-toggle').click();
  await page.getByTestId('review-b').selectOption('colleague');
  // The first comparison drawn already has both differences: mine, not yet saved when Review
  // opened, and the colleague's.
  const items = page.getByTestId('review-item');
  await expect(items.first()).toBeVisible();
  expect(await items.allTextContents()).toEqual([expect.stringContaining('Staffan de Mistura'), expect.stringContaining('Sergei Lavrov')]);
});

test('a document A and B agree on throughout has nothing to decide; its agreed spans go into the curated layer on request; Review fits the window', async ({ page, workbench }) => {
  const one = bySource(storedFiles(workbench.workspace), '001_');
  await page.goto(workbench.url);
  const colleague = ['Sergei Lavrov', 'Geneva'].map((phrase) => ({ file: one, label: 'actor', phrase }));
  await page.getByTestId('import-input').setInputFiles({ name: 'colleague.awb.json', mimeType: 'application/json', buffer: colleagueExchange(colleague) });
  await expect(page.getByTestId('exchange-report')).toContainText('2 annotations added');
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await tag(page, pane, '1', 'Sergei Lavrov');
  await tag(page, pane, '1', 'Geneva');
  await page.getByTestId('review-toggle').click();
  await page.getByTestId('review-b').selectOption('colleague');
  await expect(page.getByTestId('review-progress')).toContainText('0/0 decided');
  const agreed = page.getByTestId('review-agreed');
  await expect(agreed).toContainText('2 spans');
  await expect(agreed).toContainText('not in the curated layer yet');
  // Review fits the window, wide or narrow: its bar's parts give way, nothing scrolls sideways.
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - innerWidth), { message: `sideways scroll at ${width} px` }).toBeLessThanOrEqual(0);
  }
  await agreed.getByTestId('review-accept-agreed').click();
  await expect(agreed).toHaveCount(0);
  const curated = () => (storedFiles(workbench.workspace).find((f) => f.document.id === one.document.id)!.annotations.filter((x) => x.annotator === 'curation').map((x) => [x.label, x.quote]));
  expect(curated()).toEqual([
    ['actor', 'Sergei Lavrov'],
    ['actor', 'Geneva'],
  ]);
  // No decision is recorded on the matches, and the keys still act in Review.
  expect(storedFiles(workbench.workspace).find((f) => f.document.id === one.document.id)!.annotations.filter((x) => x.review)).toEqual([]);
  await expect(page.getByTestId('review-mode')).toBeFocused();
  // Still nothing to decide, and A's and B's own layers are as they were.
  await expect(page.getByTestId('review-progress')).toContainText('0/0 decided');
  const layers = storedFiles(workbench.workspace).find((f) => f.document.id === one.document.id)!.annotations.filter((x) => x.annotator !== 'curation');
  expect(layers.map((x) => [x.annotator === 'colleague' ? 'B' : 'A', x.quote]).sort()).toEqual([
    ['A', 'Geneva'],
    ['A', 'Sergei Lavrov'],
    ['B', 'Geneva'],
    ['B', 'Sergei Lavrov'],
  ]);
});
