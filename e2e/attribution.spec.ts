// Attribution in the browser: a figure linked to the actor it is attributed to (its source) and a
// quote to the actor who said it (its speaker), both chosen through entities, with the figure's
// measure; all of it survives a reload and is in every export that has room for it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickOn, openSeeds, saved, tag } from './pageActions';
import { expect, test } from './workbench';
import { readExports } from './readExports';

/// Library position of "Human rights monitor says the battle for Aleppo …" (seed 002).
const SEED_002 = 2;
const FIGURE = 'Between 10,000 and 13,000';
const OBSERVATORY = 'Syrian Observatory for Human Rights';

test('a figure’s source and a quote’s speaker, linked through entities, survive a reload and appear in the exchange, JSONL, CSV, brat and W3C exports', async ({ page, workbench }, testInfo) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_002);
  const inspector = page.getByTestId('inspector');

  // Two actors, each made an entity from its span.
  for (const actor of [OBSERVATORY, 'Riad Hijab']) {
    await tag(page, pane, '1', actor);
    await inspector.getByTestId('entity-search').focus();
    await inspector.getByTestId('entity-create').click();
    await expect(inspector.getByTestId('entity-name')).toHaveText(actor);
  }

  // The figure: what it counts, and whom it is attributed to (the entity, chosen from the list).
  await tag(page, pane, '3', FIGURE);
  await inspector.locator('[data-testid="attribute-field"][data-attribute="measure"]').fill('civilians fled');
  await page.keyboard.press('Enter');
  // Its interval, read from the text, corrected as an estimate.
  await expect(inspector.getByTestId('quantity-interval')).toHaveText('[10,000, 13,000]');
  await inspector.getByTestId('quantity-edit').click();
  await inspector.getByTestId('quantity-approximate').check();
  await inspector.getByTestId('quantity-save').click();
  await expect(inspector.getByTestId('quantity-interval')).toHaveText('[10,000, 13,000] ≈');
  await inspector.getByTestId('source-select').selectOption({ label: OBSERVATORY });
  await expect(inspector.getByTestId('source-name')).toHaveText(`According to ${OBSERVATORY}`);

  // The quote: its speaker picked in the text.
  await tag(page, pane, '4', 'If Assad and his allies', 'that will not happen');
  await inspector.getByTestId('pick-speaker').click();
  await clickOn(page, pane, 'Riad Hijab');
  await expect(inspector.getByTestId('speaker-name')).toHaveText('Said by Riad Hijab');
  await expect(inspector.getByTestId('speaker-select')).toHaveValue(/^entity:/);
  await testInfo.attach('a quote and its speaker', { body: await page.screenshot(), contentType: 'image/png' });
  await saved(page);

  // After a reload, both links and the measure are still there.
  const [again] = await openSeeds(page, workbench.url, SEED_002);
  await clickOn(page, again, FIGURE);
  await expect(inspector.getByTestId('source-name')).toHaveText(`According to ${OBSERVATORY}`);
  await expect(inspector.locator('[data-testid="attribute-field"][data-attribute="measure"]')).toHaveValue('civilians fled');
  await expect(inspector.getByTestId('quantity-interval')).toHaveText('[10,000, 13,000] ≈');
  await clickOn(page, again, 'If Assad and his allies');
  await expect(inspector.getByTestId('speaker-name')).toHaveText('Said by Riad Hijab');
  await clickOn(page, again, OBSERVATORY);
  await expect(inspector.getByText('Source of')).toBeVisible();

  // Every export that has room for them carries the entity links and both relations.
  const exported = await readExports(page, mkdtempSync(join(tmpdir(), 'awb-attribution-')));
  exported.expectAttribution({ figure: FIGURE, measure: 'civilians fled', source: OBSERVATORY, quoteStart: 'If Assad', speaker: 'Riad Hijab' });
});
