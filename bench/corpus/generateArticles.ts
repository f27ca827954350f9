/// A child process of the corpus fixture (forked with tsx by `corpusFixture`, one per core):
/// writes the document files of corpus articles `from` to `to` and sends back what they hold.
///
/// Arguments: seed, from, to, documents folder. Messages: `{ progress: n }` every 1,000
/// articles, then one `GeneratedRange`.
import { generateRange } from './corpusDocument';

const [seed, from, to] = process.argv.slice(2, 5).map(Number);
const range = generateRange(seed, from, to, process.argv[5], (done) => process.send?.({ progress: done }));
process.send?.(range, () => process.disconnect());
