/// Where `awb` prints: every line through `terminalSafe`, and a reader that goes away (`awb list |
/// head -1`) ends the program quietly, as it ends `git log`, instead of with an EPIPE stack trace.
import { terminalSafe } from './terminalText.js';

let stdoutOpen = true;
let stderrOpen = true;
let workspaceWrites = 0;

/// Prints one line of output on stdout (`line` must not be meant to hold line breaks: they are
/// shown as `\n`).
export function say(line: string): void {
  if (stdoutOpen) process.stdout.write(`${terminalSafe(line)}\n`);
}

/// Prints one line of diagnostics on stderr.
export function warn(line: string): void {
  if (stderrOpen) process.stderr.write(`${terminalSafe(line)}\n`);
}

/// Prints text of several lines on stdout (indented JSON), each line made safe.
export function sayLines(text: string): void {
  for (const line of text.split('\n')) say(line);
}

/// Prints text that may span lines (help, usage errors), each line made safe.
export function writeLines(stream: 'stdout' | 'stderr', text: string): void {
  const open = stream === 'stdout' ? stdoutOpen : stderrOpen;
  if (open) process[stream].write(text.split('\n').map(terminalSafe).join('\n'));
}

/// Runs `write` (which changes a workspace) to its end even if the reader of the output goes away:
/// cutting an import or a restore short would leave it half done behind an exit code of 0.
export async function finishEvenIfOutputCloses<T>(write: () => Promise<T>): Promise<T> {
  workspaceWrites++;
  try {
    return await write();
  } finally {
    workspaceWrites--;
  }
}

/// Makes a closed stdout or stderr (EPIPE) end the program with exit 0 (any other failure of the
/// stream: 1), or, while a command is changing the workspace, silences that stream and lets the
/// command finish. For the `awb` process only: it exits the process.
export function endQuietlyWhenOutputCloses(): void {
  const closed = (stream: 'stdout' | 'stderr') => (error: NodeJS.ErrnoException) => {
    if (stream === 'stdout') stdoutOpen = false;
    else stderrOpen = false;
    if (!workspaceWrites) process.exit(error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' ? 0 : 1);
  };
  process.stdout.on('error', closed('stdout'));
  process.stderr.on('error', closed('stderr'));
}
