import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { highlight } from './pageActions';
import { expect, repoRoot, test } from './workbench';

test('a batch of a good article and a 21 MB file imports the good one and names the other, with its size', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  await page.getByTestId('import-input').setInputFiles([
    { name: 'convoy.txt', mimeType: 'text/plain', buffer: Buffer.from('The convoy reached the crossing\n\nTwenty buses left at dawn.') },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 0x20) },
  ]);
  await expect(page.getByTestId('library-item').filter({ hasText: 'The convoy reached the crossing' })).toHaveCount(1);
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('1 added');
  await expect(report.getByTestId('import-rejected')).toContainText('scan.pdf');
  await expect(report.getByTestId('import-rejected')).toContainText('file is 21.0 MB, over the 20 MB limit');
  await expect(page.getByTestId('import-button')).toHaveText('Import…');
});

test('files dropped onto the window are imported; a drag of text inside the page is not taken for one', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Dropped bulletin\n\nThe crossing stayed open overnight.'], 'bulletin.txt', { type: 'text/plain' }));
    return data;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dropped });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(page.getByTestId('library-item').filter({ hasText: 'Dropped bulletin' })).toHaveCount(1);

  const text = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'some words');
    return data;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: text });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
});

test('a PDF and a Word file dropped onto the window are both listed and readable', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  const files = [
    { name: 'aleppo-talks.pdf', type: 'application/pdf', base64: readFileSync(join(repoRoot, 'test', 'fixtures', 'articles', 'aleppo-talks.pdf')).toString('base64') },
    {
      name: 'evacuation-bulletin.docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      base64: readFileSync(join(repoRoot, 'e2e', 'fixtures', 'articles', 'evacuation-bulletin.docx')).toString('base64'),
    },
  ];
  const dropped = await page.evaluateHandle((given) => {
    const data = new DataTransfer();
    for (const f of given) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return data;
  }, files);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dropped });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dropped });
  await expect(page.getByTestId('import-report')).toContainText('2 added');
  await expect(page.getByTestId('library-item')).toHaveCount(7);

  await page.getByTestId('library-item').filter({ hasText: 'aleppo-talks.pdf' }).click();
  const view = page.getByTestId('document-view');
  // Lines joined into paragraphs, the hyphenation at line ends undone, no page header or footer.
  await expect(view).toContainText('the concrete route and timeframe for the withdrawal');
  await expect(view).not.toContainText('Page 2 of 3');
  await page.getByTestId('library-item').filter({ hasText: 'evacuation-bulletin.docx' }).click();
  await expect(view).toContainText('A Red Crescent official said 4,000 people had crossed by the afternoon');
});

test.describe('from a web address', () => {
  let server: Server;
  let base: string;
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/aleppo-convoy') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html><head><title>Convoy leaves Aleppo</title><meta property="og:site_name" content="Example News">
          <meta property="article:published_time" content="2016-12-15T08:00:00Z"></head>
          <body><article><h1>Convoy leaves Aleppo</h1><p>The first convoy of buses left the eastern districts on Thursday morning.</p>
          <p>Officials said more than a thousand people were on board.</p></article></body></html>`);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('imports the page with its outlet and date; a missing page is refused in the dialog, the address kept', async ({ page, workbench }) => {
    await page.goto(workbench.url);
    await expect(page.getByTestId('library-item')).toHaveCount(5);
    await page.getByTestId('import-url-button').click();
    const dialog = page.getByTestId('import-url-dialog');
    await dialog.getByTestId('import-url-input').fill(`${base}/gone`);
    await dialog.getByTestId('import-url-input').press('Enter');
    await expect(dialog.getByTestId('import-url-problem')).toHaveText('Not imported: the server answered 404 Not Found');
    await expect(dialog.getByTestId('import-url-input')).toHaveValue(`${base}/gone`);

    await dialog.getByTestId('import-url-input').fill(`${base}/aleppo-convoy`);
    await dialog.getByTestId('import-url-confirm').click();
    await expect(dialog).toHaveCount(0);
    const item = page.getByTestId('library-item').filter({ hasText: 'Convoy leaves Aleppo' });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Example News');
    await item.click();
    await expect(page.getByTestId('document-view')).toContainText('more than a thousand people were on board');
  });
});

test('a brat zip imported through the annotation dialog: its labels mapped, its spans on the seed article with the same text', async ({ page, workbench }) => {
  const name = '000_c762acb0b8e09f19.txt';
  const text = readFileSync(join(repoRoot, 'seeds', name), 'utf8');
  // brat counts offsets in code points.
  const span = (phrase: string) => {
    const at = [...text.slice(0, text.indexOf(phrase))].length;
    return `${at} ${at + [...phrase].length}\t${phrase}`;
  };
  const ann = [`T1\tPerson ${span('Assad')}`, `T2\tLocation ${span('Aleppo')}`, `#1\tAnnotatorNotes T1\tthe president`].join('\n');
  const zip = Buffer.from(zipSync({ 'colleague/000.txt': strToU8(text), 'colleague/000.ann': strToU8(`${ann}\n`) }));
  await page.goto(workbench.url);
  await expect(page.getByTestId('library-item')).toHaveCount(5);
  await page.getByTestId('import-input').setInputFiles({ name: 'colleague-brat.zip', mimeType: 'application/zip', buffer: zip });
  const dialog = page.getByTestId('annotation-import-dialog');
  await expect(dialog).toContainText('colleague-brat.zip');
  await dialog.getByTestId('annotation-import-annotator').fill('colleague');
  await dialog.getByTestId('annotation-import-labels').fill('Person=actor');
  await dialog.getByTestId('annotation-import-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('exchange-report')).toContainText('2 annotations');
  await expect(page.getByTestId('library-item')).toHaveCount(5);

  await page.getByTestId('library-item').filter({ hasText: name }).click();
  const pane = page.getByTestId('document-pane');
  await expect(highlight(pane, 'actor', 'Assad').first()).toBeVisible();
  await expect(highlight(pane, 'location', 'Aleppo').first()).toBeVisible();

  // The same file again adds nothing; a file of no known format is refused in the dialog, which stays.
  await page.getByTestId('import-input').setInputFiles([
    { name: 'colleague-brat.zip', mimeType: 'application/zip', buffer: zip },
    { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') },
  ]);
  await dialog.getByTestId('annotation-import-annotator').fill('colleague');
  await dialog.getByTestId('annotation-import-labels').fill('Person=actor');
  await dialog.getByTestId('annotation-import-confirm').click();
  await expect(dialog.getByTestId('annotation-import-refused')).toHaveCount(1);
  await expect(dialog).toContainText('notes.json');
  await expect(dialog).not.toContainText('colleague-brat.zip');
  await expect(page.getByTestId('exchange-report').filter({ hasText: '2 annotations already here' })).toHaveCount(1);
});
