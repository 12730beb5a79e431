import { describe, expect, it } from 'vitest';
import { CALL_MEMORY, RememberedCalls } from '../../../main/hub/remembered-calls';

describe('request ids remembered by the hub', () => {
  it('carries a call out once however often it is retried, running or finished', async () => {
    const memory = new RememberedCalls();
    let runs = 0;
    let finish!: () => void;
    const call = () => {
      runs++;
      return new Promise<{ ok: true; value: number }>((resolve) => (finish = () => resolve({ ok: true, value: runs })));
    };
    const first = memory.run('w1', 'rid-00000001', call);
    const whileRunning = memory.run('w1', 'rid-00000001', call);
    finish();
    const afterwards = await memory.run('w1', 'rid-00000001', call);
    expect(await first).toEqual({ ok: true, value: 1 });
    expect(await whileRunning).toEqual({ ok: true, value: 1 });
    expect(afterwards).toEqual({ ok: true, value: 1 });
    expect(runs).toBe(1);
    // The same id from another window is another call.
    const other = memory.run('w2', 'rid-00000001', call);
    finish();
    await other;
    expect(runs).toBe(2);
  });

  it('a retry whose answer was dropped is told so, not carried out again', async () => {
    const memory = new RememberedCalls();
    let runs = 0;
    const call = async () => ({ ok: true as const, value: ++runs });
    for (let i = 0; i <= CALL_MEMORY.answers; i++) await memory.run('w', `rid-${String(i).padStart(8, '0')}`, call);
    expect(await memory.run('w', 'rid-00000000', call)).toMatchObject({ ok: false, error: { code: 'CALL_ANSWER_LOST' } });
    expect(runs).toBe(CALL_MEMORY.answers + 1);
    expect(memory.stats().answers).toBe(CALL_MEMORY.answers);
  });
});
