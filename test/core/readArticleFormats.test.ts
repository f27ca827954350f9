// Articles from a saved news page, a PDF and a Word file (test/fixtures/articles, made by
// LibreOffice from the seeds): the article's own text, paragraph by paragraph, none of the page's
// boilerplate, and the metadata the file states.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticleFiles } from '../../main/core/importArticles';
import { Workspace } from '../../main/core/store/workspace';
import { articleFromBytes, readArticleBytes, readArticleFile } from '../../main/core/text/readArticle';
import { htmlArticleText } from '../../main/core/text/readHtmlArticle';
import { repoRoot, tempDir } from '../helpers';

const fixtures = join(repoRoot, 'test', 'fixtures', 'articles');
const fixture = (name: string) => readFileSync(join(fixtures, name));
const seedParagraphs = (name: string) =>
  readFileSync(join(repoRoot, 'seeds', name), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/// Seed 001 as the office documents hold it: the headline, then each line of the seed a paragraph.
const OFFICE_TITLE = 'Russia says talks with US on Aleppo rebel evacuation';
const officeParagraphs = [OFFICE_TITLE, ...seedParagraphs('001_4cd43b957855e42c.txt')];

describe('a saved news page', () => {
  const page = fixture('saved-news-page.html');
  const article = articleFromBytes('saved-news-page.html', page);
  const seed = seedParagraphs('003_1c908b89b4219beb.txt');

  it("is the article: headline, byline and the nine paragraphs, each a paragraph, in the page's order", () => {
    expect(article.text.split('\n\n')).toEqual([seed[0], 'By Sam Reporter, Beirut', ...seed.slice(1, 10)]);
  });

  it('has none of the menu, ads, cookie banner, paywall box, related links or footer', () => {
    for (const boilerplate of [
      'cookies', 'Accept all', 'Politics', 'Sport', 'Advertisement', 'holiday', 'Read more', 'Syria talks stall', 'Aid convoy',
      'Subscribe', 'free articles', 'Already a subscriber', 'More from World', 'Oil prices', 'Sponsored', 'Copyright', 'Privacy policy',
      'tracking pixel', 'dataLayer',
    ]) {
      expect(article.text, boilerplate).not.toContain(boilerplate);
    }
  });

  it("keeps the page's metadata (Open Graph, article:*, author, canonical link, language, JSON-LD keywords)", () => {
    expect(article.title).toBe(seed[0]);
    expect(article.meta).toEqual({
      outlet: 'The Daily Courier',
      publishedAt: '2016-12-08T10:15:00+00:00',
      author: 'Sam Reporter',
      url: 'https://courier.example/world/2016/12/08/aleppo-combat-stopped',
      language: 'en-GB',
      tags: ['Syria', 'Aleppo'],
    });
  });

  it('a page that is only text is read whole, as before (Readability finds no article in it)', () => {
    const short = '<html><body><nav>Home</nav><h1>Talks</h1><p>Talks resumed in Geneva.</p><footer>Footer</footer></body></html>';
    expect(htmlArticleText(short)).toEqual({ text: 'Home\n\nTalks\n\nTalks resumed in Geneva.\n\nFooter', extracted: false });
    expect(htmlArticleText(page.toString('utf8')).extracted).toBe(true);
  });

  it('a page of more than 15,000 elements is read whole too, quickly (it is not one news article)', () => {
    const paragraph = '<p>Syrian rebels have left the old city of Aleppo, the Observatory said on Monday.</p>';
    const huge = `<html><body><nav>Home</nav><article>${paragraph.repeat(15_001)}</article></body></html>`;
    const started = Date.now();
    const read = htmlArticleText(huge);
    expect(read.extracted).toBe(false);
    expect(read.text.startsWith('Home\n\nSyrian rebels')).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('a PDF exported by LibreOffice', async () => {
  const article = await readArticleBytes('aleppo-talks.pdf', fixture('aleppo-talks.pdf'));

  it("is the seed's text, paragraph by paragraph: lines joined, headline first", () => {
    expect(article.text.split('\n\n')).toEqual(officeParagraphs);
  });

  it('undoes hyphenation at line ends and keeps real hyphens broken there', () => {
    // In the PDF: "time-|frame", "coun-|tries" (hyphenation) and "al-|Hamawi" (a hyphen of the name).
    expect(article.text).toContain('the concrete route and timeframe for the withdrawal');
    expect(article.text).toContain('Shiite fighters from other countries.');
    expect(article.text).toContain('said Abu Abdel Rahman al-Hamawi of the Army of Islam');
    expect(article.text).not.toMatch(/\p{L}- \p{L}/u);
  });

  it('drops the running header and footer of its 3 pages', () => {
    expect(article.text).not.toMatch(/Page \d of \d/);
    const seedCount = (readFileSync(join(repoRoot, 'seeds', '001_4cd43b957855e42c.txt'), 'utf8').match(/Business Standard/g) ?? []).length;
    expect((article.text.match(/Business Standard/g) ?? []).length).toBe(seedCount);
  });

  it('states its title, author and date (the Info dictionary)', () => {
    expect(article.title).toBe(OFFICE_TITLE);
    expect(article.meta.author).toBe('Agence France-Presse');
    expect(article.meta.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/); // when LibreOffice wrote it
    expect(article.meta.outlet).toBeUndefined();
  });
});

describe('a Word document saved by LibreOffice', async () => {
  const article = await readArticleBytes('aleppo-talks.docx', fixture('aleppo-talks.docx'));

  it("is the seed's text, one paragraph per Word paragraph (headers and footers are not the body)", () => {
    expect(article.text.split('\n\n')).toEqual(officeParagraphs);
  });

  it('states its title, creator and creation date (docProps/core.xml)', () => {
    expect(article.title).toBe(OFFICE_TITLE);
    expect(article.meta).toEqual({ author: 'Agence France-Presse', publishedAt: '2016-12-05T09:30:00Z' });
  });
});

describe('importing PDF and Word files from disk', () => {
  const dir = tempDir('awb-formats-');
  it('readArticleFile reads them; the PDF and the Word file of one article are one text', async () => {
    const pdf = await readArticleFile(join(fixtures, 'aleppo-talks.pdf'));
    const docx = await readArticleFile(join(fixtures, 'aleppo-talks.docx'));
    expect(pdf.id).toBe(docx.id);
    expect(pdf.sourceName).toBe('aleppo-talks.pdf');
  });

  it('importArticleFiles stores them; the second is the same document', async () => {
    const workspace = await Workspace.open(join(dir, 'ws'), { app: 'test' });
    try {
      const report = await importArticleFiles(workspace, [join(fixtures, 'aleppo-talks.pdf'), join(fixtures, 'aleppo-talks.docx'), join(fixtures, 'saved-news-page.html')]);
      expect(report.rejected).toEqual([]);
      expect(report.imported.map((i) => i.document.title)).toEqual([OFFICE_TITLE, seedParagraphs('003_1c908b89b4219beb.txt')[0]]);
      expect(report.duplicates.map((d) => d.name)).toEqual([join(fixtures, 'aleppo-talks.docx')]);
      expect(report.imported[0].document.meta.author).toBe('Agence France-Presse');
    } finally {
      await workspace.close();
    }
  });

  it('articleFromBytes, which is synchronous, says to use readArticleBytes for them', () => {
    expect(() => articleFromBytes('a.pdf', fixture('aleppo-talks.pdf'))).toThrow('a.pdf: a PDF file is read with readArticleBytes, not articleFromBytes');
  });
});
