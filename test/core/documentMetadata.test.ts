import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { createAnnotation } from '../../main/core/annotations';
import { DocumentDetailsChangeSchema, editDocumentDetails } from '../../main/core/documentDetails';
import { CSV_HEADER, csvRows } from '../../main/core/export/exportCsv';
import { jsonlLine } from '../../main/core/export/exportJsonl';
import { exportExchange } from '../../main/core/export/exportExchange';
import { importExchange, parseExchange } from '../../main/core/exchange/importExchange';
import { importSeeds } from '../../main/core/importArticles';
import { searchDocuments } from '../../main/core/search';
import { applySidecar, readSidecar } from '../../main/core/metadataSidecar';
import { SCHEMA_VERSION, type DocumentFile } from '../../main/core/model';
import { Workspace } from '../../main/core/store/workspace';
import { documentFileName } from '../../main/core/store/workspaceFiles';
import { frontMatter, htmlMetadata } from '../../main/core/text/articleMetadata';
import { articleFromBytes } from '../../main/core/text/readArticle';
import { repoRoot, tempDir } from '../helpers';

const page = `<!doctype html><html lang="en-GB"><head>
<title>Aleppo: rebels leave the old city | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Rebels leave Aleppo's old city">
<meta property="article:published_time" content="2016-12-13T09:30:00+00:00">
<meta name="author" content="Jane Roe">
<meta property="article:tag" content="Syria"><meta property="article:tag" content="Aleppo">
<link rel="canonical" href="https://news.example/aleppo-old-city">
</head><body><h1>Rebels leave Aleppo's old city</h1><p>Syrian rebels have left the old city.</p></body></html>`;

describe('what an article file states about itself', () => {
  it('an HTML head: Open Graph, article:*, author, canonical link and language; the title from og:title', () => {
    const stated = htmlMetadata(page);
    expect(stated.title).toBe("Rebels leave Aleppo's old city");
    expect(stated.meta).toEqual({
      outlet: 'Example News',
      publishedAt: '2016-12-13T09:30:00+00:00',
      author: 'Jane Roe',
      url: 'https://news.example/aleppo-old-city',
      language: 'en-GB',
      tags: ['Syria', 'Aleppo'],
    });
    const article = articleFromBytes('old-city.html', new TextEncoder().encode(page));
    expect(article.title).toBe("Rebels leave Aleppo's old city");
    expect(article.meta.outlet).toBe('Example News');
    expect(article.text).toBe("Rebels leave Aleppo's old city\n\nSyrian rebels have left the old city.");
  });

  it('JSON-LD NewsArticle where the head has no Open Graph (publisher, authors, date, url, keywords)', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Not the article' },
        {
          '@type': 'NewsArticle',
          headline: 'Evacuation deal',
          datePublished: '2016-12-15',
          author: [{ '@type': 'Person', name: 'A. Writer' }, { name: 'B. Writer' }],
          publisher: { '@type': 'Organization', name: 'Wire Service' },
          url: 'https://wire.example/deal',
          inLanguage: 'en',
          keywords: 'Syria, Aleppo',
        },
      ],
    });
    const stated = htmlMetadata(`<html><head><title>Deal</title><script type="application/ld+json">${ld}</script></head><body><p>Text.</p></body></html>`);
    expect(stated.title).toBe('Evacuation deal');
    expect(stated.meta).toEqual({ outlet: 'Wire Service', publishedAt: '2016-12-15', author: 'A. Writer, B. Writer', url: 'https://wire.example/deal', language: 'en', tags: ['Syria', 'Aleppo'] });
  });

  it('never guesses: a page that states nothing has no metadata; a bad date or URL is left out with a warning', () => {
    expect(htmlMetadata('<p>Only text, published Monday by the Observatory</p>').meta).toEqual({});
    const stated = htmlMetadata('<head><meta property="article:published_time" content="last Monday"><link rel="canonical" href="javascript:alert(1)"></head>');
    expect(stated.meta).toEqual({});
    expect(stated.warnings.join('\n')).toMatch(/"last Monday" is not an ISO date[\s\S]*"javascript:alert\(1\)" is not an absolute http/);
    expect(htmlMetadata('<script type="application/ld+json">{oops</script>').warnings).toEqual(['a JSON-LD block is not valid JSON and was ignored']);
  });

  it('Markdown front matter is read and left out of the text; a file without it is untouched', () => {
    const md = '---\ntitle: Talks stall\noutlet: Example News\ndate: 2016-12-13\ntags: [Syria, Geneva]\n---\nTalks stalled in Geneva.\n';
    const stated = frontMatter(md);
    expect(stated.title).toBe('Talks stall');
    expect(stated.meta).toEqual({ outlet: 'Example News', publishedAt: '2016-12-13', tags: ['Syria', 'Geneva'] });
    expect(stated.body).toBe('Talks stalled in Geneva.\n');
    const article = articleFromBytes('talks.md', new TextEncoder().encode(md));
    expect(article.text).toBe('Talks stalled in Geneva.\n');
    expect(article.title).toBe('Talks stall');
    expect(frontMatter('--- not front matter\ntext').body).toBe('--- not front matter\ntext');
    // A rule, then a line that reads as YAML, is text, not front matter.
    const ruled = '---\nUPDATE: the minister resigned\n---\nTalks stalled.\n';
    expect(frontMatter(ruled)).toEqual({ meta: {}, warnings: [], body: ruled });
    expect(articleFromBytes('plain.txt', new TextEncoder().encode('---\ntitle: x\n---\nbody')).text).toBe('---\ntitle: x\n---\nbody');
  });
});

describe('document details', () => {
  it('a change replaces what it gives, removes what it sets to null, keeps the rest', () => {
    const file: DocumentFile = { schemaVersion: SCHEMA_VERSION, document: { id: 'sha256:' + '1'.repeat(64), title: 'Old', sourceName: 'a.txt', text: 'x', importedAt: '2016-12-13T00:00:00.000Z', meta: { outlet: 'A', author: 'B' } }, annotations: [], relations: [] };
    const change = DocumentDetailsChangeSchema.parse({ title: '  New\n title ', meta: { outlet: null, publishedAt: '2016-12-13', tags: ['x', 'x', 'y'] } });
    const { result } = editDocumentDetails(file, change);
    expect(result).toEqual({ title: 'New title', meta: { author: 'B', publishedAt: '2016-12-13', tags: ['x', 'y'] } });
  });

  it('a document file of schema 1 is read with empty metadata and written in the current schema at its next save, the opening backup holding it as it was', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const id = ws.documentIds()[2];
    await ws.close();
    const path = join(dir, 'documents', documentFileName(id));
    const current = JSON.parse(readFileSync(path, 'utf8'));
    const { meta: _meta, ...v1Document } = current.document;
    writeFileSync(path, JSON.stringify({ ...current, schemaVersion: 1, document: v1Document }));
    const reopened = await Workspace.open(dir);
    expect((await reopened.readDocument(id)).document.meta).toEqual({});
    expect(JSON.parse(readFileSync(path, 'utf8')).schemaVersion).toBe(1); // reading writes nothing
    const [openingBackup] = await reopened.backups();
    await reopened.updateDocument(id, (file) => createAnnotation(file, { docId: id, label: 'actor', start: 0, end: 5 }, reopened.labels, { annotator: 'ann', now: '2026-12-05T00:00:00.000Z' }));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ schemaVersion: SCHEMA_VERSION, document: { meta: {} } });
    expect(JSON.parse(readFileSync(join(dir, 'backups', openingBackup.name, 'documents', documentFileName(id)), 'utf8')).schemaVersion).toBe(1);
    await reopened.close();
  });

  it('a missing document restored from a schema-1 backup copy while the app checks in the background does not stall the opening', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const id = ws.documentIds()[1];
    const backup = await ws.backup();
    await ws.close();
    const copy = join(dir, 'backups', backup.name, 'documents', documentFileName(id));
    const current = JSON.parse(readFileSync(copy, 'utf8'));
    const { meta: _meta, ...v1Document } = current.document;
    rmSync(copy);
    writeFileSync(copy, JSON.stringify({ ...current, schemaVersion: 1, document: v1Document }));
    rmSync(join(dir, 'documents', documentFileName(id)));
    const reopened = await Workspace.open(dir, { checkIndexInBackground: true });
    const settled = await Promise.race([reopened.indexChecked.then(() => 'checked'), new Promise((resolve) => setTimeout(() => resolve('stalled'), 15_000))]);
    expect(settled).toBe('checked');
    expect(reopened.notices.join('\n')).toMatch(/was missing\. It was restored from the backup of /);
    expect((await reopened.readDocument(id)).document.meta).toEqual({});
    await reopened.close();
  }, 30_000);
});

describe('exports carry the metadata', () => {
  it('JSONL has it on each document line, CSV as outlet, published_at and url on each row', async () => {
    const ws = await Workspace.open(tempDir());
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const id = ws.documentIdsNamed('001_4cd43b957855e42c.txt')[0];
    await ws.updateDocument(id, (file) => editDocumentDetails(file, { meta: { publishedAt: '2016-12-08', url: 'https://www.business-standard.com/x' } }));
    await ws.updateDocument(id, (file) => createAnnotation(file, { docId: id, label: 'actor', start: 0, end: 9 }, ws.labels, { annotator: 'ann', now: '2026-12-05T00:00:00.000Z' }));
    const file = await ws.readDocument(id);
    expect(JSON.parse(jsonlLine(file)).meta).toEqual({ outlet: 'Business Standard', publishedAt: '2016-12-08', url: 'https://www.business-standard.com/x' });
    const [header, row] = parseCsv(CSV_HEADER + csvRows(file)) as string[][];
    const outlet = header.indexOf('outlet');
    expect(header.slice(outlet, outlet + 3)).toEqual(['outlet', 'published_at', 'url']);
    expect(row.slice(outlet, outlet + 3)).toEqual(['Business Standard', '2016-12-08', 'https://www.business-standard.com/x']);
    await ws.close();
  });
});

describe('metadata sidecars', () => {
  it('the seeds come with only what their texts state (one names Business Standard)', async () => {
    const ws = await Workspace.open(tempDir());
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const outlets = ws.listDocuments().map((d) => d.meta);
    expect(outlets.filter((m) => Object.keys(m).length)).toEqual([{ outlet: 'Business Standard' }]);
    expect(ws.outlets()).toEqual([{ outlet: 'Business Standard', documents: 1 }]);
    expect((await ws.libraryPage({ offset: 0, limit: 10, outlet: 'business standard' })).documents.map((d) => d.sourceName)).toEqual(['001_4cd43b957855e42c.txt']);
    expect((await ws.libraryPage({ offset: 0, limit: 10, sort: 'outlet' })).documents[0].sourceName).toBe('001_4cd43b957855e42c.txt');
    await ws.close();
  });

  it('CSV rows by id or file name, a report line for each row that cannot be used, the others applied', async () => {
    const ws = await Workspace.open(tempDir());
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const [first, second] = ws.listDocuments();
    const csv = [
      'id,source_name,title,outlet,published_at,tags,colour',
      `${first.id},,First retitled,Gulf News,2016-12-12,Syria;Aleppo,red`,
      `,${second.sourceName},,The Outlet,,,`,
      ',missing.txt,,X,,,',
      `${first.id},,,,last week,,`,
      ',,,Nobody,,,',
    ].join('\n');
    const sidecar = readSidecar(csv, true);
    const report = await applySidecar(ws, sidecar);
    expect(report.updated).toEqual(['row 2: First retitled', `row 3: ${second.title}`]);
    expect(report.problems).toEqual([
      'columns ignored (not metadata): colour',
      'row 5: meta.publishedAt: expected a date such as 2016-12-13, or a date and time such as 2016-12-13T09:30:00Z',
      'row 6: names no document (give id or sourceName)',
      'row 4: no document "missing.txt" in this workspace',
    ]);
    const listed = ws.documentSummaries([first.id])[0];
    expect(listed.title).toBe('First retitled');
    expect(listed.meta).toEqual({ outlet: 'Gulf News', publishedAt: '2016-12-12', tags: ['Syria', 'Aleppo'] });
    expect((await applySidecar(ws, sidecar)).unchanged).toEqual(['row 2: First retitled', `row 3: ${second.title}`]);
    await ws.close();
  });
});

describe('deleting documents', () => {
  it('takes a backup that holds them, removes them from the library, search and exports; undelete brings them back', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(dir);
    await importSeeds(ws, join(repoRoot, 'seeds'));
    const id = ws.documentIdsNamed('000_c762acb0b8e09f19.txt')[0];
    await ws.updateDocument(id, (file) => createAnnotation(file, { docId: id, label: 'figure', start: 0, end: 5 }, ws.labels, { annotator: 'ann', now: '2026-12-05T00:00:00.000Z' }));
    const { backup, deleted } = await ws.deleteDocuments([id]);
    expect(deleted.map((d) => d.id)).toEqual([id]);
    expect(ws.hasDocument(id)).toBe(false);
    expect(ws.documentCount()).toBe(4);
    expect(ws.documentIds()).not.toContain(id); // what every export goes through
    expect((await searchDocuments(ws, '13,346 civilians')).map((r) => r.id)).toEqual([]);
    expect(existsSync(join(dir, 'documents', documentFileName(id)))).toBe(false);
    expect(existsSync(join(dir, 'backups', backup, 'documents', documentFileName(id)))).toBe(true);
    expect(ws.labelCounts().figure ?? 0).toBe(0);
    await expect(ws.deleteDocuments([id])).rejects.toThrow(/no document sha256:\w+ in this workspace/);
    expect(await ws.undeleteDocuments([id], backup)).toEqual([id]);
    expect((await searchDocuments(ws, '13,346 civilians')).map((r) => r.id)).toEqual([id]);
    expect((await ws.readDocument(id)).annotations).toHaveLength(1);
    await ws.close();
    // Closed and opened again: as it was, and every file valid.
    const reopened = await Workspace.open(dir);
    expect(reopened.documentCount()).toBe(5);
    expect(reopened.notices).toEqual([]);
    await reopened.close();
  });
});

describe('exchange version 2 carries the metadata', () => {
  it('into an empty workspace as it was; into one that knows the document, filling empty fields and reporting the ones that differ', async () => {
    const source = await Workspace.open(tempDir());
    await importSeeds(source, join(repoRoot, 'seeds'));
    const id = source.documentIdsNamed('002_853c5aa4b7faf175.txt')[0];
    await source.updateDocument(id, (file) => editDocumentDetails(file, { meta: { outlet: 'The Outlet', publishedAt: '2016-12-13', tags: ['Aleppo'] } }));
    const files = await Promise.all(source.documentIds().map((d) => source.readDocument(d)));
    const exchange = exportExchange(files, source.labels, 'ana');
    expect(exchange.version).toBe(2);
    await source.close();
    const raw = JSON.stringify(exchange);

    const empty = await Workspace.open(tempDir());
    await importExchange(empty, 'x.awb.json', parseExchange('x.awb.json', raw));
    expect(empty.listDocuments().map((d) => [d.id, d.meta]).sort()).toEqual(files.map((f) => [f.document.id, f.document.meta]).sort());
    await empty.close();

    const known = await Workspace.open(tempDir());
    await importSeeds(known, join(repoRoot, 'seeds'));
    await known.updateDocument(id, (file) => editDocumentDetails(file, { meta: { outlet: 'Press Association' } }));
    const report = await importExchange(known, 'x.awb.json', parseExchange('x.awb.json', raw));
    expect(known.documentSummaries([id])[0].meta).toEqual({ outlet: 'Press Association', publishedAt: '2016-12-13', tags: ['Aleppo'] });
    expect(report.warnings).toContain(`${files.find((f) => f.document.id === id)!.document.title}: its outlet here is "Press Association", the file says "The Outlet"; this workspace's value was kept`);
    await known.close();
  });
});
