import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/archive/archive.js';
import { formatChineseDate } from '../../src/text/calendar.js';
import { createFakeBotApi, type CallRecord, type FakeBotApi } from '../support/fake-bot-api/fake-bot-api.js';
import { fakeErrors } from '../support/fake-bot-api/fake-errors.js';
import { askCliExists, askCliTopResult, engineTopResult } from './support/ask-cli.js';
import { startBotProcess, type BotProcess } from './support/bot-process.js';
import { ANSWER_TIMEOUT_MS, buttonsOf, compact, messagesSince, nextMessage, resultMessage, visibleText } from './support/chat.js';

/**
 * The real bot process (`node --import tsx src/main.ts`), long-polling a fake Bot API on 127.0.0.1,
 * with the test acting as Telegram users. One bot process serves every test in this file: its
 * first start builds the search index. It reads the real seeds plus one added issue with an article
 * too long for one message (see seedsWithLongArticle); the ask CLI is run over the same folder.
 */

const QUESTION = '木垒县有多少亩冬小麦';
describe('the bot process against the fake Bot API', () => {
  let fake: FakeBotApi;
  let bot: BotProcess | undefined;
  let root: string | undefined;
  let dataDir: string;
  let seedsDir: string;
  let archive: Archive;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bot-e2e-'));
    dataDir = join(root, 'data');
    // Imported here, not at the top: they need the ingest modules, which may not exist yet.
    const [{ seedsWithLongArticle }, { loadTestArchive }] = await Promise.all([
      import('./support/long-article-seeds.js'),
      import('./support/load-test-archive.js'),
    ]);
    seedsDir = await seedsWithLongArticle(root);
    archive = await loadTestArchive(seedsDir);
    fake = createFakeBotApi({ bot: { username: 'archive_test_bot' } });
    await fake.start();
    bot = await startBotProcess(fake, { dataDir, env: { SEEDS_DIR: seedsDir } });
  });

  afterAll(async () => {
    await bot?.kill(); // only if a test failed before the clean stop
    await fake?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** Every call the bot made so far kept Telegram's limits, and no button was left spinning. */
  function expectTelegramRulesKept(): void {
    expect(fake.violations).toEqual([]);
    expect(fake.unansweredCallbackQueries()).toEqual([]);
  }

  it('answers a question with the excerpt and issue date of the first search result', async () => {
    const since = fake.mark();
    fake.sendText(1001, QUESTION);
    const reply = await nextMessage(fake, 1001, since, 'the answer to the question');

    const top = askCliExists() ? await askCliTopResult(QUESTION, { dataDir, seedsDir }) : await engineTopResult(QUESTION, { dataDir, seedsDir });
    expect(top, 'the search finds something for the question').toBeDefined();
    const text = visibleText(reply);
    expect(compact(text)).toContain(compact(top?.excerpt ?? '∅'));
    expect(text).toContain(formatChineseDate(top?.date ?? '∅'));
    expectTelegramRulesKept();
  });

  it('shows the issue of /date 2024-11-07 and moves to the neighbouring issues with ◀ ▶', async () => {
    const [issue] = archive.issuesOn('2024-11-07');
    expect(issue, 'the seeds hold the issue of 2024-11-07').toBeDefined();
    if (!issue) return;
    const { previous, next } = archive.neighbours(issue.id);
    const neighbour = next ?? previous;
    expect(neighbour, 'the issue has a neighbour').toBeDefined();
    if (!neighbour) return;
    const there = next ? '▶' : '◀';
    const back = next ? '◀' : '▶';

    const since = fake.mark();
    fake.sendText(1002, '/date 2024-11-07');
    const shown = await nextMessage(fake, 1002, since, 'the issue of 2024-11-07');
    expect(visibleText(shown)).toContain(formatChineseDate(issue.date));
    const messageId = resultMessage(shown).message_id;

    const moved = await press(1002, messageId, shown, there);
    expect(visibleText(moved)).toContain(formatChineseDate(neighbour.date));
    expect(fake.messagesTo(1002)).toHaveLength(1); // edited in place, not sent anew

    const returned = await press(1002, messageId, moved, back);
    expect(visibleText(returned)).toContain(formatChineseDate(issue.date));
    expect(fake.message(1002, messageId)?.edits).toBe(2);
    expectTelegramRulesKept();
  });

  it('reads the longest article in full, split into messages of at most 4096 characters', async () => {
    const articles = archive.issues().flatMap((i) => archive.readIssue(i.id)?.articles ?? []);
    const length = (a: (typeof articles)[number]): number => [...a.paragraphs, ...a.captions].join('').length;
    const longest = articles.reduce((a, b) => (length(b) > length(a) ? b : a));
    expect(length(longest), 'the test seeds hold an article longer than one message').toBeGreaterThan(4096);

    const since = fake.mark();
    let batchSince = since;
    fake.sendText(1003, `/start a_${longest.id}`);
    // The last message of a batch carries the buttons; a "continue" button (a:<id>:<part>) asks for the next batch.
    for (let batch = 0; batch < 10; batch += 1) {
      const last = await fake.waitFor(
        (c) => c.method === 'sendMessage' && c.chatId === 1003 && c.ok && c.payload?.reply_markup !== undefined,
        ANSWER_TIMEOUT_MS,
        { since: batchSince, description: `the end of batch ${batch + 1} of the article` },
      );
      const more = buttonsOf(last).find((b) => b.callback_data?.startsWith(`a:${longest.id}:`));
      if (!more?.callback_data) break;
      batchSince = fake.mark();
      fake.pressButton(1003, resultMessage(last).message_id, more.callback_data);
    }

    const parts = messagesSince(fake, 1003, since).map(visibleText);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    const whole = compact(parts.join(''));
    expect(whole).toContain(compact(longest.title));
    for (const paragraph of longest.paragraphs) expect(whole).toContain(compact(paragraph));
    expectTelegramRulesKept();
  });

  it('retries a sendMessage answered with 429 retry_after 1, and the answer still arrives', async () => {
    fake.failNext('sendMessage', fakeErrors.tooManyRequests(1), { chatId: 1004 });
    const since = fake.mark();
    fake.sendText(1004, QUESTION);
    const answer = await nextMessage(fake, 1004, since, 'the answer after the 429');

    const refused = fake.calls.filter((c) => c.seq >= since && c.method === 'sendMessage' && c.chatId === 1004 && !c.ok);
    expect(refused.map((c) => c.errorCode)).toEqual([429]);
    expect(answer.seq).toBeGreaterThan(refused[0]?.seq ?? Infinity);
    expect(answer.payload?.text).toBe(refused[0]?.payload?.text);
    expectTelegramRulesKept();
  });

  it('keeps answering other users while one user has blocked the bot', async () => {
    const blocked = 1005;
    const other = 1006;
    const remove = fake.inject((call) => (call.chatId === blocked ? fakeErrors.blocked() : undefined));
    try {
      const since = fake.mark();
      fake.sendText(blocked, QUESTION);
      await fake.waitFor((c) => c.chatId === blocked && c.errorCode === 403, ANSWER_TIMEOUT_MS, { since, description: 'the 403 for the blocked user' });
      fake.sendText(other, QUESTION);
      const answer = await nextMessage(fake, other, since, "the other user's answer");
      expect(visibleText(answer).length).toBeGreaterThan(0);
      expect(messagesSince(fake, blocked, since)).toEqual([]);

      const later = fake.mark();
      fake.sendText(other, '/latest');
      await nextMessage(fake, other, later, 'the answer to /latest after the 403');
    } finally {
      remove();
    }
    expectTelegramRulesKept();
  });

  it('sent nothing that breaks Telegram limits during the whole session', () => {
    expect(fake.count('sendMessage', { ok: true })).toBeGreaterThan(0);
    expectTelegramRulesKept();
  });

  it('stops on SIGTERM with exit code 0, having confirmed every update', async () => {
    const exit = await bot?.stop();
    expect(exit, bot?.output()).toEqual({ code: 0, signal: null });
    expect(fake.pendingUpdates()).toEqual([]);
  });

  /** Presses the button labelled with `arrow` on the message `view` shows; resolves with the edit, once the press is answered. */
  async function press(chatId: number, messageId: number, view: CallRecord, arrow: string): Promise<CallRecord> {
    const button = buttonsOf(view).find((b) => b.text.includes(arrow) && b.callback_data !== undefined);
    expect(button, `a ${arrow} button on the issue`).toBeDefined();
    const since = fake.mark();
    const { callback_query } = fake.pressButton(chatId, messageId, button?.callback_data ?? '');
    const [edit] = await Promise.all([
      fake.waitFor((c) => c.method === 'editMessageText' && c.chatId === chatId && c.ok && c.payload?.message_id === messageId, ANSWER_TIMEOUT_MS, {
        since,
        description: `the edit after pressing ${arrow}`,
      }),
      fake.waitFor((c) => c.method === 'answerCallbackQuery' && c.payload?.callback_query_id === callback_query.id, ANSWER_TIMEOUT_MS, {
        since,
        description: `the answer to pressing ${arrow}`,
      }),
    ]);
    return edit;
  }
});
