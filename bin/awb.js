#!/usr/bin/env node
// The `awb` command: runs the TypeScript sources directly through tsx, so the CLI never lags
// behind a stale build. Exit codes: 0 success, 1 failure, 2 usage error, 3 done with items
// skipped or left out.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { runCli, endQuietlyWhenOutputCloses } = await import('../main/cli/index.ts');
// `awb list | head -1`: the reader going away ends the program quietly, as it ends `git log`.
endQuietlyWhenOutputCloses();
process.exitCode = await runCli(process.argv.slice(2), { packageRoot: fileURLToPath(new URL('..', import.meta.url)) });
