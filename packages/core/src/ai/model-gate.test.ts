import { describe, expect, it } from 'vitest';
import { createModelGate } from './model-gate';

describe('createModelGate', () => {
  it('lets callers in up to the cap, then serves priority callers first, each class in arrival order', async () => {
    const gate = createModelGate(2);
    const a = await gate.acquire({ priority: false });
    const b = await gate.acquire({ priority: false });
    expect(gate.inFlight).toBe(2);
    const order: string[] = [];
    const waiters = [
      gate.acquire({ priority: false }).then((r) => (order.push('normal-1'), r)),
      gate.acquire({ priority: false }).then((r) => (order.push('normal-2'), r)),
      gate.acquire({ priority: true }).then((r) => (order.push('premium'), r)),
    ];
    expect(gate.waiting).toBe(3);
    a();
    a(); // a second call of the same release does nothing
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['premium']);
    b();
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['premium', 'normal-1']);
    const released = await Promise.all(waiters.slice(0, 1).concat(waiters.slice(2)));
    for (const r of released) r();
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['premium', 'normal-1', 'normal-2']);
    (await waiters[1]!)();
    expect(gate.inFlight).toBe(0);
    expect(gate.waiting).toBe(0);
  });

  it('drops a waiting caller whose signal aborts', async () => {
    const gate = createModelGate(1);
    const held = await gate.acquire({ priority: false });
    const abort = new AbortController();
    const waiting = gate.acquire({ priority: false, signal: abort.signal });
    abort.abort(new Error('client left'));
    await expect(waiting).rejects.toThrow('client left');
    expect(gate.waiting).toBe(0);
    held();
    expect(gate.inFlight).toBe(0);
  });
});
