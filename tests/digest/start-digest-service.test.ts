import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deliverer } from '../../src/digest/deliverer.js';
import { openStore, type DigestStore } from '../../src/digest/open-store.js';
import { startDigestService } from '../../src/digest/start-digest-service.js';
import { createSilentLogger } from '../../src/logger.js';
import { makeArchive, makeIssue } from './support/fixtures.js';

const log = createSilentLogger();
const now = () => new Date('2024-11-07T00:30:00Z'); // 08:30 in Shanghai
const fast = { perSecond: 10_000, perChatIntervalMs: 0 };
let dir: string;
let store: DigestStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'digest-service-'));
  store = openStore(dir, log);
  for (const chatId of [1, 2, 3]) store.subscribe({ chatId, chatKind: 'private', now: new Date('2024-11-01T00:00:00Z') });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A deliverer whose sends wait until the test releases them, one by one. */
function gatedDeliverer() {
  const sent: number[] = [];
  const waiting: { chatId: number; release: () => void }[] = [];
  let arrived: (() => void) | undefined;
  const deliverer: Deliverer<string> = {
    render: () => ['only part'],
    send: (chatId) =>
      new Promise((resolve) => {
        waiting.push({
          chatId,
          release: () => {
            sent.push(chatId);
            resolve({ kind: 'sent', messageId: chatId });
          },
        });
        arrived?.();
      }),
  };
  const nextSend = async () => {
    while (waiting.length === 0) await new Promise<void>((resolve) => (arrived = resolve));
    return waiting.shift()!;
  };
  return { deliverer, sent, nextSend };
}

describe('startDigestService', () => {
  it('looks for due digests as soon as it starts (the catch-up) and sends each once', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    const gate = gatedDeliverer();
    const service = startDigestService({ store, archive, deliver: gate.deliverer, logger: log, now, timeZone: 'Asia/Shanghai', rate: fast, concurrency: 1, tickMs: 3_600_000 });
    for (let i = 0; i < 3; i++) (await gate.nextSend()).release();
    await service.runDueNow(); // joins the run in progress, or starts one that finds nothing due
    const again = await service.runDueNow();
    await service.stop();
    expect(again).toMatchObject({ due: 0, messages: 0 });
    expect(gate.sent).toEqual([1, 2, 3]);
    expect(store.delivery(3, 'i1')?.status).toBe('sent');
  });

  it('stops between messages: the one in flight is recorded, the rest waits for the next run', async () => {
    const archive = makeArchive([makeIssue('i1', '2024-11-07', 1)]);
    const gate = gatedDeliverer();
    const service = startDigestService({ store, archive, deliver: gate.deliverer, logger: log, now, timeZone: 'Asia/Shanghai', rate: fast, concurrency: 1, tickMs: 3_600_000 });
    const inFlight = await gate.nextSend();
    const stopped = service.stop();
    inFlight.release();
    await stopped;
    expect(gate.sent).toEqual([1]);
    expect(store.parts(1, 'i1').map((p) => p.status)).toEqual(['sent']);
    expect(store.delivery(2, 'i1')).toBeUndefined();

    const again = gatedDeliverer();
    const next = startDigestService({ store, archive, deliver: again.deliverer, logger: log, now, timeZone: 'Asia/Shanghai', rate: fast, concurrency: 1, tickMs: 3_600_000 });
    for (let i = 0; i < 2; i++) (await again.nextSend()).release();
    await next.runDueNow();
    await next.stop();
    expect(again.sent).toEqual([2, 3]);
  });
});
