import { describe, expect, it } from 'vitest';
import { MAX_EXCHANGE_BYTES } from '../main/core/exchange/exchangeLimits';
import { Workspace } from '../main/core/store/workspace';
import { dispatch } from '../main/service/dispatch';
import { createWorkbench } from '../main/service/workbench';
import { MAX_BODY_BYTES } from '../main/web/webServer';
import { tempDir } from './helpers';

describe('an exchange file sent to the service', () => {
  it('over the exchange limit is refused before it is decoded', async () => {
    const ws = await Workspace.open(tempDir());
    const base64 = 'A'.repeat(Math.ceil(MAX_EXCHANGE_BYTES / 3) * 4 + 4);
    const reply = await dispatch(createWorkbench(ws), 'exchange.import', [{ name: 'big.awb.json', base64 }]);
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('file is over the 64 MB limit for an exchange file') } });
    await ws.close();
  });

  it('at the limit fits in one browser-mode request', () => {
    expect(MAX_BODY_BYTES).toBeGreaterThan(Math.ceil(MAX_EXCHANGE_BYTES / 3) * 4 + 1000);
  });
});
