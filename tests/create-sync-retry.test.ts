import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_FILE } from '../src/archive/archive-db.js';
import { openArchiveStore, type ArchiveStore } from '../src/archive/open-archive-store.js';
import { createSyncRetry, type Schedule } from '../src/create-sync-retry.js';
import { createSilentLogger } from '../src/logger.js';
import { testProfile } from './support/test-profile.js';

const paper = testProfile.paper;
const SEEDS = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();

let root: string;
let seedsDir: string;
let dataDir: string;
const open: ArchiveStore[] = [];

async function openStore(options: { syncOnOpen?: boolean } = {}): Promise<ArchiveStore> {
  const store = await openArchiveStore({ seedsDir, profile: testProfile, dataDir, paper, logger: createSilentLogger(), ...options });
  open.push(store);
  return store;
}

/** A logger whose lines the test reads, and a scheduler whose retries the test fires (no sleeps). */
function harness() {
  const lines: { level: number; msg: string; dataDir?: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
  const pending: { run: () => Promise<void>; ms: number }[] = [];
  const schedule: Schedule = (run, ms) => {
    const job = { run, ms };
    pending.push(job);
    return () => pending.splice(pending.indexOf(job), 1);
  };
  return { lines, logger, pending, schedule };
}

/** An archive of the first `n` seeds, and the database's page count: a disk that fills up lets it grow no further. */
async function archiveOf(n: number): Promise<number> {
  for (const f of SEEDS.slice(0, n)) copyFileSync(path.join('seeds', f), path.join(seedsDir, f));
  (await openStore()).close();
  open.length = 0;
  const db = new Database(path.join(dataDir, ARCHIVE_FILE));
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.close();
  return pages;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sync-retry-'));
  seedsDir = path.join(root, 'seeds');
  dataDir = path.join(root, 'data');
  mkdirSync(seedsDir);
  mkdirSync(dataDir);
});

afterEach(() => {
  for (const s of open.splice(0)) s.close();
  rmSync(root, { recursive: true, force: true });
});

describe('createSyncRetry', () => {
  it('keeps the archive it has when the disk is full at startup, tells the operator to free space under DATA_DIR, and retries until it is written', async () => {
    const pages = await archiveOf(3);
    copyFileSync(path.join('seeds', SEEDS[3]!), path.join(seedsDir, SEEDS[3]!));
    const store = await openStore({ syncOnOpen: false });
    store.db.pragma(`max_page_count = ${pages + 1}`);
    const { lines, logger, pending, schedule } = harness();
    const archiveSync = createSyncRetry({ sync: () => store.sync(), dataDir, logger, schedule });

    expect(await archiveSync.run()).toBeUndefined();
    expect(store.archive.issues()).toHaveLength(3);
    expect(archiveSync.failing()).toBe('disk full');
    const error = lines.find((l) => l.level === 50);
    expect(error?.msg).toContain(`the disk holding DATA_DIR (${dataDir}) is full: free some space there`);
    expect(error?.msg).toContain('retried every 60 s');
    expect(pending.map((p) => p.ms)).toEqual([60_000]);

    // Still full at the first retry: it fails again and is scheduled again, never twice at once.
    await pending.shift()!.run();
    expect(store.archive.issues()).toHaveLength(3);
    expect(pending).toHaveLength(1);

    // Space freed: the next retry writes the file that was left out.
    store.db.pragma('max_page_count = 1073741823');
    await pending.shift()!.run();
    expect(store.archive.issues()).toHaveLength(4);
    expect(archiveSync.failing()).toBeUndefined();
    expect(pending).toHaveLength(0);
    expect(lines.some((l) => l.level === 30 && /archive sync recovered/.test(l.msg))).toBe(true);
  });

  it('turns a full disk while ingesting one watched file into the same error and a retry of the whole sync', async () => {
    const pages = await archiveOf(3);
    const store = await openStore({ syncOnOpen: false });
    store.db.pragma(`max_page_count = ${pages + 1}`);
    const { lines, logger, pending, schedule } = harness();
    const archiveSync = createSyncRetry({ sync: () => store.sync(), dataDir, logger, schedule });
    const dropped = path.join(seedsDir, SEEDS[4]!);
    copyFileSync(path.join('seeds', SEEDS[4]!), dropped);

    expect(await archiveSync.guard(() => store.ingestFile(dropped))).toBeUndefined();
    expect(store.archive.issues()).toHaveLength(3);
    expect(lines.filter((l) => l.level === 50)).toHaveLength(1);
    expect(pending).toHaveLength(1);

    store.db.pragma('max_page_count = 1073741823');
    await pending.shift()!.run();
    expect(store.archive.issues()).toHaveLength(4);
  });

  it('throws what is not a write to the archive (a bug must not pass for a full disk)', async () => {
    const { logger, pending, schedule } = harness();
    const archiveSync = createSyncRetry({ sync: () => Promise.reject(new TypeError('boom')), dataDir, logger, schedule });
    await expect(archiveSync.run()).rejects.toThrow('boom');
    expect(pending).toHaveLength(0);
  });

  it('cancels a pending retry on close', async () => {
    const pages = await archiveOf(3);
    copyFileSync(path.join('seeds', SEEDS[3]!), path.join(seedsDir, SEEDS[3]!));
    const store = await openStore({ syncOnOpen: false });
    store.db.pragma(`max_page_count = ${pages + 1}`);
    const { logger, pending, schedule } = harness();
    const archiveSync = createSyncRetry({ sync: () => store.sync(), dataDir, logger, schedule });
    await archiveSync.run();
    expect(pending).toHaveLength(1);
    archiveSync.close();
    expect(pending).toHaveLength(0);
  });
});
