import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/logger.js';
import { MIGRATIONS } from '../../src/digest/migrations.js';
import { openDatabase, openStore } from '../../src/digest/open-store.js';
import { MAX_SUBSCRIPTIONS_PER_CHAT } from '../../src/digest/subscription.js';

const log = createSilentLogger();
const now = new Date('2024-11-07T00:00:00Z');
const at = now.toISOString();
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'digest-migration4-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const MULTI = MIGRATIONS.find((m) => m.description.startsWith('several subscriptions per chat'))!;

describe('the several-subscriptions-per-chat migration', () => {
  it('keeps every subscription, delivery and part written before it, as each chat’s subscription 0', () => {
    const { db } = openDatabase(dir, log, MIGRATIONS.filter((m) => m.version < MULTI.version));
    const sub = db.prepare(
      `INSERT INTO subscriptions (chat_id, chat_kind, delivery_time, filter, active, active_since, last_slot, created_at, updated_at, on_this_day)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    sub.run(1, 'private', '07:30', '农业 -广告', 1, at, '2024-11-07', at, at, 1);
    sub.run(-100, 'group', '18:00', null, 0, at, null, at, at, 0);
    db.prepare(`INSERT INTO deliveries (chat_id, issue_id, slot, status, parts, attempts, started_at) VALUES (1, 'i2', '2024-11-07', 'sending', 2, 1, ?)`).run(at);
    db.prepare(`INSERT INTO delivery_parts (chat_id, issue_id, part, status, message_id, updated_at) VALUES (1, 'i2', 0, 'sent', 42, ?)`).run(at);
    db.prepare(`INSERT INTO delivery_parts (chat_id, issue_id, part, status, updated_at) VALUES (1, 'i2', 1, 'sending', ?)`).run(at);
    db.close();

    const store = openStore(dir, log);
    expect(store.subscriptions(1)).toEqual([
      expect.objectContaining({ chatId: 1, sub: 0, deliveryTime: '07:30', filter: '农业 -广告', active: true, onThisDay: true, lastSlot: '2024-11-07' }),
    ]);
    expect(store.subscription(-100)).toMatchObject({ sub: 0, deliveryTime: '18:00', active: false });
    expect(store.delivery(1, 'i2')).toMatchObject({ sub: 0, status: 'sending', parts: 2, attempts: 1 });
    expect(store.parts(1, 'i2').map((p) => [p.part, p.status, p.messageId])).toEqual([
      [0, 'sent', 42],
      [1, 'sending', undefined],
    ]);
    // The crash-safety rules hold on the migrated rows: part 0 is done, part 1 is in flight.
    expect(store.claimPart(1, 'i2', 0, now)).toBe('done');
    expect(store.claimPart(1, 'i2', 1, now)).toBe('in-flight');
    expect(store.activeWithDelivery('i2').map((r) => r.delivery?.status)).toEqual(['sending']);
    store.close();
  });
});

describe('several subscriptions per chat', () => {
  it('adds, refuses duplicates, caps, and keeps each delivery log apart', () => {
    const store = openStore(dir, log);
    store.subscribe({ chatId: 1, chatKind: 'private', deliveryTime: '07:30', now });
    const evening = store.addSubscription({ chatId: 1, chatKind: 'private', deliveryTime: '19:00', filter: '农业', now });
    expect(evening).toMatchObject({ sub: 1, deliveryTime: '19:00', filter: '农业', active: true });
    expect(store.addSubscription({ chatId: 1, chatKind: 'private', deliveryTime: '19:00', filter: '农业', now })).toBe('duplicate');
    for (let i = 2; i < MAX_SUBSCRIPTIONS_PER_CHAT; i++) store.addSubscription({ chatId: 1, chatKind: 'private', deliveryTime: `1${i}:00`, filter: null, now });
    expect(store.addSubscription({ chatId: 1, chatKind: 'private', deliveryTime: '23:00', filter: null, now })).toBe('full');

    // Same issue, two subscriptions: two deliveries, each with its own parts.
    store.beginDelivery({ chatId: 1, issueId: 'i2', slot: '2024-11-07', parts: 1, now });
    store.beginDelivery({ chatId: 1, sub: 1, issueId: 'i2', slot: '2024-11-07', parts: 1, now });
    expect(store.claimPart(1, 'i2', 0, now)).toBe('claimed');
    store.markPartSent(1, 'i2', 0, 7, now);
    expect(store.claimPart({ chatId: 1, sub: 1 }, 'i2', 0, now)).toBe('claimed');
    expect(store.claimPart({ chatId: 1, sub: 1 }, 'i2', 0, now)).toBe('in-flight');
    store.finishDelivery(1, 'i2', 'sent', now);
    expect(store.delivery({ chatId: 1, sub: 1 }, 'i2')?.status).toBe('sending');

    // Removing one leaves the others; a new one never reuses a number whose log exists.
    expect(store.deactivate(1, 'unsubscribed', now, 1)).toBe(true);
    expect(store.subscription(1, 0)?.active).toBe(true);
    const next = store.addSubscription({ chatId: 1, chatKind: 'private', deliveryTime: '19:00', filter: '农业', now });
    expect(next).toMatchObject({ sub: MAX_SUBSCRIPTIONS_PER_CHAT });
    // A chat that is gone loses all of them.
    store.deactivate(1, 'blocked', now);
    expect(store.subscriptions(1).filter((s) => s.active)).toEqual([]);
    store.close();
  });
});
