import type { Clock } from '../../../src/digest/create-rate-limiter.js';

/**
 * Virtual time: `sleep` registers a timer and `run` fires timers in time order, letting every pending
 * promise settle in between. Nothing waits on the wall clock.
 */
export function createFakeClock(startMs = 0) {
  let now = startMs;
  let seq = 0;
  const timers: { at: number; seq: number; resolve: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  const clock: Clock & { run<T>(work: Promise<T>): Promise<T>; set(ms: number): void } = {
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + Math.max(0, ms), seq: seq++, resolve });
      }),
    set(ms) {
      now = ms;
    },
    async run<T>(work: Promise<T>): Promise<T> {
      let finished = false;
      let value: T | undefined;
      let error: unknown;
      let failed = false;
      work.then(
        (v) => {
          finished = true;
          value = v;
        },
        (e: unknown) => {
          finished = true;
          failed = true;
          error = e;
        },
      );
      for (;;) {
        await settle();
        if (finished) break;
        if (timers.length === 0) {
          await settle();
          if (finished) break;
          throw new Error('fake clock: work is stuck with no timer pending');
        }
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const t = timers.shift()!;
        now = Math.max(now, t.at);
        t.resolve();
      }
      if (failed) throw error;
      return value as T;
    },
  };
  return clock;
}
