/// What a benchmark page defines on `window` (the harness contract of `npm run bench` and
/// `npm run bench:serve`), and the helpers both pages (the real renderer and the floor) share, so
/// that they wait for the same things in the same way.
import type { BenchSpan } from '../workload';

export type { BenchSpan };

/// The functions a benchmark page puts on `window`.
export interface BenchApi {
  /// Renders `text` with `annotations` (sorted by start); resolves once the first annotation is
  /// highlighted and a frame showing it has been rendered.
  benchLoad(text: string, annotations: BenchSpan[]): Promise<void>;
  /// Adds one annotation; resolves once it is highlighted and rendered.
  benchAdd(annotation: BenchSpan): Promise<void>;
  /// Brings an annotation into view; resolves once its highlight is rendered on screen.
  benchScrollTo(annotation: BenchSpan): Promise<void>;
  /// Whether the annotation's highlight is in the document.
  benchIsHighlighted(id: string): boolean;
  /// Which page this is.
  benchInfo: { name: string; version: string };
}

declare global {
  interface Window extends Partial<BenchApi> {
    /// Where the harness leaves the workload before timing a call (so that handing 2 MB of text
    /// over is not timed).
    benchWorkload?: { text: string; annotations: BenchSpan[]; adds: BenchSpan[] } | null;
  }
}

/// The package version, set by `bench/vite.config.ts`.
declare const __BENCH_VERSION__: string;

/// The version both pages report in `benchInfo`.
export const BENCH_VERSION: string = __BENCH_VERSION__;

/// Longest wait for a highlight before a bench call fails.
const TIMEOUT_MS = 300_000;

/// Resolves in the task after the first animation frame at whose start `condition()` holds:
/// the frame that shows it has then been styled, laid out and painted (rAF + a task).
export function untilRendered(condition: () => boolean, what: string): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (condition()) setTimeout(resolve, 0);
      else if (performance.now() - started > TIMEOUT_MS) reject(new Error(`${what}: not rendered after ${TIMEOUT_MS} ms`));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/// The (first) highlight element of annotation `id` under `root`, found the way the app's
/// `DocumentView.reveal` finds it.
export function highlightOf(root: ParentNode | null | undefined, id: string): Element | null {
  return root?.querySelector(`[data-annotation-id="${CSS.escape(id)}"]`) ?? null;
}

/// Whether `element` is at least partly inside the visible part of `scroller`.
export function isInView(element: Element, scroller: Element): boolean {
  const box = element.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  return box.bottom > view.top && box.top < view.bottom && box.height > 0;
}

/// Scrolls a highlight to the middle of its scroller (instantly: the app scrolls smoothly, which
/// would time the animation rather than the work) and resolves once that frame is rendered.
export async function scrollHighlightIntoView(root: ParentNode | null | undefined, scroller: Element, id: string): Promise<void> {
  const element = highlightOf(root, id);
  if (!element) throw new Error(`annotation ${id} is not highlighted`);
  element.scrollIntoView({ block: 'center', behavior: 'instant' });
  await untilRendered(() => isInView(element, scroller), `scroll to ${id}`);
}

/// Puts the bench functions on `window`.
export function installBench(api: BenchApi): void {
  Object.assign(window, api);
}
