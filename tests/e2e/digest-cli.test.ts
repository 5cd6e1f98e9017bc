import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, STORE_FILE } from '../../src/digest/open-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { createFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/fake-bot-api.js';
import { fakeErrors } from '../support/fake-bot-api/fake-errors.js';
import { REPO_ROOT, TEST_TOKEN } from './support/bot-process.js';
import { seedDueSubscribers } from './support/due-subscribers.js';

/**
 * `npm run digest -- --once` as cron runs it: it honours DIGEST_RATE for every attempt (retries after 429/500
 * included), it is not stopped by a fan-out lease whose holder died — even a zombie, which `kill(pid, 0)` calls
 * alive — and when a live holder keeps its lease it says so and exits non-zero instead of "0, skipped".
 */

const SUBSCRIBERS = 12;

function runCli(fake: FakeBotApi, dataDir: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/digest.ts', '--once', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DIGEST_RATE: '25', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** A process that died and was never reaped: a zombie, which still answers kill(pid, 0). */
async function makeZombie(): Promise<{ pid: number; cleanup: () => void }> {
  const parent = spawn('bash', ['-c', '(sleep 0.2) & echo $!; exec sleep 120'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (c: Buffer) => resolve(Number(String(c).trim()))));
  for (let i = 0; i < 50; i++) {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2];
    if (state === 'Z') return { pid, cleanup: () => parent.kill('SIGKILL') };
    await new Promise((r) => setTimeout(r, 100));
  }
  parent.kill('SIGKILL');
  throw new Error(`process ${pid} never became a zombie`);
}

describe('digest --once', () => {
  let fake: FakeBotApi;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'digest-cli-'));
    fake = createFakeBotApi({ recording: 'summary' });
    await fake.start();
    seedDueSubscribers(dataDir, SUBSCRIBERS);
  });
  afterEach(async () => {
    await fake?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Writes the fan-out lease as a holder with `pid` on this host would have left it. */
  function holdLease(pid: number, expiresInMs: number) {
    const db = new Database(join(dataDir, STORE_FILE));
    db.prepare('INSERT OR REPLACE INTO leases (name, owner, pid, host, expires_at) VALUES (?, ?, ?, ?, ?)').run('digest-fanout', `dead-${pid}`, pid, hostname(), Date.now() + expiresInMs);
    db.close();
  }

  it('sends every attempt, retries after 429/500 included, within DIGEST_RATE', { timeout: 120_000 }, async () => {
    fake.failNext('sendMessage', fakeErrors.internal(), { times: 3 });
    fake.failNext('sendMessage', fakeErrors.tooManyRequests(1), { times: 2 });
    const run = await runCli(fake, dataDir, ['--per-chat-ms', '0'], { DIGEST_RATE: '4' });
    expect(run.code, run.stderr).toBe(0);
    expect(fake.countsByChat('sendMessage', { ok: true }).size).toBe(SUBSCRIBERS);
    const times = fake.calls.filter((c) => c.method === 'sendMessage').map((c) => c.time).sort((a, b) => a - b);
    expect(times.length).toBe(SUBSCRIBERS + 5);
    // Any 1-second window holds at most DIGEST_RATE attempts (slack for timer and network jitter on a loaded machine;
    // unpaced, the same 17 attempts arrive within a fraction of a second).
    for (let i = 4; i < times.length; i++) expect(times[i]! - times[i - 4]!, `attempts ${i - 4}..${i}`).toBeGreaterThanOrEqual(800);
    expect(JSON.parse(run.stdout)).toMatchObject({ rate: { perSecond: 4 } });
  });

  it('delivers despite a lease left by a holder that died as a zombie, once the lease expires unrenewed', { timeout: 120_000 }, async () => {
    const zombie = await makeZombie();
    try {
      holdLease(zombie.pid, 4_000);
      const run = await runCli(fake, dataDir, ['--rate', '200']);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ completed: SUBSCRIBERS });
      expect(JSON.parse(run.stdout).skipped).toBeUndefined();
      expect(fake.countsByChat('sendMessage', { ok: true }).size).toBe(SUBSCRIBERS);
    } finally {
      zombie.cleanup();
    }
  });

  it('says who holds a live lease and exits non-zero having sent nothing, never "0, skipped"', { timeout: 120_000 }, async () => {
    // A holder that renews: its lease outlasts the CLI's wait.
    holdLease(process.pid, 600_000);
    const run = await runCli(fake, dataDir, ['--lease-wait', '1']);
    expect(run.code, run.stderr).toBe(4);
    expect(run.stderr).toContain('nothing sent');
    expect(run.stderr).toContain(`pid ${process.pid}`);
    expect(JSON.parse(run.stdout)).toMatchObject({ skipped: 'locked' });
    expect(fake.count('sendMessage')).toBe(0);
  });
});
