import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArchiveStore, type ArchiveStore } from '../../src/archive/open-archive-store.js';
import { createRateLimiter } from '../../src/digest/create-rate-limiter.js';
import { openStore, type DigestStore } from '../../src/digest/open-store.js';
import { runFanout, SETTLE_MS } from '../../src/digest/run-fanout.js';
import { createSilentLogger } from '../../src/logger.js';
import { testProfile } from '../support/test-profile.js';
import { createFakeClock } from './support/fake-clock.js';
import { recordingDeliverer } from './support/fixtures.js';

const TZ = 'Asia/Shanghai';
const log = createSilentLogger();
/** The seed printed on 2024-11-07 (masthead), cut into a first third and the whole. */
const SEED = readFileSync(path.join('seeds', '000_79b3c460d300cb0d.txt'), 'utf8');
const HALF = SEED.slice(0, Math.floor(SEED.length / 3));
/** 09:00 in Shanghai on the issue's day: after the default delivery time. */
const T0 = Date.parse('2024-11-07T01:00:00Z');

let root: string;
let seedsDir: string;
let digests: DigestStore;
let archive: ArchiveStore;
let clock = T0;
const now = () => new Date(clock);

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'fanout-settle-'));
  seedsDir = path.join(root, 'seeds');
  mkdirSync(seedsDir);
  mkdirSync(path.join(root, 'data'));
  digests = openStore(path.join(root, 'digests'), log);
  clock = T0;
  archive = await openArchiveStore({ seedsDir, profile: testProfile, dataDir: path.join(root, 'data'), paper: testProfile.paper, logger: log, now });
  digests.subscribe({ chatId: 1, chatKind: 'private', now: new Date(T0 - 86_400_000) });
});

afterEach(() => {
  archive.close();
  digests.close();
  rmSync(root, { recursive: true, force: true });
});

function fanout(deliver: ReturnType<typeof recordingDeliverer>['deliverer']) {
  const pacing = createFakeClock(clock);
  return pacing.run(runFanout({ store: digests, archive: archive.archive, deliver, limiter: createRateLimiter({ perSecond: 25, perChatIntervalMs: 1000 }, pacing), logger: log, now, timeZone: TZ }));
}

/** The issue file arrives (or grows) at `at`, and the watcher ingests it. */
async function arrive(text: string, at: number): Promise<void> {
  clock = at;
  const file = path.join(seedsDir, '2024-11-07.txt');
  writeFileSync(file, text);
  expect(await archive.ingestFile(file)).toBeUndefined();
}

describe('runFanout and an issue file still arriving (QA O5)', () => {
  it('holds back the newest issue until it has been unchanged for a while, then sends it whole', async () => {
    const { deliverer, sends } = recordingDeliverer();
    await arrive(HALF, T0);
    const halfIds = archive.archive.latest()!.articles.map((a) => a.id);
    const halfArticles = halfIds.length;

    clock = T0 + 10_000;
    expect(await fanout(deliverer)).toMatchObject({ skipped: 'settling', messages: 0 });

    // The copy resumes: the file is ingested again, whole, and the wait starts over.
    await arrive(SEED, T0 + 20_000);
    const whole = archive.archive.latest()!;
    expect(whole.articles.length).toBeGreaterThan(halfArticles);
    clock = T0 + 20_000 + SETTLE_MS / 2;
    expect((await fanout(deliverer)).skipped).toBe('settling');
    expect(sends).toEqual([]);

    clock = T0 + 20_000 + SETTLE_MS;
    const report = await fanout(deliverer);
    expect(report).toMatchObject({ issueId: whole.id, completed: 1 });
    expect(report.skipped).toBeUndefined();
    expect(sends).toHaveLength(1);
    // What went out is the whole issue: every article of it, not the first third's.
    const sentArticles = sends[0]!.part.split(':')[1]!.split(',');
    expect(sentArticles.length).toBeGreaterThan(halfArticles);
    expect(sentArticles.filter((id) => !halfIds.includes(id)).length).toBeGreaterThan(0);
  });

  it('sends an issue that arrived whole once it has settled, without waiting again', async () => {
    const { deliverer, sends } = recordingDeliverer();
    await arrive(SEED, T0);
    clock = T0 + SETTLE_MS;
    expect(await fanout(deliverer)).toMatchObject({ completed: 1 });
    clock = T0 + 2 * SETTLE_MS;
    expect(await fanout(deliverer)).toMatchObject({ due: 0, messages: 0 });
    expect(sends).toHaveLength(1);
  });
});
