import { describe, expect, it } from 'vitest';
import { runCrashTest } from './crash/crashTest';

describe('crash safety', () => {
  it('100 SIGKILLs at random moments and between document and index writes, and a writer paused past its lock: no corrupt file, no acknowledged change lost, the index agrees with the files', async () => {
    const seed = Number(process.env.AWB_CRASH_SEED ?? Date.now() % 2 ** 31);
    const result = await runCrashTest({ kills: 100, stalls: 1, seed });
    expect(result.failures, `replay with AWB_CRASH_SEED=${seed}`).toEqual([]);
    expect(result.kills).toBe(100);
    expect(result.stalls).toBe(1);
    expect(result.acknowledged).toBeGreaterThan(100);
    // About 30 kills at the kill point; both kinds of index write are reached.
    expect(result.killPoints.import, `replay with AWB_CRASH_SEED=${seed}`).toBeGreaterThan(0);
    expect(result.killPoints.update, `replay with AWB_CRASH_SEED=${seed}`).toBeGreaterThan(0);
  }, 600_000);
});
