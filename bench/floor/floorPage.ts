/// The floor: the least a page can do to show the same text with the same highlights. Plain
/// `<p>` paragraphs (one per line, as the app makes one paragraph per line) with one
/// `<mark>` per span, styled by the app's own stylesheet in the same pane layout, built with DOM
/// calls in one go. No editor, no decoration engine, no React, no store.
import '../../renderer/src/styles.css';
import '../page/benchLayout.css';
import './floor.css';
import { BENCH_VERSION, highlightOf, installBench, scrollHighlightIntoView, untilRendered, type BenchSpan } from '../page/benchWindow';

const COLORS: Record<string, string> = { actor: '#2f6fdf', location: '#1f9d6b', figure: '#d9822b', quote: '#a454c9' };

let view: HTMLElement | null = null;
let scroller: HTMLElement | null = null;
/// Offset where each line starts, and the paragraph of each line.
let lineStarts: number[] = [];
let paragraphs: HTMLElement[] = [];

/// What an empty line holds, so that the app's stylesheet gives it the same short height as the
/// app's empty paragraph (`p:has(> br.ProseMirror-trailingBreak:only-child)`).
function emptyLine(): HTMLElement {
  const br = document.createElement('br');
  br.className = 'ProseMirror-trailingBreak';
  return br;
}

function markOf(span: BenchSpan, track: number): HTMLElement {
  const mark = document.createElement('mark');
  mark.className = 'anno';
  mark.dataset.annotationId = span.id;
  mark.dataset.label = span.label;
  mark.style.cssText = `--anno-color: ${COLORS[span.label] ?? '#7a7a7a'}; --anno-track: ${track}`;
  return mark;
}

/// Fills a paragraph with `text.slice(from, to)` and marks for `spans` (nested or disjoint,
/// sorted by start then longer first, all inside the line).
function fillParagraph(p: HTMLElement, text: string, from: number, to: number, spans: BenchSpan[]): void {
  const open: { element: HTMLElement; end: number }[] = [{ element: p, end: to }];
  let at = from;
  const textUntil = (offset: number) => {
    if (offset > at) open[open.length - 1].element.append(text.slice(at, offset));
    at = Math.max(at, offset);
  };
  for (const span of spans) {
    while (open.length > 1 && open[open.length - 1].end <= span.start) {
      textUntil(open[open.length - 1].end);
      open.pop();
    }
    textUntil(span.start);
    const mark = markOf(span, open.length - 1);
    open[open.length - 1].element.append(mark);
    open.push({ element: mark, end: Math.min(span.end, to) });
  }
  while (open.length > 1) {
    textUntil(open[open.length - 1].end);
    open.pop();
  }
  textUntil(to);
}

function lineOf(offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

async function benchLoad(text: string, annotations: BenchSpan[]): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  root.replaceChildren();
  const main = document.createElement('main');
  main.className = 'reading-area';
  const pane = document.createElement('section');
  pane.className = 'pane is-focused';
  scroller = document.createElement('div');
  scroller.className = 'pane-scroll';
  view = document.createElement('div');
  view.className = 'document-text';
  view.dataset.testid = 'document-view';
  const lines = text.split('\n');
  lineStarts = [];
  paragraphs = [];
  let start = 0;
  let next = 0;
  const fragment = document.createDocumentFragment();
  for (const line of lines) {
    const end = start + line.length;
    const spans: BenchSpan[] = [];
    while (next < annotations.length && annotations[next].start < end) spans.push(annotations[next++]);
    lineStarts.push(start);
    const p = document.createElement('p');
    if (line === '') p.append(emptyLine());
    else fillParagraph(p, text, start, end, spans);
    fragment.append(p);
    paragraphs.push(p);
    start = end + 1;
  }
  view.append(fragment);
  scroller.append(view);
  pane.append(scroller);
  main.append(pane);
  root.append(main);
  const first = annotations[0];
  await untilRendered(() => (first ? highlightOf(view, first.id) !== null : true), 'load');
}

async function benchAdd(span: BenchSpan): Promise<void> {
  const line = lineOf(span.start);
  const p = paragraphs[line];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  let offset = lineStarts[line];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (span.start < offset + length) {
      const range = document.createRange();
      range.setStart(node, span.start - offset);
      range.setEnd(node, Math.min(length, span.end - offset));
      range.surroundContents(markOf(span, 0));
      break;
    }
    offset += length;
  }
  await untilRendered(() => highlightOf(view, span.id) !== null, `add ${span.id}`);
}

async function benchScrollTo(span: BenchSpan): Promise<void> {
  if (!scroller) throw new Error('call benchLoad first');
  await scrollHighlightIntoView(view, scroller, span.id);
}

installBench({
  benchLoad,
  benchAdd,
  benchScrollTo,
  benchIsHighlighted: (id) => highlightOf(view, id) !== null,
  benchInfo: { name: 'floor: plain <p> + <mark>, no annotation engine', version: BENCH_VERSION },
});
