import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/digest/compose-digest.js';
import { createRateLimiter } from '../../src/digest/create-rate-limiter.js';
import type { Deliverer } from '../../src/digest/deliverer.js';
import { openStore, type DigestStore } from '../../src/digest/open-store.js';
import { runFanout } from '../../src/digest/run-fanout.js';
import { createSilentLogger } from '../../src/logger.js';
import { createFakeClock } from './support/fake-clock.js';
import { makeArchive, makeIssue } from './support/fixtures.js';

const log = createSilentLogger();
const subscribedAt = new Date('2024-11-01T00:00:00Z');
let dir: string;
let store: DigestStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'digest-fanout-options-'));
  store = openStore(dir, log);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runFanout with the reader options of issue 12', () => {
  it('gives each chat its own filter (keywords, exclusions) and the 历史上的今天 section only to those who turned it on', async () => {
    const archive = makeArchive([makeIssue('y23', '2023-11-07', 1), makeIssue('i2', '2024-11-07', 2)]);
    store.subscribe({ chatId: 1, chatKind: 'private', now: subscribedAt });
    store.subscribe({ chatId: 2, chatKind: 'private', filter: '农业 读书 -心得', now: subscribedAt });
    store.subscribe({ chatId: 3, chatKind: 'channel', now: subscribedAt });
    store.updateSubscription(3, { onThisDay: true }, subscribedAt);
    const received = new Map<number, Digest>();
    let id = 1;
    const deliver: Deliverer<Digest> = {
      render: (digest) => [digest],
      async send(chatId, digest) {
        received.set(chatId, digest);
        return { kind: 'sent', messageId: id++ };
      },
    };
    const now = new Date('2024-11-07T00:30:00Z');
    const clock = createFakeClock(now.getTime());
    const limiter = createRateLimiter({ perSecond: 25, perChatIntervalMs: 1000 }, clock);
    const report = await clock.run(runFanout({ store, archive, deliver: deliver as Deliverer, limiter, logger: log, now: () => now, timeZone: 'Asia/Shanghai' }));
    expect(report).toMatchObject({ issueId: 'i2', completed: 3 });
    expect(received.get(1)!.items).toHaveLength(3);
    expect(received.get(1)!.onThisDay).toBeUndefined();
    expect(received.get(2)!.items.map((i) => i.articleId)).toEqual(['i2-1']);
    expect(received.get(3)!.onThisDay?.map((d) => [d.issueId, d.yearsAgo])).toEqual([['y23', 1]]);
  });
});
