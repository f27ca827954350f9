#!/usr/bin/env node
// The `awb` command: runs the TypeScript sources directly through tsx, so the CLI never lags
// behind a stale build.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2), { packageRoot: fileURLToPath(new URL('..', import.meta.url)) });
