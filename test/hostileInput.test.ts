// The hostile input corpus (test/fixtures/hostile, plus a few large files made here): every file
// has an asserted outcome — imported exactly as DESIGN §3 says, or refused with a specific message
// — and never a crash, a partial write or a polluted prototype.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importExchange, parseExchange } from '../main/core/exchange/importExchange';
import { importArticleFiles } from '../main/core/importArticles';
import { checkWorkspace } from '../main/core/store/checkWorkspace';
import { Workspace } from '../main/core/store/workspace';
import { repoRoot, tempDir } from './helpers';

const corpus = join(repoRoot, 'test', 'fixtures', 'hostile');
const generated = tempDir('awb-hostile-');
writeFileSync(join(generated, 'long-line-1mb.txt'), 'Aleppo civilians left. '.repeat(45_600));
writeFileSync(join(generated, 'over-20mb.txt'), Buffer.alloc(20 * 1024 * 1024 + 1, 0x61));
const bigText = 'Geneva talks. '.repeat(10_000);
writeFileSync(
  join(generated, '100k-annotations.awb.json'),
  JSON.stringify({
    format: 'annotation-workbench', version: 1, offsets: 'codepoints', exportedAt: '2026-11-22T00:00:00.000Z', exportedBy: 'ben',
    labels: [{ id: 'location', name: 'Location', color: '#1f9d6b' }],
    documents: [{
      id: 'sha256:' + createHash('sha256').update(bigText).digest('hex'), title: 'Big', text: bigText, relations: [],
      annotations: Array.from({ length: 100_000 }, (_, i) => ({
        id: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, label: 'location', start: (i % 10_000) * 14, end: (i % 10_000) * 14 + 6,
        text: 'Geneva', annotator: `a${Math.floor(i / 10_000)}`, createdAt: '2026-11-22T00:00:00.000Z',
      })),
    }],
  }),
);

// Over the per-file annotation limit (entries need not be valid: the count is checked first).
writeFileSync(
  join(generated, 'over-200k-annotations.awb.json'),
  JSON.stringify({
    format: 'annotation-workbench', version: 1, offsets: 'codepoints', exportedAt: '2026-11-22T00:00:00.000Z', exportedBy: 'ben', labels: [],
    documents: [{ annotations: new Array(150_000).fill({}) }, { annotations: new Array(50_001).fill({}) }],
  }),
);
writeFileSync(join(generated, 'over-64mb.awb.json'), `{"format":"annotation-workbench","pad":"${'x'.repeat(64 * 1024 * 1024)}"}`);

const sample = 'Aleppo — “13,346” civilians left 😀\nSecond line';

/// Articles: the exact text they must import as, or the reason they must be refused for.
const ARTICLES: Record<string, { text: string; warning?: RegExp } | { rejected: string }> = {
  'utf16le-bom.txt': { text: sample },
  'utf16be-bom.txt': { text: sample },
  'utf16le-no-bom.txt': { rejected: 'binary file (contains NUL bytes), not text' },
  'windows-1252.txt': { text: '“Café” – 5€', warning: /read as Windows-1252/ },
  'invalid-utf8.txt': { text: 'Aleppo Ã( ÿ', warning: /not valid UTF-8/ },
  'surrogate-utf8.txt': { text: 'aí\u00a0€b', warning: /not valid UTF-8/ },
  'utf8-one-bad-byte.txt': { text: 'Café “Aleppo” – \uFFFD 😀 end\n', warning: /: invalid UTF-8 at byte 23; replaced with U\+FFFD$/ },
  'utf8-bom.txt': { text: sample },
  'crlf.txt': { text: 'one\ntwo\n\nthree\n' },
  'lone-cr.txt': { text: 'one\ntwo\n\nthree' },
  'mixed-line-ends.txt': { text: 'a\nb\nc\nd\n\ne' },
  'decomposed-nfd.txt': { text: 'Café Köln Zürich Å' },
  'emoji-zwj.txt': { text: 'Family 👨‍👩‍👧‍👦, flag 🇸🇾, rainbow 🏳️‍🌈, skin 👍🏽, keycap 1️⃣.' },
  'rtl-arabic-hebrew.txt': { text: 'قال المرصد السوري إن 13,346 مدنياً غادروا حلب.\nשלום עולם, Aleppo.\n\u200fمرحبا\u200e' },
  'bidi-controls.txt': { text: 'Invoice \u202Egnp.exe\u202C and \u2066isolate\u2069 text' },
  'zero-width.txt': { text: 'zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFinside' },
  'control-characters.txt': { text: 'bell \u0007 escape \u001b[31m red \u001b[0m vertical\u000btab form\u000cfeed' },
  'empty.txt': { rejected: 'the file is empty' },
  'whitespace-only.txt': { rejected: 'the file contains only whitespace' },
  'binary-png.txt': { rejected: 'binary file (contains NUL bytes), not text' },
  'nul-in-text.txt': { rejected: 'binary file (contains NUL bytes), not text' },
  'script-style-events.html': { text: 'Aleppo falls\n\nCivilians fled & rebels left.' },
  'looks-like-html.txt': { text: '<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n<b>not bold</b>' },
  'markdown.md': { text: '# Heading\n\n*Aleppo* and [link](javascript:alert(1))\n' },
  'only-script.html': { rejected: 'the page has no visible text' },
  'html-entities.html': { text: '<script> "quoted" 😀 é\u00a0end' },
  'windows-1252.html': { text: '“Café”', warning: /Windows-1252/ },
  'report.pdf': { rejected: 'is not a readable PDF (damaged or truncated)' },
  'long-title.txt': { text: 'T'.repeat(10) + ' word'.repeat(100) + '\nbody' },
  'long-line-1mb.txt': { text: 'Aleppo civilians left. '.repeat(45_600) },
  'over-20mb.txt': { rejected: 'file is 20.0 MB, over the 20 MB limit' },
};

/// Exchange files: refused whole with a reason, or imported with these counts (and warnings).
const EXCHANGES: Record<string, { rejected: string } | { added: number; skipped: RegExp[]; warnings?: RegExp[] }> = {
  'not-json.awb.json': { rejected: 'not JSON' },
  'wrong-format.awb.json': { rejected: 'not an Annotation Workbench exchange file ("format" is "doccano")' },
  'future-version.awb.json': { rejected: 'exchange version 3 is not supported (this build reads versions 1 and 2)' },
  'proto-top-level.awb.json': { rejected: 'Unrecognized key: "__proto__"' },
  'constructor-key.awb.json': { added: 1, skipped: [/Unrecognized key: "constructor"/] },
  'proto-in-note.awb.json': { added: 1, skipped: [/Unrecognized key: "__proto__"/] },
  'negative-offsets.awb.json': { added: 1, skipped: [/span -5–-1 is outside the text, and the text does not occur/] },
  'huge-offsets.awb.json': { added: 0, skipped: [/span 1000000000000000–1000000000000006 is outside the text/, /start: Too big: expected int/] },
  'duplicate-ids.awb.json': { added: 1, skipped: [/already exists with other content/] },
  'id-mismatch.awb.json': { added: 0, skipped: [/its id does not match the SHA-256 of its text/] },
  'text-mismatch.awb.json': { added: 0, skipped: [/its text does not match the document at its offsets, and the text does not occur/] },
  'float-offsets.awb.json': { added: 0, skipped: [/start: Invalid input: expected int/] },
  'deep-nesting.awb.json': { rejected: 'not an exchange file (expected a JSON object)' },
  '100k-annotations.awb.json': { added: 50_000, skipped: [/^not added: the document already holds 50,000 annotations, the most one document may hold$/] },
  'over-200k-annotations.awb.json': { rejected: 'the file holds 200,001 annotations, over the limit of 200,000 per exchange file' },
  'over-64mb.awb.json': { rejected: 'file is 64.0 MB, over the 64 MB limit for an exchange file' },
  'split-surrogate.awb.json': {
    added: 1,
    skipped: [
      /^span 40–41 is outside the text; where its text occurs, the span ends inside a character \(it would cut an emoji/,
      /^its text does not match the document at its offsets; where its text occurs, the span starts inside a character/,
    ],
  },
  'invalid-label-colour.awb.json': {
    added: 1,
    skipped: [/^not added: its colour "red" is not of the form #rrggbb$/, /^unknown label "venue" \(its entry in the file's labels was not added, see above\)$/],
  },
};

/// The exchange files made here rather than kept in the corpus.
const GENERATED_EXCHANGES = ['100k-annotations.awb.json', 'over-200k-annotations.awb.json', 'over-64mb.awb.json'];

const workspaceDir = tempDir();
let workspace: Workspace;

afterAll(async () => {
  await workspace?.close();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((await checkWorkspace(workspaceDir)).problems).toEqual([]);
});

describe('hostile articles', () => {
  it('the corpus has at least 25 article files, every one with an asserted outcome', () => {
    const files = [...readdirSync(join(corpus, 'articles')), 'long-line-1mb.txt', 'over-20mb.txt'];
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(files.sort()).toEqual(Object.keys(ARTICLES).sort());
  });

  for (const [name, outcome] of Object.entries(ARTICLES)) {
    it(`${name}: ${'rejected' in outcome ? `refused (${outcome.rejected})` : 'imported exactly'}`, async () => {
      workspace ??= await Workspace.open(workspaceDir);
      const path = ['long-line-1mb.txt', 'over-20mb.txt'].includes(name) ? join(generated, name) : join(corpus, 'articles', name);
      const before = workspace.listDocuments().length;
      const report = await importArticleFiles(workspace, [path]);
      if ('rejected' in outcome) {
        expect(report.rejected).toEqual([{ name: path, reason: outcome.rejected }]);
        expect(workspace.listDocuments()).toHaveLength(before);
        return;
      }
      expect(report.rejected).toEqual([]);
      const entry = report.imported[0] ?? report.duplicates[0];
      const stored = await workspace.readDocument(entry.document.id);
      expect(stored.document.text).toBe(outcome.text);
      expect(entry.document.id).toBe('sha256:' + createHash('sha256').update(outcome.text, 'utf8').digest('hex'));
      if (outcome.warning) expect(report.imported[0].warnings.join()).toMatch(outcome.warning);
    });
  }
});

describe('hostile exchange files', () => {
  it('the corpus has at least 10 exchange files, every one with an asserted outcome', () => {
    const files = [...readdirSync(join(corpus, 'exchange')), ...GENERATED_EXCHANGES];
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files.sort()).toEqual(Object.keys(EXCHANGES).sort());
  });

  for (const [name, outcome] of Object.entries(EXCHANGES)) {
    it(`${name}: ${'rejected' in outcome ? `refused whole (${outcome.rejected})` : `${outcome.added} added, ${outcome.skipped.length} skipped`}`, async () => {
      workspace ??= await Workspace.open(workspaceDir);
      const path = GENERATED_EXCHANGES.includes(name) ? join(generated, name) : join(corpus, 'exchange', name);
      const raw = readFileSync(path, 'utf8');
      const files = readdirSync(join(workspaceDir, 'documents')).length;
      if ('rejected' in outcome) {
        expect(() => parseExchange(name, raw)).toThrow(outcome.rejected);
        expect(readdirSync(join(workspaceDir, 'documents'))).toHaveLength(files);
        return;
      }
      const report = await importExchange(workspace, name, parseExchange(name, raw));
      expect(report.annotationsAdded + report.annotationsAlreadyPresent).toBe(outcome.added);
      expect(report.skipped).toHaveLength(outcome.skipped.length);
      report.skipped.forEach((s, i) => expect(s.reason).toMatch(outcome.skipped[i]));
      expect(report.warnings).toHaveLength(outcome.warnings?.length ?? 0);
      report.warnings.forEach((w, i) => expect(w).toMatch(outcome.warnings![i]));
      // No span may be empty or cut a character, so none is empty in code points either.
      for (const id of new Set(workspace.listDocuments().map((d) => d.id))) {
        const stored = await workspace.readDocument(id);
        for (const a of stored.annotations) {
          expect(a.quote, a.id).toBe(stored.document.text.slice(a.start, a.end));
          expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(a.quote), a.id).toBe(false);
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, 60_000);
  }
});
