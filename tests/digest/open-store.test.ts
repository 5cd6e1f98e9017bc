import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { createSilentLogger } from '../../src/logger.js';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../src/digest/migrations.js';
import { STORE_FILE, openDatabase, openStore } from '../../src/digest/open-store.js';

const log = createSilentLogger();
const now = new Date('2024-11-07T00:00:00Z');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'digest-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openStore', () => {
  it('keeps subscriptions across a reopen', () => {
    const store = openStore(dir, log);
    store.subscribe({ chatId: 1, chatKind: 'private', deliveryTime: '07:30', filter: '农业', now });
    store.subscribe({ chatId: -100, chatKind: 'group', now });
    store.deactivate(-100, 'unsubscribed', now);
    store.close();

    const again = openStore(dir, log);
    expect(again.subscription(1)).toMatchObject({ chatId: 1, deliveryTime: '07:30', filter: '农业', active: true });
    expect(again.subscription(-100)).toMatchObject({ deliveryTime: '08:00', active: false, deactivatedReason: 'unsubscribed' });
    expect(again.activeSubscriptions().map((s) => s.chatId)).toEqual([1]);
    again.close();
  });

  it('runs in WAL mode', () => {
    openStore(dir, log).close();
    const db = new Database(path.join(dir, STORE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a file of garbage bytes with a clear StoreError and leaves it untouched', () => {
    const file = path.join(dir, STORE_FILE);
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));
    writeFileSync(file, garbage);
    expect(() => openStore(dir, log)).toThrowError(StoreError);
    expect(() => openStore(dir, log)).toThrowError(/not a SQLite database.*backup/);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses an existing empty (0-byte) file instead of starting a new database in it', () => {
    const file = path.join(dir, STORE_FILE);
    writeFileSync(file, '');
    expect(() => openStore(dir, log)).toThrowError(StoreError);
    expect(() => openStore(dir, log)).toThrowError(/empty \(0 bytes\).*backup/);
    expect(readFileSync(file).length).toBe(0);
  });

  it('refuses a database file it cannot read', () => {
    const file = path.join(dir, STORE_FILE);
    mkdirSync(file);
    expect(() => openStore(dir, log)).toThrowError(/Cannot read the subscription database/);
  });

  it('refuses a database from a newer schema and leaves it untouched', () => {
    openStore(dir, log).close();
    const file = path.join(dir, STORE_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = readFileSync(file);
    expect(() => openStore(dir, log)).toThrowError(new RegExp(`schema version ${SCHEMA_VERSION + 1}.*newer version`));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a SQLite file whose pages are damaged', () => {
    const store = openStore(dir, log);
    for (let i = 0; i < 300; i++) store.subscribe({ chatId: i, chatKind: 'private', now });
    store.close();
    const file = path.join(dir, STORE_FILE);
    const bytes = readFileSync(file);
    // Keep the 100-byte header, overwrite the rest of page 1 and the following pages (the schema and the tables).
    for (let i = 100; i < Math.min(bytes.length, 16384); i++) bytes[i] = 0xa5;
    writeFileSync(file, bytes);
    const err = (() => {
      try {
        openStore(dir, log);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).path).toBe(file);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('applies migrations in version order and records the version', () => {
    const migrations: Migration[] = [
      { version: 2, description: 'second', up: "INSERT INTO log VALUES ('second')" },
      { version: 1, description: 'first', up: 'CREATE TABLE log (step TEXT)' },
      { version: 3, description: 'third', up: "INSERT INTO log VALUES ('third')" },
    ];
    openDatabase(dir, log, migrations).db.close();
    const db = new Database(path.join(dir, STORE_FILE), { readonly: true });
    const steps = db.prepare<[], { step: string }>('SELECT step FROM log ORDER BY rowid').all().map((r) => r.step);
    expect(steps).toEqual(['second', 'third']);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });

  it('upgrades an older database without losing its subscriptions', () => {
    const first = MIGRATIONS.filter((m) => m.version === 1);
    const old = openDatabase(dir, log, first).db;
    old
      .prepare(
        "INSERT INTO subscriptions (chat_id, chat_kind, delivery_time, active_since, created_at, updated_at) VALUES (42, 'private', '06:45', 'x', 'x', 'x')",
      )
      .run();
    old.close();
    const store = openStore(dir, log);
    expect(store.subscription(42)?.deliveryTime).toBe('06:45');
    expect(store.tryAcquireLease('x', 'me', 1000, 0)).toBe(true);
    store.close();
  });

  it('rolls back a failing migration and stays at the previous version', () => {
    const good: Migration = { version: 1, description: 'ok', up: 'CREATE TABLE a (x INTEGER)' };
    const bad: Migration = { version: 2, description: 'broken', up: 'CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1)' };
    expect(() => openDatabase(dir, log, [good, bad])).toThrowError(StoreError);
    const db = new Database(path.join(dir, STORE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    db.close();
  });
});

describe('DigestStore', () => {
  it('refuses a second claim of the same part (the unique key)', () => {
    const store = openStore(dir, log);
    store.subscribe({ chatId: 7, chatKind: 'private', now });
    store.beginDelivery({ chatId: 7, issueId: 'i1', slot: '2024-11-07', parts: 2, now });
    expect(store.claimPart(7, 'i1', 0, now)).toBe('claimed');
    expect(store.claimPart(7, 'i1', 0, now)).toBe('in-flight');
    store.markPartSent(7, 'i1', 0, 99, now);
    expect(store.claimPart(7, 'i1', 0, now)).toBe('done');
    expect(store.parts(7, 'i1')).toMatchObject([{ part: 0, status: 'sent', messageId: 99 }]);
    store.close();
  });

  it('moves a subscription and its log to the supergroup id', () => {
    const store = openStore(dir, log);
    store.subscribe({ chatId: -5, chatKind: 'group', deliveryTime: '09:00', filter: '木垒', now });
    store.beginDelivery({ chatId: -5, issueId: 'i1', slot: '2024-11-07', parts: 1, now });
    store.migrateChat(-5, -1005, now);
    expect(store.subscription(-5)).toBeUndefined();
    expect(store.subscription(-1005)).toMatchObject({ chatKind: 'supergroup', deliveryTime: '09:00', filter: '木垒', active: true });
    expect(store.delivery(-1005, 'i1')?.status).toBe('sending');
    store.close();
  });

  it('restarts active_since only when an inactive subscription is resumed', () => {
    const store = openStore(dir, log);
    store.subscribe({ chatId: 3, chatKind: 'private', now });
    const later = new Date(now.getTime() + 86_400_000);
    expect(store.subscribe({ chatId: 3, chatKind: 'private', deliveryTime: '07:00', now: later }).activeSince).toBe(now.toISOString());
    store.deactivate(3, 'blocked', later);
    expect(store.subscribe({ chatId: 3, chatKind: 'private', now: later })).toMatchObject({ active: true, activeSince: later.toISOString(), deliveryTime: '07:00' });
    store.close();
  });

  it('hands the fan-out lease to one owner at a time until it expires', () => {
    const store = openStore(dir, log);
    expect(store.tryAcquireLease('fanout', 'a', 1000, 0)).toBe(true);
    expect(store.tryAcquireLease('fanout', 'b', 1000, 500)).toBe(false);
    expect(store.tryAcquireLease('fanout', 'b', 1000, 1500)).toBe(true);
    store.releaseLease('fanout', 'b');
    expect(store.tryAcquireLease('fanout', 'c', 1000, 1600)).toBe(true);
    store.close();
  });
});
