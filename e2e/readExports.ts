// Saves the exchange, JSONL, CSV, brat and W3C exports of the workspace through the Export
// dialog, as downloads, and reads each back as its own readers would, to check that a figure's
// source and a quote's speaker (with their entities) travel in every one.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { exportAs } from './pageActions';
import { expect } from './workbench';

/// What one journey linked: a figure (its text and measure) to its source, a quote (the start of
/// its text) to its speaker, both actors named by entities of the same names.
export interface Attribution {
  figure: string;
  measure: string;
  source: string;
  quoteStart: string;
  speaker: string;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/// The five exports, parsed.
export interface ReadExports {
  expectAttribution(expected: Attribution): void;
}

/// Exports the whole workspace in each format into `dir` and reads the files back.
export async function readExports(page: Page, dir: string): Promise<ReadExports> {
  await page.getByTestId('export-button').click();
  const saved: Record<string, string> = {};
  for (const format of ['exchange', 'jsonl', 'csv', 'brat', 'w3c']) saved[format] = (await exportAs(page, format, dir)).path;
  await page.keyboard.press('Escape');
  const exchange = JSON.parse(readFileSync(saved.exchange, 'utf8')) as Json;
  const jsonl = readFileSync(saved.jsonl, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Json);
  const csv = parse(readFileSync(saved.csv, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  const brat = Object.fromEntries(Object.entries(unzipSync(readFileSync(saved.brat))).map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]));
  const w3c = JSON.parse(readFileSync(saved.w3c, 'utf8')) as Json;

  return {
    expectAttribution({ figure, measure, source, quoteStart, speaker }) {
      // Exchange: the entities, the measure, and both links between the right spans.
      const entityIds = new Map((exchange.entities as Json[]).map((e) => [e.name, e.id]));
      expect([...entityIds.keys()].sort()).toEqual([source, speaker].sort());
      const spans = (exchange.documents as Json[]).flatMap((d) => d.annotations as Json[]);
      const relations = (exchange.documents as Json[]).flatMap((d) => d.relations as Json[]);
      const span = (text: string) => spans.find((a) => (a.text as string).startsWith(text))!;
      expect(span(figure).attributes).toEqual({ measure });
      expect(span(figure).quantity).toMatchObject({ low: 10000, high: 13000, approximate: true });
      expect(span(source).entityId).toBe(entityIds.get(source));
      expect(span(speaker).entityId).toBe(entityIds.get(speaker));
      expect(relations.map((r) => [r.type, r.from, r.to]).sort()).toEqual(
        [
          ['source', span(figure).id, span(source).id],
          ['speaker', span(quoteStart).id, span(speaker).id],
        ].sort(),
      );

      // JSONL: spans name their entity, links keep their type (indexes into the spans).
      const line = jsonl.find((l) => (l.spans as Json[]).length > 0)!;
      const at = (text: string) => (line.spans as Json[]).findIndex((s) => (s.text as string).startsWith(text));
      expect((line.spans as Json[])[at(source)].entity).toEqual({ id: entityIds.get(source), name: source });
      expect((line.spans as Json[])[at(figure)].attributes).toEqual({ measure });
      expect((line.relations as Json[]).map((r) => [r.type, r.from, r.to]).sort()).toEqual(
        [
          ['source', at(figure), at(source)],
          ['speaker', at(quoteStart), at(speaker)],
        ].sort(),
      );

      // CSV: the figure's row names its measure and its source; the quote's its speaker.
      const row = (text: string) => csv.find((r) => r.text.startsWith(text))!;
      expect(row(figure)).toMatchObject({ measure, low: '10000', high: '13000', speaker_or_source_text: source, speaker_or_source_entity: source });
      expect(row(quoteStart)).toMatchObject({ speaker_or_source_text: speaker, speaker_or_source_entity: speaker });
      expect(row(source)).toMatchObject({ entity_id: entityIds.get(source), entity_name: source });

      // brat: T lines, the Source and Speaker relations between them, N lines for the entities, an A line for the measure.
      const ann = Object.entries(brat).find(([name, content]) => name.endsWith('.ann') && content.includes('\t'))![1];
      const t = (text: string) => ann.split('\n').find((l) => /^T\d+\t/.test(l) && l.split('\t')[2].startsWith(text))!.split('\t')[0];
      expect(ann).toContain(`Source Arg1:${t(figure)} Arg2:${t(source)}`);
      expect(ann).toContain(`Speaker Arg1:${t(quoteStart)} Arg2:${t(speaker)}`);
      expect(ann).toMatch(new RegExp(`^N\\d+\\tReference ${t(source)} AWB:${entityIds.get(source)}\\t${source}$`, 'm'));
      expect(ann).toMatch(new RegExp(`^A\\d+\\tMeasure ${t(figure)} ${encodeURIComponent(measure)}$`, 'm'));

      // W3C: an identifying body on the actor, and one linking annotation per link.
      const items = w3c.first.items as Json[];
      const tagged = (text: string) => items.find((i) => i.motivation === 'tagging' && (i.target.selector as Json[]).some((s) => s.type === 'TextQuoteSelector' && (s.exact as string).startsWith(text)))!;
      expect(tagged(source).body).toContainEqual({ type: 'SpecificResource', purpose: 'identifying', source: { id: `urn:uuid:${entityIds.get(source)}`, label: source } });
      const linking = items.filter((i) => i.motivation === 'linking').map((i) => [i.label, i.target, i.body]);
      expect(linking.sort()).toEqual(
        [
          ['source', tagged(figure).id, tagged(source).id],
          ['speaker', tagged(quoteStart).id, tagged(speaker).id],
        ].sort(),
      );
    },
  };
}
