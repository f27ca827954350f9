// `npm run test:crash`: the full crash test (1,000 kills, then 20 stalled rounds, by default), printed as a table.
//   npm run test:crash -- --kills 200 --stalls 5 --seed 12345
import { parseArgs } from 'node:util';
import { runCrashTest } from './crashTest';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '1000' }, stalls: { type: 'string', default: '20' }, seed: { type: 'string' } } });
const kills = Number(values.kills);
const stalls = Number(values.stalls);
const seed = Number(values.seed ?? Date.now() % 2 ** 31);
const started = Date.now();
const result = await runCrashTest({
  kills,
  stalls,
  seed,
  onKill: (done) => {
    if (process.stderr.isTTY) process.stderr.write(`\rkilled ${done}/${kills}`);
  },
  onStall: (done) => {
    if (process.stderr.isTTY) process.stderr.write(`\rstalled ${done}/${stalls}`);
  },
});
if (process.stderr.isTTY) process.stderr.write('\n');
const rows: [string, string | number][] = [
  ['seed', result.seed],
  ['SIGKILLs', result.kills],
  ['  of which between a document write and its index', `${result.killPoints.import + result.killPoints.update}`],
  ['    (imports / annotation changes)', `${result.killPoints.import} / ${result.killPoints.update}`],
  ['stalls (SIGSTOP past the lock, guest, SIGCONT)', result.stalls],
  ['acknowledged changes', result.acknowledged],
  ['corrupt workspaces after a kill', result.corruptWorkspaces],
  ['acknowledged changes lost', result.lostChanges],
  ['index files deleted or truncated, or logs cut, after a kill', result.damagedIndexes],
  ['reopened indexes failing or disagreeing with the files', result.indexDisagreements],
  ['time', `${((Date.now() - started) / 1000).toFixed(0)} s`],
];
for (const [name, value] of rows) console.log(`${name.padEnd(48)}${String(value).padStart(12)}`);
for (const failure of result.failures) console.error(`FAIL ${failure}`);
if (result.failures.length) {
  console.error(`replay: npm run test:crash -- --kills ${kills} --stalls ${stalls} --seed ${seed}`);
  process.exitCode = 1;
}
