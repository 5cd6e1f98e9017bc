import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/archive/archive.js';
import { createRateLimiter } from '../../src/digest/create-rate-limiter.js';
import { DeliveryUnknownError, type Deliverer } from '../../src/digest/deliverer.js';
import { GIVE_UP_AFTER_MS, MAX_ATTEMPTS } from '../../src/digest/due-state.js';
import { openStore, type DigestStore } from '../../src/digest/open-store.js';
import { runFanout } from '../../src/digest/run-fanout.js';
import { StoreError } from '../../src/errors.js';
import { createSilentLogger } from '../../src/logger.js';
import { createFakeClock } from './support/fake-clock.js';
import { countSends, makeArchive, makeIssue, recordingDeliverer } from './support/fixtures.js';

const TZ = 'Asia/Shanghai';
const log = createSilentLogger();
/** 08:30 in Shanghai on the given day. */
const at0830 = (day: string) => new Date(`${day}T00:30:00Z`);
const subscribedAt = new Date('2024-11-01T00:00:00Z');

let dir: string;
let store: DigestStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'digest-fanout-'));
  store = openStore(dir, log);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(archive: Archive, deliver: Deliverer, now: Date, rate = { perSecond: 25, perChatIntervalMs: 1000 }) {
  const clock = createFakeClock(now.getTime());
  const limiter = createRateLimiter(rate, clock);
  return clock.run(runFanout({ store, archive, deliver, limiter, logger: log, now: () => now, timeZone: TZ, concurrency: 4 }));
}

function subscribe(chatIds: number[], extra: { deliveryTime?: string; filter?: string } = {}) {
  for (const chatId of chatIds) store.subscribe({ chatId, chatKind: 'private', now: subscribedAt, ...extra });
}

describe('runFanout', () => {
  it('sends each due chat every part of the newest issue exactly once', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-06', 1), makeIssue('i2', '2024-11-07', 2)]);
    subscribe([1, 2, 3]);
    const { deliverer, sends } = recordingDeliverer({ partsPerDigest: 2 });
    const report = await run(archive, deliverer, at0830('2024-11-07'));
    expect(report).toMatchObject({ issueId: 'i2', due: 3, completed: 3, messages: 6 });
    expect(sends).toHaveLength(6);
    expect(sends.every((s) => s.part.startsWith('i2#'))).toBe(true);
    expect([...countSends(sends).values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(store.delivery(1, 'i2')?.status).toBe('sent');
  });

  it('sends nothing when there is no new issue since the last digest', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-06', 1)]);
    subscribe([1]);
    const { deliverer, sends } = recordingDeliverer();
    await run(archive, deliverer, at0830('2024-11-07'));
    const second = await run(archive, deliverer, at0830('2024-11-08'));
    expect(second).toMatchObject({ due: 0, messages: 0 });
    expect(sends).toHaveLength(1);
  });

  it('catches up once after days of downtime, with the newest issue only', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-06', 1)]);
    subscribe([1, 2]);
    const { deliverer, sends } = recordingDeliverer();
    await run(archive, deliverer, at0830('2024-11-06'));
    archive.upsertIssue(makeIssue('i2', '2024-11-07', 2));
    archive.upsertIssue(makeIssue('i3', '2024-11-08', 3));
    // The clock jumps three days: one digest, not three.
    const report = await run(archive, deliverer, at0830('2024-11-09'));
    expect(report.messages).toBe(2);
    expect(sends.slice(2).map((s) => s.part.split('#')[0])).toEqual(['i3', 'i3']);
    expect((await run(archive, deliverer, new Date('2024-11-09T06:00:00Z'))).messages).toBe(0);
  });

  it('holds a new issue that arrives after the day’s digest until the next delivery time', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-06', 1)]);
    subscribe([1]);
    const { deliverer, sends } = recordingDeliverer();
    await run(archive, deliverer, at0830('2024-11-07'));
    archive.upsertIssue(makeIssue('i2', '2024-11-07', 2));
    expect((await run(archive, deliverer, new Date('2024-11-07T04:00:00Z'))).messages).toBe(0);
    expect((await run(archive, deliverer, at0830('2024-11-08'))).messages).toBe(1);
    expect(sends.map((s) => s.part.split('#')[0])).toEqual(['i1', 'i2']);
  });

  it('waits for each chat’s own delivery time in the paper’s time zone', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    const midnight = new Date('2024-11-06T16:00:00Z'); // 00:00 on Nov 7 in Shanghai
    store.subscribe({ chatId: 1, chatKind: 'private', deliveryTime: '07:00', now: midnight });
    store.subscribe({ chatId: 2, chatKind: 'private', deliveryTime: '09:00', now: midnight });
    const { deliverer, sends } = recordingDeliverer();
    await run(archive, deliverer, at0830('2024-11-07'));
    expect(sends.map((s) => s.chatId)).toEqual([1]);
    await run(archive, deliverer, new Date('2024-11-07T01:00:00Z')); // 09:00 in Shanghai
    expect(sends.map((s) => s.chatId)).toEqual([1, 2]);
  });

  it('sends a filtered subscriber only the matching articles, and nothing when none match', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe([1], { filter: '农业' });
    subscribe([2], { filter: '航天' });
    const { deliverer, sends } = recordingDeliverer();
    const report = await run(archive, deliverer, at0830('2024-11-07'));
    expect(sends).toEqual([{ chatId: 1, part: 'i1#0:i1-1' }]);
    expect(report.empty).toBe(1);
    expect(store.delivery(2, 'i1')?.status).toBe('empty');
    expect((await run(archive, deliverer, new Date('2024-11-07T05:00:00Z'))).due).toBe(0);
  });

  it('deactivates a chat that blocked the bot and still serves the others', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe([1, 2, 3]);
    const { deliverer, sends } = recordingDeliverer({
      outcome: (chatId) =>
        chatId === 2 ? { kind: 'gone', reason: 'blocked', description: 'Forbidden: bot was blocked by the user' } : { kind: 'sent', messageId: 1 },
    });
    const report = await run(archive, deliverer, at0830('2024-11-07'));
    expect(report.deactivated).toBe(1);
    expect(store.subscription(2)).toMatchObject({ active: false, deactivatedReason: 'blocked' });
    expect(sends.map((s) => s.chatId).sort()).toEqual([1, 3]);
  });

  it('moves a migrated group to its supergroup id and delivers there', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    store.subscribe({ chatId: -77, chatKind: 'group', deliveryTime: '07:30', filter: '木垒', now: subscribedAt });
    const { deliverer, sends } = recordingDeliverer({
      outcome: (chatId) => (chatId === -77 ? { kind: 'migrated', toChatId: -10077 } : { kind: 'sent', messageId: 5 }),
    });
    const report = await run(archive, deliverer, at0830('2024-11-07'));
    expect(report.migrated).toBe(1);
    expect(sends).toEqual([{ chatId: -10077, part: 'i1#0:i1-1' }]);
    expect(store.subscription(-10077)).toMatchObject({ active: true, deliveryTime: '07:30', filter: '木垒' });
    expect(store.delivery(-10077, 'i1')?.status).toBe('sent');
  });

  it('resumes after a crash at the first part not acknowledged, resending only the part in flight', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe([1, 2]);
    // What a SIGKILL during chat 1's second part leaves behind: part 0 sent, part 1 claimed, part 2 never started.
    const crashAt = new Date('2024-11-07T00:10:00Z');
    store.beginDelivery({ chatId: 1, issueId: 'i1', slot: '2024-11-07', parts: 3, now: crashAt });
    store.claimPart(1, 'i1', 0, crashAt);
    store.markPartSent(1, 'i1', 0, 100, crashAt);
    store.claimPart(1, 'i1', 1, crashAt);
    const { deliverer, sends } = recordingDeliverer({ partsPerDigest: 3 });
    const report = await run(archive, deliverer, at0830('2024-11-07'));
    expect(report).toMatchObject({ resumed: 1, inFlightResent: 1, completed: 2 });
    expect(sends.filter((s) => s.chatId === 1).map((s) => s.part.split(':')[0])).toEqual(['i1#1', 'i1#2']);
    expect(sends.filter((s) => s.chatId === 2)).toHaveLength(3);
    expect(store.parts(1, 'i1').map((p) => p.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('retries a transient failure on the next run and gives up after too many', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe([1]);
    let failures = 1;
    const { deliverer, sends } = recordingDeliverer({
      outcome: () => {
        if (failures-- > 0) throw new Error('socket hang up');
        return { kind: 'sent', messageId: 1 };
      },
    });
    expect((await run(archive, deliverer, at0830('2024-11-07'))).failed).toBe(1);
    expect(store.parts(1, 'i1')).toEqual([]);
    expect((await run(archive, deliverer, at0830('2024-11-07'))).completed).toBe(1);
    expect(sends).toHaveLength(1);

    subscribe([2]);
    const broken = recordingDeliverer({ outcome: () => Promise.reject(new Error('Bad Request: can’t parse entities')) });
    // A burst of failures (a short outage: runs come every 30 s) does not cancel the day's digest …
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await run(archive, broken.deliverer, at0830('2024-11-07'));
    expect(store.delivery(2, 'i1')).toMatchObject({ status: 'sending', attempts: MAX_ATTEMPTS + 2 });
    // … but a chat still failing hours later is given up until the next issue.
    const before = broken.sends.length;
    await run(archive, broken.deliverer, new Date(at0830('2024-11-07').getTime() + GIVE_UP_AFTER_MS));
    await run(archive, broken.deliverer, new Date(at0830('2024-11-07').getTime() + GIVE_UP_AFTER_MS + 60_000));
    expect(broken.sends).toHaveLength(before);
  });

  it('lets only one process fan out at a time', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe([1]);
    expect(store.tryAcquireLease('digest-fanout', 'someone-else', 60_000, at0830('2024-11-07').getTime())).toBe(true);
    const { deliverer, sends } = recordingDeliverer();
    expect((await run(archive, deliverer, at0830('2024-11-07'))).skipped).toBe('locked');
    expect(sends).toHaveLength(0);
  });

  it('tells who holds the lease when it skips, and does not free a lease early because its holder looks dead', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe([1]);
    const t = at0830('2024-11-07').getTime();
    // A holder whose pid no longer runs (or is a zombie): only the lease's expiry frees it.
    expect(store.tryAcquireLease('digest-fanout', 'crashed', 60_000, t)).toBe(true);
    const { deliverer, sends } = recordingDeliverer();
    const report = await run(archive, deliverer, at0830('2024-11-07'));
    expect(report).toMatchObject({ skipped: 'locked', lockedBy: { owner: expect.any(String), pid: process.pid } });
    expect(sends).toHaveLength(0);
  });

  it('waits for a lease its holder stopped renewing, then delivers', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe([1, 2]);
    expect(store.tryAcquireLease('digest-fanout', 'crashed', 300, Date.now())).toBe(true);
    const { deliverer, sends } = recordingDeliverer();
    const limiter = createRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 });
    const report = await runFanout({ store, archive, deliver: deliverer, limiter, logger: log, now: () => new Date(), timeZone: TZ, waitForLeaseMs: 5_000 });
    expect(report.skipped).toBeUndefined();
    expect(sends).toHaveLength(2);
  });

  it('sends a part whose connection dropped after the request once more at once (at-least-once) and finishes the digest', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe([1, 2]);
    let dropped = 0;
    const { deliverer, sends } = recordingDeliverer({
      partsPerDigest: 2,
      outcome: (chatId, part) => {
        if (chatId === 1 && part.startsWith('i1#0') && dropped++ === 0) throw new DeliveryUnknownError('socket hang up after the request');
        return { kind: 'sent', messageId: 1 };
      },
    });
    const report = await run(archive, deliverer, at0830('2024-11-07'));
    expect(report).toMatchObject({ completed: 2, unknown: 1, inFlightResent: 1, failed: 0 });
    expect(sends.filter((s) => s.chatId === 1).map((s) => s.part.slice(0, 4))).toEqual(['i1#0', 'i1#1']);
    expect(store.delivery(1, 'i1')?.status).toBe('sent');
  });

  it('keeps a part whose outcome stays unknown as `sending` (never released as unsent) and resends it on the next run', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe([1]);
    let broken = true;
    const { deliverer, sends } = recordingDeliverer({
      outcome: () => {
        if (broken) throw new DeliveryUnknownError('socket hang up after the request');
        return { kind: 'sent', messageId: 9 };
      },
    });
    const first = await run(archive, deliverer, at0830('2024-11-07'));
    expect(first).toMatchObject({ unknown: 4, failed: 1, completed: 0 });
    expect(store.parts(1, 'i1')).toMatchObject([{ part: 0, status: 'sending' }]);
    broken = false;
    const second = await run(archive, deliverer, at0830('2024-11-07'));
    expect(second).toMatchObject({ completed: 1, inFlightResent: 1 });
    expect(sends).toHaveLength(1);
  });

  it('paces retries of one message through the same limiter as first tries', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe(Array.from({ length: 20 }, (_, i) => i + 1));
    const now = at0830('2024-11-07');
    const clock = createFakeClock(now.getTime());
    const attempts: number[] = [];
    const deliver: Deliverer<string> = {
      render: () => ['a'],
      // Like Telegram under load: every first attempt gets a 500, the retry goes through.
      send: async (_chatId, _part, options) => {
        attempts.push(clock.now());
        await options!.beforeRetry();
        attempts.push(clock.now());
        return { kind: 'sent', messageId: 1 };
      },
    };
    const limiter = createRateLimiter({ perSecond: 10, perChatIntervalMs: 0 }, clock);
    await clock.run(runFanout({ store, archive, deliver, limiter, logger: log, now: () => now, timeZone: TZ, concurrency: 8 }));
    expect(attempts).toHaveLength(40);
    const sorted = attempts.sort((a, b) => a - b);
    for (let i = 10; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 10]!).toBeGreaterThanOrEqual(1000);
  });

  it('stops the whole run when the database itself fails, instead of failing chat after chat', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe(Array.from({ length: 50 }, (_, i) => i + 1));
    const failing: DigestStore = {
      ...store,
      claimPart: () => {
        throw new StoreError('The subscription database failed during claimPart: database disk image is malformed.');
      },
    };
    const { deliverer, sends } = recordingDeliverer();
    const clock = createFakeClock(at0830('2024-11-07').getTime());
    const limiter = createRateLimiter({ perSecond: 25, perChatIntervalMs: 1000 }, clock);
    const report = await clock.run(runFanout({ store: failing, archive, deliver: deliverer, limiter, logger: log, now: () => at0830('2024-11-07'), timeZone: TZ, concurrency: 4 }));
    expect(sends).toHaveLength(0);
    expect(report.failed).toBeGreaterThan(0);
    expect(report.failed).toBeLessThanOrEqual(4);
  });

  it('never exceeds the rate ceiling or the per-chat gap', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    subscribe(Array.from({ length: 30 }, (_, i) => i + 1));
    const now = at0830('2024-11-07');
    const clock = createFakeClock(now.getTime());
    const times: { chatId: number; at: number }[] = [];
    const deliver: Deliverer<string> = {
      render: () => ['a', 'b'],
      send: async (chatId) => {
        times.push({ chatId, at: clock.now() });
        return { kind: 'sent', messageId: 1 };
      },
    };
    const limiter = createRateLimiter({ perSecond: 10, perChatIntervalMs: 1000 }, clock);
    await clock.run(runFanout({ store, archive, deliver, limiter, logger: log, now: () => now, timeZone: TZ, concurrency: 8 }));
    expect(times).toHaveLength(60);
    const sorted = times.map((t) => t.at).sort((a, b) => a - b);
    for (let i = 10; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 10]!).toBeGreaterThanOrEqual(1000);
    for (let c = 1; c <= 30; c++) {
      const mine = times.filter((t) => t.chatId === c).map((t) => t.at);
      expect(mine[1]! - mine[0]!).toBeGreaterThanOrEqual(1000);
    }
  });
});
