/**
 * The fan-out under faults, as a bad day in production would have it: `digest --once` (the real CLI process) sends
 * one digest to N subscribers against the fake Bot API, which answers some sends 429 or 500 and carries some out
 * but drops the connection before answering (drop-after-accept); the process is SIGKILLed mid-run and started
 * again. Counted per chat at the fake: losses, and repeats — each one checked against README's rule (a repeat is
 * allowed only for a message whose connection dropped after the request, or that was in flight at the kill).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/digest/open-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { createFakeBotApi, fakeDrops } from '../support/fake-bot-api/fake-bot-api.js';
import { fakeErrors } from '../support/fake-bot-api/fake-errors.js';

export interface FaultBenchOptions {
  subscribers: number;
  perSecond: number;
  /** Every n-th send answered 429 / 500 / dropped after accept. */
  every429: number;
  every500: number;
  everyDrop: number;
  /** The process is SIGKILLed when the fake has taken this share of the sends. */
  killAt: number;
  /** The issue the CLI will send (the archive's newest) and its digest's message count. */
  issueId: string;
  parts: number;
}

export interface FaultBenchResult {
  subscribers: number;
  expected: number;
  delivered: number;
  losses: number;
  repeats: number;
  /** Repeats README's rule does not allow (should be 0). */
  repeatsOutsideRule: number;
  injected429: number;
  injected500: number;
  dropsAfterAccept: number;
  inFlightAtKill: number;
  seconds: number;
  pass: boolean;
}

const TOKEN = '123456:BENCH-abcdefghijklmnopqrstuvwxyz';

function runCli(apiRoot: string, dataDir: string, perSecond: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/digest.ts', '--once', '--rate', String(perSecond), '--concurrency', '16'], {
    cwd: process.cwd(),
    env: { ...process.env, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, stderr: () => stderr };
}

export async function benchFanoutWithFaults(options: FaultBenchOptions): Promise<FaultBenchResult> {
  const fake = createFakeBotApi({ token: TOKEN, recording: 'summary', history: false });
  await fake.start();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-faults-'));
  try {
    const store = openStore(dir, createSilentLogger());
    const since = new Date(Date.now() - 7 * 86_400_000);
    for (let chatId = 1; chatId <= options.subscribers; chatId++) store.subscribe({ chatId, chatKind: 'private', deliveryTime: '00:00', now: since });
    store.close();

    let sends = 0;
    let injected429 = 0;
    let injected500 = 0;
    /** Drops after accept per chat: each allows one repeat. */
    const dropped = new Map<number, number>();
    const killAfter = Math.round(options.subscribers * options.parts * options.killAt);
    let first: ReturnType<typeof runCli> | undefined;
    let killed = false;
    fake.inject((call) => {
      if (call.method !== 'sendMessage') return undefined;
      sends++;
      if (!killed && first && sends >= killAfter) {
        killed = true;
        first.child.kill('SIGKILL');
        return undefined;
      }
      if (sends % options.everyDrop === 0) {
        dropped.set(Number(call.chatId), (dropped.get(Number(call.chatId)) ?? 0) + 1);
        return fakeDrops.afterAccept();
      }
      if (sends % options.every429 === 0) return injected429++, fakeErrors.tooManyRequests(1);
      if (sends % options.every500 === 0) return injected500++, fakeErrors.internal();
      return undefined;
    });

    const started = performance.now();
    first = runCli(fake.url, dir, options.perSecond);
    const firstExit = await first.exited;
    if (firstExit.signal !== 'SIGKILL') throw new Error(`the first run was not killed (exit ${firstExit.code}): ${first.stderr()}`);
    const after = openStore(dir, createSilentLogger());
    const inFlight = new Set<number>();
    for (let chatId = 1; chatId <= options.subscribers; chatId++) {
      for (const p of after.parts(chatId, options.issueId)) if (p.status === 'sending') inFlight.add(chatId);
    }
    after.close();
    const second = runCli(fake.url, dir, options.perSecond);
    const secondExit = await second.exited;
    if (secondExit.code !== 0) throw new Error(`the second run exited ${secondExit.code}: ${second.stderr()}`);
    const seconds = (performance.now() - started) / 1000;

    const counts = fake.countsByChat('sendMessage', { ok: true });
    let delivered = 0;
    let losses = 0;
    let repeats = 0;
    let outside = 0;
    for (let chatId = 1; chatId <= options.subscribers; chatId++) {
      const got = counts.get(chatId) ?? 0;
      delivered += got;
      losses += Math.max(0, options.parts - got);
      const extra = Math.max(0, got - options.parts);
      repeats += extra;
      outside += Math.max(0, extra - (dropped.get(chatId) ?? 0) - (inFlight.has(chatId) ? 1 : 0));
    }
    return {
      subscribers: options.subscribers,
      expected: options.subscribers * options.parts,
      delivered,
      losses,
      repeats,
      repeatsOutsideRule: outside,
      injected429,
      injected500,
      dropsAfterAccept: fake.drops.afterAccept,
      inFlightAtKill: inFlight.size,
      seconds: Math.round(seconds * 10) / 10,
      pass: losses === 0 && outside === 0,
    };
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
