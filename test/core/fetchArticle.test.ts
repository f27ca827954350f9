// Importing an article from a web address, against a local HTTP server: a page read as a page
// whatever its address, its own URL kept or the fetched address given; redirects followed up to
// the limit and only to http(s); sizes refused from the header before reading and while reading;
// a server that never answers refused at the time limit; failures named in words, per address,
// with nothing imported.
import { createServer, type Server } from 'node:http';
import iconv from 'iconv-lite';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchArticle, fileNameFor } from '../../main/core/fetchArticle';
import { importArticleFromUrl } from '../../main/core/importArticles';
import { Workspace } from '../../main/core/store/workspace';
import { tempDir } from '../helpers';

const PAGE = `<!doctype html><html><head><title>Evacuation of Aleppo</title>
<meta property="og:url" content="https://news.example.org/aleppo-evacuation"></head>
<body><article><h1>Evacuation of Aleppo</h1><p>More than 730 civilians left the eastern districts on Tuesday, officials said.</p>
<p>The buses left at dawn and reached the western countryside by the afternoon.</p></article></body></html>`;
const PLAIN_PAGE = PAGE.replace(/<meta property="og:url"[^>]*>/, '').replace('Tuesday', 'Wednesday');

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/story') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    if (path === '/plain-story') return res.writeHead(200, { 'content-type': 'text/html' }).end(PLAIN_PAGE);
    if (path === '/notes.txt') return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('Notes from the evacuation of Aleppo.');
    if (path === '/cyrillic') return res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(iconv.encode('<html><head><title>Алеппо</title></head><body><p>Эвакуация жителей Алеппо продолжается.</p></body></html>', 'windows-1251'));
    if (path === '/klingon') return res.writeHead(200, { 'content-type': 'text/plain; charset=x-klingon' }).end('qapla');
    if (path === '/image') return res.writeHead(200, { 'content-type': 'image/png' }).end('png');
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop) return res.writeHead(302, { location: Number(hop[1]) > 0 ? `/hop/${Number(hop[1]) - 1}` : '/story' }).end();
    if (path === '/to-file') return res.writeHead(301, { location: 'file:///etc/passwd' }).end();
    if (path === '/declared-huge') return res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(30 * 1024 * 1024) }).end();
    if (path === '/streamed-huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const more = () => {
        while (sent < 2 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', more);
        }
        res.end();
      };
      return more();
    }
    if (path === '/silent') return; // never answers
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const limits = { maxBytes: 1024 * 1024, timeoutMs: 1500, maxRedirects: 3 };

describe('fetchArticle', () => {
  it('names the file by what the server says it is, not by the address', async () => {
    const fetched = await fetchArticle(`${base}/story`, limits);
    expect(fetched.name).toBe('story.html');
    expect(Buffer.from(fetched.bytes).toString('utf8')).toBe(PAGE);
    expect(fetched.url).toBe(`${base}/story`);
  });

  it('follows redirects up to the limit, and reports where it ended', async () => {
    expect((await fetchArticle(`${base}/hop/2`, limits)).url).toBe(`${base}/story`);
    await expect(fetchArticle(`${base}/hop/3`, limits)).rejects.toThrow(`${base}/hop/3: redirects more than 3 times`);
  });

  it.each([
    ['file:///etc/passwd', 'is not a web address: only http:// and https:// addresses can be imported'],
    ['javascript:alert(1)', 'is not a web address'],
    ['not an address', 'is not a web address'],
  ])('refuses %s', async (address, reason) => {
    await expect(fetchArticle(address, limits)).rejects.toThrow(reason);
  });

  it('refuses a redirect to anything but http or https', async () => {
    await expect(fetchArticle(`${base}/to-file`, limits)).rejects.toThrow('redirects to file:///etc/passwd, which is not an http or https address');
  });

  it('refuses a body over the limit: from its declared size, and while reading one that does not say', async () => {
    await expect(fetchArticle(`${base}/declared-huge`, limits)).rejects.toThrow('is 30 MB, over the 1 MB limit');
    await expect(fetchArticle(`${base}/streamed-huge`, limits)).rejects.toThrow('is over the 1 MB limit');
  });

  it('refuses what is not an article, a missing page, a server that never answers and one that is not there', async () => {
    await expect(fetchArticle(`${base}/image`, limits)).rejects.toThrow('the address serves image/png, not an article');
    await expect(fetchArticle(`${base}/gone`, limits)).rejects.toThrow('the server answered 404 Not Found');
    await expect(fetchArticle(`${base}/silent`, limits)).rejects.toThrow('took longer than 1.5 s to fetch');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchArticle(`http://127.0.0.1:${port}/story`, limits)).rejects.toThrow('could not be fetched (the connection was refused)');
  });

  it('reads a page in the character set the server names, and refuses one it cannot read', async () => {
    const fetched = await fetchArticle(`${base}/cyrillic`, limits);
    expect(Buffer.from(fetched.bytes).toString('utf8')).toContain('Эвакуация жителей Алеппо продолжается.');
    await expect(fetchArticle(`${base}/klingon`, limits)).rejects.toThrow('the page is in a character set this app cannot read (x-klingon)');
  });

  it('takes the extension from the address when the server does not say what the file is', async () => {
    expect((await fetchArticle(`${base}/notes.txt`, limits)).name).toBe('notes.txt');
    expect(fileNameFor(new URL('https://example.org/'), 'text/html')).toBe('example.org.html');
    expect(fileNameFor(new URL('https://example.org/a/report%20final.pdf?x=1'), 'application/pdf')).toBe('report final.pdf');
  });
});

describe('importArticleFromUrl', () => {
  let workspace: Workspace;
  beforeEach(async () => {
    workspace = await Workspace.open(join(tempDir(), 'w'), { app: 'test' });
  });
  afterEach(() => workspace.close());

  it("keeps the page's own address, or gives the fetched one when the page states none", async () => {
    const own = await importArticleFromUrl(workspace, `${base}/story`, limits);
    expect(own.rejected).toEqual([]);
    const [first] = own.imported;
    expect(first.name).toBe(`${base}/story`);
    expect((await workspace.readDocument(first.document.id)).document.meta.url).toBe('https://news.example.org/aleppo-evacuation');
    const plain = await importArticleFromUrl(workspace, `${base}/plain-story`, limits);
    expect((await workspace.readDocument(plain.imported[0].document.id)).document.meta.url).toBe(`${base}/plain-story`);
    expect((await workspace.readDocument(plain.imported[0].document.id)).document.text).toContain('More than 730 civilians left the eastern districts');
  });

  it('reports a failure by address and reason, importing nothing', async () => {
    const report = await importArticleFromUrl(workspace, `${base}/gone`, limits);
    expect(report).toEqual({ imported: [], duplicates: [], rejected: [{ name: `${base}/gone`, reason: 'the server answered 404 Not Found' }] });
    expect(workspace.documentIds()).toHaveLength(0);
  });
});
