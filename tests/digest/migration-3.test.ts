import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/logger.js';
import { MIGRATIONS } from '../../src/digest/migrations.js';
import { openDatabase, openStore } from '../../src/digest/open-store.js';

const log = createSilentLogger();
const now = new Date('2024-11-07T00:00:00Z');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'digest-migration-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const FEATURES_MIGRATION = MIGRATIONS.find((m) => m.description.startsWith('on-this-day digest section'))!;

describe('the on-this-day and reply-script migration', () => {
  it('keeps every subscription written before it, with the new section off', () => {
    const before = MIGRATIONS.filter((m) => m.version < FEATURES_MIGRATION.version);
    const { db } = openDatabase(dir, log, before);
    const insert = db.prepare(
      `INSERT INTO subscriptions (chat_id, chat_kind, delivery_time, filter, active, active_since, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run(1, 'private', '07:30', '农业', 1, now.toISOString(), now.toISOString(), now.toISOString());
    insert.run(-100, 'group', '18:00', null, 0, now.toISOString(), now.toISOString(), now.toISOString());
    db.close();

    const store = openStore(dir, log);
    expect(store.subscription(1)).toMatchObject({ chatId: 1, deliveryTime: '07:30', filter: '农业', active: true, onThisDay: false });
    expect(store.subscription(-100)).toMatchObject({ chatId: -100, deliveryTime: '18:00', active: false, onThisDay: false });
    expect(store.subscription(-100)?.filter).toBeUndefined();
    expect(store.chatScript(1)).toBeUndefined();
    store.close();
  });

  it('stores the on-this-day choice and a chat’s script across a reopen', () => {
    const store = openStore(dir, log);
    store.subscribe({ chatId: 1, chatKind: 'private', now });
    store.updateSubscription(1, { onThisDay: true }, now);
    store.setChatScript(1, 'traditional', now);
    store.setChatScript(2, 'simplified', now);
    store.close();
    const again = openStore(dir, log);
    expect(again.subscription(1)?.onThisDay).toBe(true);
    expect(again.chatScript(1)).toBe('traditional');
    expect(again.chatScript(2)).toBe('simplified');
    again.setChatScript(1, null, now);
    expect(again.chatScript(1)).toBeUndefined();
    again.close();
  });
});
