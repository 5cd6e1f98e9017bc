import { closeSync, fstatSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, STORE_FILE, type DigestStore } from '../../src/digest/open-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { STORE_IMPAIRED } from '../../src/telegram/create-bot.js';
import { createSubscriptionsFeature } from '../../src/telegram/features/subscriptions.js';
import { makeFixtureArchive } from './support/archive-fixture.js';
import { createHarness, PRIVATE_CHAT } from './support/harness.js';

/**
 * The subscription database damaged while the bot runs: a subscriber asking for /settings is told the service is
 * impaired (and the log gets an error), never "本聊天尚未订阅" — and the bot keeps saying so until it is restarted.
 */

let dir: string;
let store: DigestStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'store-impaired-'));
  store = openStore(dir, createSilentLogger());
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Moves everything into the main file, then overwrites all its pages (the header stays, so it still looks like SQLite). */
function damageWhileOpen() {
  const file = path.join(dir, STORE_FILE);
  const other = new Database(file);
  other.pragma('wal_checkpoint(TRUNCATE)');
  other.close();
  const fd = openSync(file, 'r+');
  // Every page after the header: where the tables sit depends on the migrations that rebuilt them.
  const size = fstatSync(fd).size - 100;
  writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, 100);
  closeSync(fd);
}

describe('a subscription database damaged while running', () => {
  it('answers a subscriber with an apology saying the service is impaired, and logs an error', async () => {
    const archive = makeFixtureArchive();
    for (let chatId = 1; chatId <= 300; chatId++) store.subscribe({ chatId, chatKind: 'private', now: new Date() });
    store.subscribe({ chatId: PRIVATE_CHAT.id, chatKind: 'private', now: new Date() });
    const h = createHarness({ archive, extraFeatures: [createSubscriptionsFeature({ store, archive, timeZone: 'Asia/Shanghai' })] });
    damageWhileOpen();

    await h.send('/settings');
    await h.send('/settings');
    const texts = h.sentSince(0).map((m) => m.text);
    expect(texts).toEqual([STORE_IMPAIRED, STORE_IMPAIRED]);
    expect(texts.join('')).not.toContain('尚未订阅');
    expect(h.logs.filter((l) => l.level === 50 && l.impaired === true)).toHaveLength(2);
  });
});
