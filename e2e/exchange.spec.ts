// Export and exchange in browser mode: every format saved through the Export dialog as a real
// download (the exchange file then imported by the CLI into a fresh workspace, the CSV parsed), a
// colleague's exchange file added with Import… and summarised with what was skipped and why, and
// a file that is not an exchange file refused without changing anything.
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { exportAs, highlight, openSeeds, saved, SEED_001, storedDocument, tag } from './pageActions';
import { expect, repoRoot, test } from './workbench';

const CSV_HEADER = [
  'document_id', 'document_title', 'annotation_id', 'annotator', 'label', 'label_name', 'start', 'end', 'text', 'context', 'note', 'review_status', 'created_at',
  'outlet', 'published_at', 'url', 'author', 'language', 'tags', 'entity_id', 'entity_name', 'measure', 'low', 'high',
  'speaker_or_source', 'speaker_or_source_id', 'speaker_or_source_text', 'speaker_or_source_entity',
];

/// Runs `awb` and returns its standard output.
function awb(...args: string[]): string {
  return execFileSync(process.execPath, [join(repoRoot, 'bin', 'awb.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });
}

test('tag, then export every format as a download; the exchange file imports with the CLI, the CSV parses', async ({ page, workbench }, testInfo) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  await tag(page, pane, '4', 'The revolutionaries will', 'last drop of blood');
  await tag(page, pane, '1', 'The revolutionaries');
  await tag(page, pane, '1', 'Staffan de Mistura');
  await saved(page);

  // Keyboard: the header button opens the dialog, Esc closes it.
  await page.getByTestId('export-button').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('export-format')).toHaveCount(8);
  await expect(dialog.getByTestId('export-documents-item')).toHaveCount(5);
  await expect(dialog.getByTestId('export-labels-item')).toHaveCount(4);
  await testInfo.attach('export dialog', { body: await page.screenshot(), contentType: 'image/png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();

  await page.getByTestId('export-button').click();
  const dir = mkdtempSync(join(tmpdir(), 'awb-downloads-'));
  const files: Record<string, { path: string; name: string }> = {};
  for (const format of ['exchange', 'jsonl', 'csv', 'conll', 'brat', 'w3c']) {
    files[format] = await exportAs(page, format, dir);
    await expect(page.getByTestId('export-counts')).toHaveText('3 annotations from 5 documents.');
    if (format === 'conll') {
      // The actor "The revolutionaries" starts where the longer quote does: the quote wins.
      await expect(page.getByTestId('export-conll-lost')).toContainText('1 span overlaps an earlier or longer span and carries no CoNLL tag');
      await expect(page.getByTestId('export-conll-lost')).toContainText('Actor “The revolutionaries”');
      await testInfo.attach('export dialog after a CoNLL export', { body: await page.screenshot(), contentType: 'image/png' });
    }
  }
  expect(files.exchange.name).toMatch(/\.awb\.json$/);
  expect(files.brat.name).toMatch(/\.zip$/);
  expect(readFileSync(files.brat.path).subarray(0, 2).toString()).toBe('PK');
  expect(readFileSync(files.jsonl.path, 'utf8').trim().split('\n')).toHaveLength(5);
  expect(readFileSync(files.conll.path, 'utf8')).toContain('-DOCSTART-\tO');
  expect(JSON.parse(readFileSync(files.w3c.path, 'utf8')).type).toBe('AnnotationCollection');

  // A UTF-8 byte order mark first, so that Excel reads the file as UTF-8.
  expect([...readFileSync(files.csv.path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(readFileSync(files.csv.path, 'utf8'), { bom: true }) as string[][];
  expect(rows[0]).toEqual(CSV_HEADER);
  const column = (name: string) => CSV_HEADER.indexOf(name);
  expect(rows.slice(1).map((r) => [r[column('label')], r[column('text')]]).sort()).toEqual([
    ['actor', 'Staffan de Mistura'],
    ['actor', 'The revolutionaries'],
    ['quote', expect.stringContaining('last drop of blood') as unknown as string],
  ]);

  // Scope: only actors.
  await dialog.getByTestId('export-labels-all').uncheck();
  await expect(page.getByTestId('export-run')).toBeDisabled();
  await dialog.locator('[data-testid="export-labels-item"][data-id="actor"]').check();
  await exportAs(page, 'csv', dir);
  await expect(page.getByTestId('export-counts')).toHaveText('2 annotations from 5 documents.');

  // Scope: the open document; then documents checked in the list, which the service filters.
  await dialog.getByTestId('export-documents-open').check();
  await expect(dialog.getByTestId('export-documents')).toContainText('1 open');
  await exportAs(page, 'csv', dir);
  await expect(page.getByTestId('export-counts')).toHaveText('2 annotations from 1 document.');
  await dialog.getByTestId('export-documents-checked').check();
  await expect(page.getByTestId('export-run')).toBeDisabled();
  await expect(dialog).toContainText('Choose at least a document.');
  await dialog.getByTestId('export-documents-filter').fill('federation');
  await expect(dialog.getByTestId('export-documents-item')).toHaveCount(1);
  await dialog.getByTestId('export-documents-item').locator('input').check();
  await dialog.getByTestId('export-documents-filter').fill('');
  await expect(dialog.getByTestId('export-documents-item')).toHaveCount(5);
  await expect(dialog.locator('[data-testid="export-documents-item"] input:checked')).toHaveCount(1);
  await dialog.locator('[data-testid="export-documents-item"]').nth(SEED_001).locator('input').check();
  await expect(dialog.getByTestId('export-documents')).toContainText('2 checked');
  await exportAs(page, 'csv', dir);
  await expect(page.getByTestId('export-counts')).toHaveText('2 annotations from 2 documents.');
  await dialog.getByTestId('export-documents-all').check();

  const fresh = join(mkdtempSync(join(tmpdir(), 'awb-colleague-')), 'workspace');
  awb('import', files.exchange.path, '--workspace', fresh);
  const listed = JSON.parse(awb('list', '--json', '--workspace', fresh)) as { title: string; annotations: number }[];
  expect(listed).toHaveLength(5);
  expect(listed.reduce((n, d) => n + d.annotations, 0)).toBe(3);
  expect(listed.find((d) => d.title.startsWith('President Bashar al-Assad'))?.annotations).toBe(3);
});

/// The code-point offset of a UTF-16 index.
const codePoints = (text: string, index: number) => [...text.slice(0, index)].length;

/// The code-point span of the first `phrase` in `text`.
function spanOf(text: string, phrase: string): { start: number; end: number } {
  const start = codePoints(text, text.indexOf(phrase));
  return { start, end: start + [...phrase].length };
}

function colleagueFile(seed: { id: string; title: string; text: string }) {
  const annotation = (label: string, text: string, place: { start: number; end: number }) => ({
    id: randomUUID(),
    label,
    ...place,
    text,
    annotator: 'colleague',
    createdAt: '2016-12-14T10:00:00.000Z',
  });
  const noteText = 'A colleague’s note: the UN envoy Staffan de Mistura spoke in Geneva.\n';
  return {
    format: 'annotation-workbench',
    version: 1,
    offsets: 'codepoints',
    exportedAt: '2016-12-14T10:00:00.000Z',
    exportedBy: 'colleague',
    // "Actor" is this workspace's own name for its label actor: taken in renamed, with a warning.
    labels: [{ id: 'event', name: 'Event', color: '#7a5cff' }, { id: 'person', name: 'Actor', color: '#c2410c' }],
    documents: [
      {
        id: seed.id,
        title: seed.title,
        text: seed.text,
        annotations: [
          annotation('actor', 'Staffan de Mistura', spanOf(seed.text, 'Staffan de Mistura')),
          // Offsets off, but the text occurs once: re-anchored.
          annotation('location', 'Geneva', { start: 0, end: 6 }),
          // Offsets off, and the text is nowhere in the article: skipped with the reason.
          annotation('location', 'Atlantis', { start: 10, end: 18 }),
        ],
        relations: [],
      },
      {
        id: `sha256:${createHash('sha256').update(noteText, 'utf8').digest('hex')}`,
        title: 'A colleague’s note',
        text: noteText,
        annotations: [annotation('actor', 'Staffan de Mistura', spanOf(noteText, 'Staffan de Mistura'))],
        relations: [],
      },
    ],
  };
}

function documentFiles(workspace: string): Record<string, number> {
  const folder = join(workspace, 'documents');
  return Object.fromEntries(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).mtimeMs]));
}

test("a colleague's exchange file through Import…: a summary of what was added and skipped, and why; a wrong file changes nothing", async ({ page, workbench }, testInfo) => {
  const [pane] = await openSeeds(page, workbench.url, SEED_001);
  const docId = (await pane.getAttribute('data-doc-id'))!;
  const seed = storedDocument(workbench.workspace, docId).document;
  const file = Buffer.from(JSON.stringify(colleagueFile(seed), null, 1));

  await page.getByTestId('import-input').setInputFiles({ name: 'colleague.awb.json', mimeType: 'application/json', buffer: file });
  const report = page.getByTestId('exchange-report');
  await expect(report).toBeVisible();
  await expect(report).toContainText('Exchange import: 3 annotations added · 1 skipped');
  await expect(report.getByTestId('exchange-file')).toHaveText('colleague.awb.json');
  await expect(report.getByTestId('exchange-added')).toContainText('1 new document');
  await expect(report.getByTestId('exchange-added')).toContainText('3 annotations (1 re-anchored where the text had moved)');
  await expect(report.getByTestId('exchange-added')).toContainText('2 labels: event, person');
  await expect(report.getByTestId('exchange-warnings')).toContainText('person');
  await expect(report.getByTestId('exchange-known')).toContainText('1 document already in the library');
  const skipped = report.getByTestId('exchange-skipped-item');
  await expect(skipped).toHaveCount(1);
  await expect(skipped).toContainText(seed.title.slice(0, 40));
  await expect(skipped).toContainText('its text does not match the document at its offsets, and the text does not occur in the document');
  await testInfo.attach('exchange import summary', { body: await page.screenshot(), contentType: 'image/png' });

  // Everything reloaded: the library, the labels, and the open document with the colleague's tags.
  await expect(page.getByTestId('library-item')).toHaveCount(6);
  await expect(page.getByTestId('legend-chip').filter({ hasText: 'Event' })).toHaveCount(1);
  await expect(highlight(pane, 'actor', 'Staffan de Mistura')).toBeVisible();
  await expect(highlight(pane, 'location', 'Geneva')).toBeVisible();

  // The same file again adds nothing.
  await report.getByTestId('message-dismiss').click();
  await page.getByTestId('import-input').setInputFiles({ name: 'colleague.awb.json', mimeType: 'application/json', buffer: file });
  await expect(report).toContainText('Exchange import: 0 annotations added · 1 skipped');
  await expect(report.getByTestId('exchange-known')).toContainText('2 documents already in the library');
  await expect(report.getByTestId('exchange-known')).toContainText('3 annotations already here');
  await report.getByTestId('message-dismiss').click();

  // Not an exchange file: a clear error, and nothing changes.
  const highlights = await pane.locator('.anno').count();
  const before = documentFiles(workbench.workspace);
  const index = readFileSync(join(workbench.workspace, 'workspace.json'), 'utf8');
  await page.getByTestId('import-input').setInputFiles({ name: 'x.awb.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"doccano"}') });
  const error = page.getByTestId('error-message');
  await expect(error).toContainText('Import failed');
  await expect(error).toContainText('x.awb.json: not an Annotation Workbench exchange file ("format" is "doccano")');
  await expect(report).toHaveCount(0);
  expect(documentFiles(workbench.workspace)).toEqual(before);
  expect(readFileSync(join(workbench.workspace, 'workspace.json'), 'utf8')).toBe(index);
  await expect(page.getByTestId('library-item')).toHaveCount(6);
  await expect(pane.locator('.anno')).toHaveCount(highlights);
});
