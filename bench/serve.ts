/// `npm run bench:serve`: builds the benchmark pages and serves them on 127.0.0.1 until stopped.
/// The first line printed is the real renderer's page URL (the second, the floor's), so any
/// harness can drive `window.benchLoad` & co. (`npm run -s bench:serve` keeps npm's own banner
/// out of stdout.) `--port N` picks the port; `--no-build` serves the last build.
import { buildPages, servePages } from './pages';

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt === -1 ? 0 : Number(args[portAt + 1]);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('usage: bench:serve [--port N] [--no-build]');
  process.exit(2);
}
if (!args.includes('--no-build')) await buildPages();
const served = await servePages(undefined, port);
console.log(served.pageUrl);
console.log(served.floorUrl);
console.error('Benchmark pages served on 127.0.0.1 (Ctrl+C stops). Each defines window.benchLoad, benchAdd, benchScrollTo, benchIsHighlighted, benchInfo.');
const stop = () => void served.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
