import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/digest/compose-digest.js';
import { openStore } from '../../src/digest/open-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { renderDigest } from '../../src/telegram/deliver-digest.js';
import { createFakeBotApi, type FakeBotApi } from '../../src/telegram/testing/fake-bot-api.js';
import { REPO_ROOT, TEST_TOKEN } from './support/bot-process.js';

/**
 * Crash safety, end to end: a real digest process fans out to many subscribers against the fake Bot API, is
 * SIGKILLed in the middle (while a sendMessage is in flight: the fake has it, the process never hears back),
 * then runs again. Counting per chat, everyone holds the whole digest, and the only repeats are messages that
 * were in flight at the kill (the store shows them as `sending`: at-least-once, see README).
 *
 * The process is `src/cli/digest.ts --once`, which runs the same `runFanout` as the bot's scheduler.
 */

const SUBSCRIBERS = 300;
const KILL_AT = 120;
const CONCURRENCY = 4;
const entry = 'src/cli/digest.ts';
const missing = ['src/ingest/load-issues.ts', entry].filter((f) => !existsSync(join(REPO_ROOT, f)));
if (missing.length > 0) process.stderr.write(`[e2e] SKIPPED tests/e2e/digest-crash.test.ts: missing ${missing.join(', ')}\n`);

interface Run {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

function runDigestOnce(fake: FakeBotApi, dataDir: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, '--once', '--rate', '300', '--concurrency', String(CONCURRENCY)], {
    cwd: REPO_ROOT,
    env: { ...process.env, BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', WEBHOOK_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

describe.skipIf(missing.length > 0)('digest fan-out killed with SIGKILL and restarted', () => {
  let fake: FakeBotApi;
  let dataDir: string;
  let first: Run | undefined;
  let second: Run | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'digest-crash-'));
    fake = createFakeBotApi({ recording: 'summary' });
    await fake.start();
  });

  afterAll(async () => {
    for (const run of [first, second]) if (run && run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    await fake?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('leaves every subscriber holding the digest, repeating at most the messages in flight at the kill', async () => {
    const store = openStore(dataDir, createSilentLogger());
    const since = new Date(Date.now() - 7 * 86_400_000);
    // 00:00 on the paper's clock has always passed: every subscriber is due.
    for (let chatId = 1; chatId <= SUBSCRIBERS; chatId++) store.subscribe({ chatId, chatKind: 'private', deliveryTime: '00:00', now: since });
    store.close();

    const { loadTestArchive } = await import('./support/load-test-archive.js');
    const archive = await loadTestArchive();
    const issue = archive.latest()!;
    const parts = renderDigest(composeDigest(issue)!).length;

    // Kill the process the moment the fake receives the KILL_AT-th message, before it answers.
    let received = 0;
    let killedChat: number | undefined;
    first = runDigestOnce(fake, dataDir);
    const victim = first;
    fake.inject((call) => {
      if (call.method !== 'sendMessage' || killedChat !== undefined) return undefined;
      if (++received === KILL_AT) {
        killedChat = Number(call.chatId);
        victim.child.kill('SIGKILL');
      }
      return undefined;
    });
    const firstExit = await first.exited;
    expect(firstExit.signal, first.output()).toBe('SIGKILL');
    expect(killedChat).toBeDefined();

    // What the crash left: digests half-sent, and parts in flight (`sending`) that Telegram may or may not have.
    const after = openStore(dataDir, createSilentLogger());
    const inFlight = new Set<string>();
    for (let chatId = 1; chatId <= SUBSCRIBERS; chatId++) {
      for (const p of after.parts(chatId, issue.id)) if (p.status === 'sending') inFlight.add(`${chatId}:${p.part}`);
    }
    after.close();
    expect(inFlight.size).toBeGreaterThanOrEqual(1);
    expect(inFlight.size).toBeLessThanOrEqual(CONCURRENCY);
    const deliveredBeforeRestart = fake.count('sendMessage', { ok: true });
    expect(deliveredBeforeRestart).toBeLessThan(SUBSCRIBERS * parts);

    second = runDigestOnce(fake, dataDir);
    const secondExit = await second.exited;
    expect(secondExit.code, second.output()).toBe(0);

    const counts = fake.countsByChat('sendMessage', { ok: true });
    const short: number[] = [];
    const extra: { chatId: number; copies: number }[] = [];
    for (let chatId = 1; chatId <= SUBSCRIBERS; chatId++) {
      const got = counts.get(chatId) ?? 0;
      if (got < parts) short.push(chatId);
      if (got > parts) extra.push({ chatId, copies: got - parts });
    }
    expect(short, 'subscribers left without (part of) the digest').toEqual([]);
    // Repeats only where a part was in flight at the kill, one repeat each at most.
    for (const { chatId, copies } of extra) {
      expect(copies).toBe(1);
      expect([...inFlight].some((k) => k.startsWith(`${chatId}:`)), `chat ${chatId} repeated a message that was not in flight`).toBe(true);
    }
    expect(extra.length).toBeLessThanOrEqual(inFlight.size);
    // The message the kill interrupted was received by the fake, so at-least-once repeats exactly that one.
    expect(extra.map((e) => e.chatId)).toContain(killedChat);
    expect(fake.violations).toEqual([]);
  });
});
