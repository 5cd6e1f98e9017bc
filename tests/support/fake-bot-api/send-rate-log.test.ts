import { describe, expect, it } from 'vitest';
import { createSendRateLog } from './send-rate-log.js';

describe('createSendRateLog', () => {
  it('finds the most sends inside any window, per chat and overall', () => {
    const log = createSendRateLog();
    for (const [chat, t] of [[1, 0], [2, 100], [1, 900], [1, 1000], [2, 2500], [1, 2600]] as const) log.record(chat, t);
    expect(log.maxInWindow(1000, 1)).toBe(2); // 0 & 900, or 900 & 1000
    expect(log.maxInWindow(1000, 2)).toBe(1);
    expect(log.maxInWindow(1000)).toBe(3); // windows are half-open: [0, 1000) holds 0, 100, 900
  });

  it('names the busiest chat', () => {
    const log = createSendRateLog();
    for (const t of [0, 10, 20]) log.record(7, t);
    log.record(8, 5);
    expect(log.busiestChat(1000)).toEqual({ chatId: 7, count: 3 });
  });

  it('counts recent sends for flood control', () => {
    const log = createSendRateLog();
    for (const t of [0, 500, 999, 1500]) log.record(1, t);
    expect(log.countSince(1000, 1500, 1)).toBe(2); // (500, 1500] holds 999 and 1500
    expect(log.countSince(1000, 1500, 2)).toBe(0);
  });

  it('reports the achieved rate between the first and last send', () => {
    const log = createSendRateLog();
    for (let i = 0; i < 11; i += 1) log.record(i, i * 40);
    expect(log.ratePerSecond()).toBeCloseTo(25);
  });
});
