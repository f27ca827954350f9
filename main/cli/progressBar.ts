/// Progress of long work on stderr: a bar when stderr is a terminal. Otherwise nothing, or, for
/// work that must never look like a hang (building the document index of a large workspace), a
/// line when it starts and one when it ends.
import cliProgress from 'cli-progress';

/// Told how far the work is.
export type ProgressUpdate = (done: number, total: number) => void;

/// A progress display; `stop` ends it.
export interface ProgressBar {
  update: ProgressUpdate;
  stop: () => void;
}

/// Work on fewer items than this is not announced (it takes a moment at most).
const ANNOUNCED_FROM = 1000;

/// A progress bar labelled `label`; with `announce`, a start and an end line where there is no
/// terminal (for work on many items).
export function progressBar(label: string, options: { announce?: boolean } = {}): ProgressBar {
  if (!process.stderr.isTTY) {
    if (!options.announce) return { update: () => undefined, stop: () => undefined };
    let started = 0;
    let total = 0;
    return {
      update: (done, all) => {
        total = all;
        if (started || all < ANNOUNCED_FROM) return;
        started = performance.now();
        process.stderr.write(`${label}: ${all.toLocaleString('en-US')} files…\n`);
      },
      stop: () => {
        if (started) process.stderr.write(`${label}: done (${total.toLocaleString('en-US')} files in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
        started = 0;
      },
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
