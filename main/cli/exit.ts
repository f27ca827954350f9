/// The exit codes of `awb`, and the way a command ends with one after it has said why.

/// Everything was done.
export const EXIT_OK = 0;
/// Something failed (one line per problem on stderr).
export const EXIT_FAILED = 1;
/// The command line was wrong.
export const EXIT_USAGE = 2;
/// Done, but some items were skipped or left out (each named on stderr).
export const EXIT_PARTIAL = 3;

/// Ends a command with `code`; the command has already printed why.
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ExitWith';
  }
}

/// The help text's account of the exit codes.
export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  failure (one line per problem on stderr)
  2  usage error
  3  done, with items skipped or left out (each named on stderr)`;
