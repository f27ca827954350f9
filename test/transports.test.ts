import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiChannels, type Channel, type Reply, type WorkbenchApi } from '../preload/api';
import { importSeeds } from '../main/core/importArticles';
import { Workspace } from '../main/core/store/workspace';
import { fromAppFrame, registerIpc } from '../main/ipc/registerIpc';
import { createWorkbench } from '../main/service/workbench';
import { startWebServer, type WebServer } from '../main/web/webServer';
import { repoRoot, tempDir } from './helpers';
import { articleFromBytes } from '../main/core/text/readArticle';
import { encodeCall } from '../renderer/src/binaryCall';

let workspace: Workspace;
let server: WebServer;
let firstId: string;
const rendererDir = join(tempDir(), 'renderer');
const ipcHandlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
const appFrameEvent = { senderFrame: { url: 'app://workbench/index.html', parent: null } } as unknown as IpcMainInvokeEvent;

let api: WorkbenchApi;
/// A new annotation, or where the annotator already has that span and label (which is never
/// created twice, DESIGN §12: each channel's arguments are made once per transport) that one.
const span = async (label: string, start: number, end: number) => {
  try {
    return await api.annotations.create({ docId: firstId, label, start, end });
  } catch (error) {
    const same = (await api.documents.open(firstId)).annotations.findLast((a) => a.label === label && a.start >= start && a.end <= end); // trimmed
    if (!same) throw error;
    return same;
  }
};
let creates = 0;

/// Valid arguments for every channel, set up afresh for each call (each channel is called once per
/// transport). The test fails to compile when a channel is added without one.
const sampleArgs: { [C in Channel]: () => Promise<unknown[]> } = {
  'workspace.info': async () => [],
  'documents.list': async () => [{ offset: 0, limit: 50, sort: 'title', descending: true, filter: 'aleppo' }],
  'documents.summaries': async () => [[firstId, `sha256:${'0'.repeat(64)}`]],
  'documents.labelCounts': async () => [],
  'documents.open': async () => [firstId],
  'documents.import': async () => [[{ name: 'new.txt', bytes: Buffer.from('A new article') }]],
  // Refused in the report without a network: only http and https addresses are fetched.
  'documents.importUrl': async () => ['ftp://example.org/article.html'],
  'documents.search': async () => ['Aleppo'],
  'documents.update': async () => [firstId, { title: 'Aleppo, retitled', meta: { outlet: 'Business Standard', publishedAt: '2016-12-13', tags: ['aleppo'] } }],
  'documents.outlets': async () => [],
  'documents.setStatus': async () => [firstId, 'in-progress'],
  'documents.delete': async () => {
    const { document } = (await workspace.importArticle(articleFromBytes('to-delete.txt', new TextEncoder().encode(`To delete ${Math.random()}`)))) as { document: { id: string } };
    return [[document.id]];
  },
  'documents.undelete': async () => {
    const { document } = (await workspace.importArticle(articleFromBytes('to-undelete.txt', new TextEncoder().encode(`To undelete ${Math.random()}`)))) as { document: { id: string } };
    const { backup } = await api.documents.delete([document.id]);
    return [[document.id], backup];
  },
  'annotations.create': async () => [{ docId: firstId, label: creates++ % 2 ? 'location' : 'actor', start: 0, end: 5 }],
  'annotations.update': async () => [{ docId: firstId, id: (await span('actor', 6, 9)).id, label: 'location' }],
  'annotations.delete': async () => [firstId, (await span('figure', 10, 12)).id],
  'annotations.restore': async () => [firstId, await api.annotations.delete(firstId, (await span('figure', 13, 15)).id)],
  'tagAll.preview': async () => [{ phrase: 'Aleppo', label: 'location', scope: { kind: 'workspace' } }],
  'tagAll.apply': async () => {
    const [found] = (await api.tagAll.preview({ phrase: 'Aleppo', label: 'location', scope: { kind: 'workspace' } })).documents;
    return [{ phrase: 'Aleppo', label: 'location', occurrences: [{ docId: found.id, start: found.occurrences[0].start, end: found.occurrences[0].end }] }];
  },
  'tagAll.remove': async () => [[{ docId: firstId, id: (await span('location', 60, 66)).id }]],
  'tagAll.restore': async () => [await api.tagAll.remove([{ docId: firstId, id: (await span('location', 70, 76)).id }])],
  'suggestions.list': async () => [firstId, ['figure', 'quote']],
  'suggestions.dismiss': async () => [firstId, ['figure:figure:1-2']],
  'suggestions.undismiss': async () => [firstId, ['figure:figure:1-2']],
  'relations.set': async () => [firstId, 'speaker', (await span('quote', 20, 40)).id, (await span('actor', 22, 25)).id],
  'entities.list': async () => [],
  'entities.documents': async () => [(await api.entities.create({ name: `E ${Math.random()}`, type: 'actor' })).id, { offset: 0, limit: 100 }],
  'entities.create': async () => [{ name: `Russia ${Math.random()}`, type: 'location', aliases: ['Moscow'] }],
  'entities.update': async () => [(await api.entities.create({ name: `Lavrov ${Math.random()}`, type: 'actor' })).id, { name: `Sergei Lavrov ${Math.random()}` }],
  'entities.merge': async () => [
    (await api.entities.create({ name: `A ${Math.random()}`, type: 'actor' })).id,
    (await api.entities.create({ name: `B ${Math.random()}`, type: 'actor' })).id,
  ],
  'entities.delete': async () => [(await api.entities.create({ name: `C ${Math.random()}`, type: 'actor' })).id],
  'entities.restore': async () => [await api.entities.delete((await api.entities.create({ name: `D ${Math.random()}`, type: 'actor' })).id)],
  'labels.save': async () => [(await api.workspace.info()).labels],
  'settings.setAnnotator': async () => ['Analyst A'],
  'exports.build': async () => ['csv', { labels: ['actor'] }],
  'backups.list': async () => [],
  'backups.restore': async () => [(await workspace.backup()).name],
  'compare.figures': async () => [{ outlets: ['Business Standard'], from: '2016-12-01' }, { measure: 'civilians fled', offset: 0 }],
  'compare.quotes': async () => [{}, { speaker: 0, statement: 0 }],
  'compare.entities': async () => [{ labels: ['actor', 'location'] }],
  'compare.charts': async () => [{ annotators: ['Analyst A', 'root'] }, ['Analyst A', 'root']],
  'compare.csv': async () => ['figures', {}],
  'measures.list': async () => [],
  'measures.suggest': async () => [firstId, (await span('figure', 10, 12)).id],
  'review.annotators': async () => [],
  'review.compare': async () => ['Analyst A', 'root'],
  'review.decide': async () => [firstId, 'Analyst A', 'other', { a: (await span('location', 50, 56)).id }, { status: 'accepted' }],
  'review.curateAgreed': async () => [firstId, 'Analyst A', 'other'],
  'annotations.importFile': async () => [{ name: 'p.jsonl', base64: Buffer.from(JSON.stringify({ text: 'Imported over a transport.', spans: [{ start: 0, end: 8, label: 'actor' }] })).toString('base64') }, { annotator: 'Analyst A' }],
  'exchange.import': async () => {
    const built = await api.exports.build('exchange', {});
    return [{ name: 'mine.awb.json', base64: built.base64 }];
  },
};
const readOnly = new Set<Channel>(['workspace.info', 'documents.list', 'documents.summaries', 'documents.labelCounts', 'documents.open', 'documents.search', 'documents.outlets', 'exports.build', 'review.annotators', 'entities.list', 'entities.documents', 'compare.figures', 'compare.quotes', 'compare.entities', 'compare.charts', 'compare.csv', 'measures.list', 'tagAll.preview', 'suggestions.list']);

beforeAll(async () => {
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Annotation Workbench</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'index.js'), 'export {};');
  writeFileSync(join(tempDir(), 'secret.txt'), 'secret');
  workspace = await Workspace.open(tempDir());
  await importSeeds(workspace, join(repoRoot, 'seeds'));
  firstId = workspace.listDocuments()[0].id;
  api = createWorkbench(workspace);
  registerIpc({ handle: (channel, listener) => ipcHandlers.set(channel, listener) }, api);
  server = await startWebServer({ api, rendererDir, port: 0 });
});

afterAll(async () => {
  await server.close();
  await workspace.close();
});

interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/// A call as the app's browser-mode client sends it (bytes in arguments as they are).
const apiCall = async (channel: string, args: unknown[], headers: Record<string, string> = {}) => {
  const { contentType, body } = encodeCall(args);
  return http(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, 'X-AWB-Token': server.token, ...headers },
    body: typeof body === 'string' ? body : Buffer.from(await body.arrayBuffer()),
  });
};

describe('one contract, two transports', () => {
  it('IPC registers exactly the contract channels', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual([...apiChannels].sort());
  });

  for (const channel of apiChannels) {
    it(`${channel} is served by IPC and by HTTP with the same result`, async () => {
      const viaIpc = (await ipcHandlers.get(channel)!(appFrameEvent, ...(await sampleArgs[channel]()))) as Reply<unknown>;
      expect(viaIpc.ok, JSON.stringify(viaIpc)).toBe(true);
      const response = await apiCall(channel, await sampleArgs[channel]());
      expect(response.status).toBe(200);
      const viaHttp = JSON.parse(response.body) as Reply<unknown>;
      expect(viaHttp.ok, response.body).toBe(true);
      if (readOnly.has(channel)) expect(viaHttp).toEqual(viaIpc);
    });
  }

  it('both transports validate arguments with the same schemas', async () => {
    const viaIpc = (await ipcHandlers.get('documents.open')!(appFrameEvent, 'not-an-id')) as Reply<unknown>;
    const viaHttp = JSON.parse((await apiCall('documents.open', ['not-an-id'])).body) as Reply<unknown>;
    expect(viaIpc).toEqual(viaHttp);
    expect(viaIpc).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(JSON.parse((await apiCall('documents.list', [1])).body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    // A page holds at most 1,000 rows; the sort is one the index knows.
    for (const query of [{ offset: 0, limit: 1001 }, { offset: -1, limit: 10 }, { offset: 0, limit: 10, sort: 'random' }, {}]) {
      expect(JSON.parse((await apiCall('documents.list', [query])).body), JSON.stringify(query)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    }
  });

  it('IPC refuses calls from a frame that is not the app page', async () => {
    const foreign = { senderFrame: { url: 'https://example.com/', parent: null } } as unknown as IpcMainInvokeEvent;
    const sub = { senderFrame: { url: 'app://workbench/x.html', parent: {} } } as unknown as IpcMainInvokeEvent;
    expect(fromAppFrame(appFrameEvent)).toBe(true);
    expect(fromAppFrame(sub)).toBe(false);
    expect(await ipcHandlers.get('documents.list')!(foreign)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the library in pages', () => {
  it('documents.list sends one page, sorted and filtered by the service, with the counts', async () => {
    const all = workspace.listDocuments().length;
    const page = await api.documents.list({ offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: all, all, offset: 1 });
    expect(page.documents.map((d) => d.id)).toEqual(workspace.listDocuments().slice(1, 3).map((d) => d.id));
    expect(Object.keys(page.documents[0]).sort()).toEqual(['characters', 'counts', 'id', 'meta', 'mine', 'sourceName', 'status', 'title']);
    const titles = (await api.documents.list({ offset: 0, limit: 1000, sort: 'title' })).documents.map((d) => d.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    const filtered = await api.documents.list({ offset: 0, limit: 1000, filter: 'ALEPPO' });
    expect(filtered.total).toBe(filtered.documents.length);
    expect(filtered.total).toBeLessThan(all);
    for (const d of filtered.documents) expect(`${d.title}\n${d.sourceName}`.toLowerCase()).toContain('aleppo');
  });

  it('documents.summaries answers in the order asked, leaving out unknown ids; labelCounts sums the counts', async () => {
    const [a, b] = workspace.listDocuments();
    const unknown = `sha256:${'f'.repeat(64)}`;
    expect((await api.documents.summaries([b.id, unknown, a.id])).map((d) => d.id)).toEqual([b.id, a.id]);
    const sums: Record<string, number> = {};
    for (const d of workspace.listDocuments()) for (const [label, n] of Object.entries(d.counts)) sums[label] = (sums[label] ?? 0) + n;
    expect(await api.documents.labelCounts()).toEqual(sums);
  });
});

describe('browser mode refuses what it must', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const none = await http('/api/documents.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' });
    expect(none.status).toBe(401);
    const wrong = await apiCall('documents.list', [], { 'X-AWB-Token': 'x'.repeat(server.token.length) });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding), for pages and API alike', async () => {
    expect((await http('/', { headers: { Host: `evil.example:${server.port}` } })).status).toBe(421);
    expect((await apiCall('documents.list', [], { Host: 'evil.example' })).status).toBe(421);
    expect((await http('/', { headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('refuses a cross-site Origin and never sends CORS headers', async () => {
    const cross = await apiCall('documents.list', [], { Origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const same = await apiCall('documents.list', [], { Origin: `http://127.0.0.1:${server.port}` });
    expect(same.status).toBe(200);
    for (const r of [cross, same]) expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control'))).toEqual([]);
  });

  it('refuses non-JSON bodies, other methods and unknown methods', async () => {
    expect((await apiCall('documents.list', [], { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await http('/api/documents.list', { headers: { 'X-AWB-Token': server.token } })).status).toBe(405);
    expect(JSON.parse((await apiCall('documents.delete_everything', [])).body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('refuses a request body over the size limit', async () => {
    const small = await startWebServer({ api, rendererDir, port: 0, maxBodyBytes: 1000 });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: small.port, path: '/api/documents.list', method: 'POST', headers: { 'Content-Type': 'application/json', 'X-AWB-Token': small.token } },
          (res) => (res.resume(), resolve(res.statusCode ?? 0)),
        );
        req.on('error', reject);
        req.end(JSON.stringify(['x'.repeat(5000)]));
      });
      expect(status).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('lets no response be stored: the page at the token address, files, API replies and refusals', async () => {
    const responses = {
      'token page': await http(`/?token=${server.token}`),
      page: await http('/'),
      script: await http('/assets/index.js'),
      'not found': await http('/nope.js'),
      'API reply': await apiCall('documents.list', [{ offset: 0, limit: 10 }]),
      'API refusal': await apiCall('documents.list', [], { 'X-AWB-Token': 'wrong' }),
      'foreign Host': await http(`/?token=${server.token}`, { headers: { Host: 'evil.example' } }),
    };
    expect(responses['token page'].status).toBe(200);
    expect(responses.script.status).toBe(200);
    for (const [what, response] of Object.entries(responses)) expect(response.headers['cache-control'], what).toBe('no-store');
  });

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const page = await http('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    for (const path of ['/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%00', '/nope.js']) {
      expect((await http(path)).status, path).toBe(404);
    }
  });
});
