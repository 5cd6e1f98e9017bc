import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/digest/create-rate-limiter.js';
import { createFakeClock } from './support/fake-clock.js';

/** The largest number of grants inside any window of `ms` milliseconds. */
function maxInWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('createRateLimiter', () => {
  it('keeps every one-second window at or under the ceiling with many concurrent senders', async () => {
    const clock = createFakeClock(1_000_000);
    const limiter = createRateLimiter({ perSecond: 25, perChatIntervalMs: 1000 }, clock);
    const grants: number[] = [];
    const sender = async (chat: number) => {
      for (let i = 0; i < 3; i++) grants.push(await limiter.acquire(chat));
    };
    await clock.run(Promise.all(Array.from({ length: 40 }, (_, c) => sender(c))));
    expect(grants).toHaveLength(120);
    expect(maxInWindow(grants, 1000)).toBeLessThanOrEqual(25);
    // Evenly spaced, so the ceiling is also reached: 120 sends take about 120/25 s.
    const span = Math.max(...grants) - Math.min(...grants);
    expect(span).toBeGreaterThanOrEqual(119 * 40);
    expect(span).toBeLessThan(119 * 40 * 1.2);
  });

  it('spaces two messages to the same chat by the per-chat interval', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ perSecond: 1000, perChatIntervalMs: 1000 }, clock);
    const byChat = new Map<number, number[]>();
    const sender = async (chat: number) => {
      for (let i = 0; i < 4; i++) {
        const at = await limiter.acquire(chat);
        byChat.set(chat, [...(byChat.get(chat) ?? []), at]);
      }
    };
    await clock.run(Promise.all([sender(1), sender(2)]));
    for (const times of byChat.values()) {
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    }
    // The two chats do not wait for each other.
    expect(Math.abs(byChat.get(1)![0]! - byChat.get(2)![0]!)).toBeLessThan(1000);
  });

  it('resolves no earlier than the moment it grants', async () => {
    const clock = createFakeClock();
    const limiter = createRateLimiter({ perSecond: 10, perChatIntervalMs: 0 }, clock);
    const seen: { granted: number; at: number }[] = [];
    await clock.run(
      Promise.all(
        Array.from({ length: 5 }, async (_, c) => {
          const granted = await limiter.acquire(c);
          seen.push({ granted, at: clock.now() });
        }),
      ),
    );
    for (const s of seen) expect(s.at).toBeGreaterThanOrEqual(s.granted);
  });
});
