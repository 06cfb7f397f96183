import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { deadline } from './deadline';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Resolves with the abort reason's name once `signal` aborts. */
function aborted(signal: AbortSignal): Promise<string> {
  return new Promise((resolve) =>
    signal.addEventListener('abort', () => resolve((signal.reason as Error).name), { once: true }),
  );
}

describe('deadline', () => {
  it('times out although garbage collection runs while it waits', async () => {
    const caller = new AbortController();
    // Only the listener below refers to the deadline's signal, as when a fetch holds it.
    const reasons = Array.from({ length: 10 }, () => aborted(deadline(200, caller.signal).signal));
    const collecting = setInterval(gc, 10);
    // The caller gives up much later: a lost timeout would end with its reason instead.
    const late = setTimeout(() => caller.abort(new Error('caller left')), 5000);
    try {
      expect(await Promise.all(reasons)).toEqual(Array(10).fill('TimeoutError'));
    } finally {
      clearInterval(collecting);
      clearTimeout(late);
    }
  });

  it('follows its sources, and lets them go when cleared', async () => {
    const caller = new AbortController();
    const followed = deadline(60_000, undefined, caller.signal);
    const reason = aborted(followed.signal);
    caller.abort(new RangeError('gone'));
    expect(await reason).toBe('RangeError');

    const other = new AbortController();
    const cleared = deadline(50, other.signal);
    cleared.clear();
    other.abort();
    await new Promise((r) => setTimeout(r, 100));
    expect(cleared.signal.aborted).toBe(false);

    const already = new AbortController();
    already.abort(new TypeError('before'));
    expect(deadline(60_000, already.signal).signal.reason).toBeInstanceOf(TypeError);
  });
});
