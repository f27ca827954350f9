import { describe, expect, it } from 'vitest';
import { isTransient } from '../../renderer/src/state/saveQueue';

describe('which failed saves are retried by themselves', () => {
  it('retries a workspace another program holds for now, a failed write and an unreachable service', () => {
    for (const code of ['lock-lost', 'save-failed', 'unreachable', 'internal', undefined]) expect(isTransient({ code }), String(code)).toBe(true);
  });

  it('does not retry a refusal with a reason', () => {
    for (const code of ['invalid-change', 'workspace', 'annotation-limit']) expect(isTransient({ code }), code).toBe(false);
  });
});
