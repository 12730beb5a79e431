import { afterEach, describe, expect, it } from 'vitest';
import { ok, setUpSite, startTestStation, type TestStation } from '../../support/station';
import { deskWindow, pairTestDesk, startTestHub } from '../../support/hub';

let t: TestStation;
afterEach(() => t?.close());

describe('hub smoke', () => {
  it('pairs and calls', async () => {
    t = startTestStation();
    const { sup } = await setUpSite(t);
    const hub = await startTestHub(t, sup);
    const pairing = await pairTestDesk(sup, hub, 'Bàn đón tiếp 1');
    const desk = deskWindow(pairing);
    ok(await desk.api.auth.login({ username: 'yta1', pin: '1357' }));
    const q = await desk.api.queue.list({});
    expect(q.ok).toBe(true);
    desk.transport.close();
    await hub.host.stop();
  });
});
