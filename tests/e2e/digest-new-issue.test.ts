import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoDateIn } from '../../src/text/calendar.js';
import { openStore } from '../../src/digest/open-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { createFakeBotApi, type CallRecord, type FakeBotApi } from '../support/fake-bot-api/fake-bot-api.js';
import { REPO_ROOT, TEST_TOKEN } from './support/bot-process.js';

/**
 * A new issue file dropped into the seeds directory while the bot runs is found by a question within seconds,
 * and goes out in the next digest — no restart. Runs the real bot process (src/main.ts) with its digest
 * scheduler and the seeds watcher.
 */

const ENTRY = 'src/main.ts';

const SUBSCRIBER = 7001;
const READER = 7002;
/** The test runs the scheduler with a 2 s tick (DIGEST_TICK_SECONDS); the timeout is generous for a loaded CI machine. */
const DIGEST_TIMEOUT_MS = 100_000;
const ANSWER_TIMEOUT_MS = 45_000;

/** A copy of the one seed with a printed masthead, dated `date` (YYYY-MM-DD), with an article no other issue has. */
function newIssueText(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'][new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  const seed = readFileSync(join(REPO_ROOT, 'seeds', '000_79b3c460d300cb0d.txt'), 'utf8');
  return seed
    .replace('2024年11月', `${y}年${m}月`)
    .replace(/\n7\n/, `\n${d}\n`)
    .replace('星期四', weekday)
    .replace('总第12124期', '总第12999期')
    .replace(
      '## 让学习成为一种生活方式',
      '## 玛纳斯县试种耐寒蓝莓喜获丰收\n\n本报讯 玛纳斯县今年在塔西河乡试种的三百亩耐寒蓝莓喜获丰收，平均亩产达到八百公斤。种植户说，耐寒蓝莓适应当地气候，明年还将扩大种植面积。\n\n## 让学习成为一种生活方式',
    );
}

describe('a new issue file while the bot runs', () => {
  let fake: FakeBotApi;
  let dataDir: string;
  let seedsDir: string;
  let child: ChildProcess | undefined;
  let output = '';
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'digest-new-data-'));
    seedsDir = await mkdtemp(join(tmpdir(), 'digest-new-seeds-'));
    cpSync(join(REPO_ROOT, 'seeds'), seedsDir, { recursive: true });
    fake = createFakeBotApi({ bot: { username: 'archive_test_bot' } });
    await fake.start();
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await fake?.stop();
    for (const dir of [dataDir, seedsDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers a question about it within seconds and sends it in the next digest', async () => {
    const { loadTestArchive } = await import('./support/load-test-archive.js');
    const archive = await loadTestArchive();
    const current = archive.latest()!;
    const today = isoDateIn(archive.paper.timeZone, new Date());
    // The subscriber already has the current newest issue, from yesterday's slot: nothing is owed until a new one.
    const store = openStore(dataDir, createSilentLogger());
    const longAgo = new Date(Date.now() - 7 * 86_400_000);
    store.subscribe({ chatId: SUBSCRIBER, chatKind: 'private', deliveryTime: '00:00', now: longAgo });
    store.beginDelivery({ chatId: SUBSCRIBER, issueId: current.id, slot: addDays(today, -1), parts: 1, now: longAgo });
    store.finishDelivery(SUBSCRIBER, current.id, 'sent', longAgo);
    store.close();

    const since = fake.mark();
    child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      cwd: REPO_ROOT,
      env: { ...process.env, BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.url, DATA_DIR: dataDir, SEEDS_DIR: seedsDir, DIGEST_TICK_SECONDS: '2', DIGEST_SETTLE_SECONDS: '2', LOG_LEVEL: 'warn', WEBHOOK_URL: '', WEBHOOK_SECRET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
    child.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
    exited = new Promise((resolve) => child!.once('exit', (code, signal) => resolve({ code, signal })));
    await fake.waitFor((c) => c.method === 'getUpdates', 90_000, { since, description: 'the bot polling' });

    // A date after every issue in the archive, so the new file is the newest issue.
    const newDate = addDays(current.date > today ? current.date : today, 1);
    const dropped = fake.mark();
    writeFileSync(join(seedsDir, '900_new_issue.txt'), newIssueText(newDate));

    const asked = fake.mark();
    let answer: CallRecord | undefined;
    // The watcher waits for the file to settle, then parses and indexes it: ask until the answer knows it.
    for (let attempt = 0; attempt < 15 && !answer; attempt++) {
      const mark = fake.mark();
      fake.sendText(READER, '玛纳斯县耐寒蓝莓亩产多少');
      const reply = await fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === READER && c.ok, ANSWER_TIMEOUT_MS, { since: mark });
      const text = (reply.response as { result: { text: string } }).result.text;
      if (text.includes('蓝莓')) answer = reply;
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(answer, `no answer mentioned the new article; bot output:\n${output}`).toBeDefined();
    expect(answer!.seq).toBeGreaterThan(asked);

    const digest = await fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === SUBSCRIBER && c.ok, DIGEST_TIMEOUT_MS, {
      since: dropped,
      description: 'the digest of the new issue',
    });
    const [y, m, d] = newDate.split('-').map(Number);
    const digestText = (digest.response as { result: { text: string } }).result.text;
    expect(digestText).toContain(`${y}年${m}月${d}日`);
    expect(digestText).toContain('玛纳斯县试种耐寒蓝莓喜获丰收');
    // Exactly one digest: the older issue is not sent again.
    expect(fake.calls.filter((c) => c.seq >= since && c.method === 'sendMessage' && c.chatId === SUBSCRIBER && c.ok)).toHaveLength(1);

    // Deleting the file takes the issue out again: the same question stops finding it.
    unlinkSync(join(seedsDir, '900_new_issue.txt'));
    let forgotten = false;
    for (let attempt = 0; attempt < 15 && !forgotten; attempt++) {
      const mark = fake.mark();
      fake.sendText(READER, '玛纳斯县耐寒蓝莓亩产多少');
      const reply = await fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === READER && c.ok, ANSWER_TIMEOUT_MS, { since: mark });
      const text = (reply.response as { result: { text: string } }).result.text;
      // The polite no-match reply, not a flood-limit notice or a stale answer.
      if (text.includes('没有找到') && !text.includes('试种耐寒蓝莓喜获丰收')) forgotten = true;
      // Slower than the per-reader flood limit (one message every 2 s after a burst).
      else await new Promise((resolve) => setTimeout(resolve, 2500));
    }
    expect(forgotten, `the deleted issue is still answered; bot output:\n${output}`).toBe(true);
    expect(fake.violations).toEqual([]);

    child.kill('SIGTERM');
    expect((await exited).code, output).toBe(0);
  });
});
