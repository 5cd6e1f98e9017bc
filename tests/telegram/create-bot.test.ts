import { Composer, type Transformer } from 'grammy';
import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/telegram/context.js';
import { botCommands } from '../../src/telegram/commands.js';
import { DEFAULT_RATE_LIMIT } from '../../src/telegram/rate-limit.js';
import type { SearchEngine } from '../../src/search/types.js';
import { makeFixtureArchive } from './support/archive-fixture.js';
import { createFakeSearchEngine } from './support/fake-search-engine.js';
import { createHarness, GROUP_CHAT, lastWithButtons, PRIVATE_CHAT, READER } from './support/harness.js';
import { validateCallsAfterEachTest } from './support/validate-calls.js';

validateCallsAfterEachTest();

describe('createBot', () => {
  it('answers forged or unknown button data politely without touching the message', async () => {
    const h = createHarness();
    await h.send('/latest');
    const message = lastWithButtons(h);
    for (const data of ['x:1', 'a:../../etc:0', 'i:', 'm:abc', 'il:-1', 't:1:2:3', '🙂']) {
      const mark = h.mark();
      await h.press(message, data);
      const calls = h.callsSince(mark);
      expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery']);
      expect(String(calls[0]!.payload.text)).not.toBe('');
    }
  });

  it('replies with a pointer to /help for an unknown command', async () => {
    const h = createHarness();
    await h.send('/frobnicate');
    expect(h.sentSince(0)[0]!.text).toContain('/help');
  });

  it('retries a message that Telegram answered with 429', async () => {
    let refused = 0;
    const inject: Transformer = async (prev, method, payload, signal) => {
      if (method === 'sendMessage' && refused === 0) {
        refused++;
        return { ok: false, error_code: 429, description: 'Too Many Requests: retry after 0', parameters: { retry_after: 0 } } as never;
      }
      return prev(method, payload, signal);
    };
    const h = createHarness({ inject });
    await h.send('冬小麦');
    expect(refused).toBe(1);
    expect(h.callsOf('sendMessage')).toHaveLength(1);
    expect(h.sentSince(0)[0]!.text).toContain('关于「冬小麦」');
  });

  it('apologises to the user and logs the error with the update id when a handler fails', async () => {
    const archive = makeFixtureArchive();
    const broken: SearchEngine = { ...createFakeSearchEngine(archive), search: () => { throw new Error('index exploded'); } };
    const h = createHarness({ archive, search: broken });
    await h.send('冬小麦');
    expect(h.sentSince(0)[0]!.text).toContain('抱歉，处理您的消息时出了点问题');
    const entry = h.logs.find((l) => l.msg === 'update failed')!;
    expect(entry).toBeDefined();
    expect(entry.update_id).toBe(1);
    expect((entry.err as { message: string }).message).toBe('index exploded');
  });

  it('gives each update a child logger carrying its update id', async () => {
    const h = createHarness();
    await h.send('冬小麦');
    await h.send('天池');
    const answered = h.logs.filter((l) => l.msg === 'question answered');
    expect(answered.map((l) => l.update_id)).toEqual([1, 2]);
  });

  it('keeps the question text out of logs above debug level', async () => {
    const h = createHarness();
    await h.send('冬小麦');
    const withQuestion = h.logs.filter((l) => JSON.stringify(l).includes('冬小麦'));
    expect(withQuestion).toHaveLength(1);
    expect(withQuestion[0]).toMatchObject({ level: 20, question: '冬小麦' });
  });

  it('runs extra features before the catch-all question handler', async () => {
    const extra = new Composer<BotContext>();
    extra.command('subscribe', (ctx) => ctx.reply('已订阅'));
    const h = createHarness({ extraFeatures: [extra] });
    await h.send('/subscribe');
    expect(h.sentSince(0).map((m) => m.text)).toEqual(['已订阅']);
  });

  it('tells a non-text message in a private chat what it understands', async () => {
    const h = createHarness();
    await h.bot.handleUpdate({ update_id: 9, message: { message_id: 1, date: 0, chat: PRIVATE_CHAT, from: READER, sticker: { file_id: 'f', file_unique_id: 'u', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } } });
    expect(h.sentSince(0)[0]!.text).toContain('我只能读懂文字消息');
  });
});

describe('commands', () => {
  it('understands a command typed in capitals', async () => {
    const h = createHarness();
    await h.send('/DATE 2024-11-08');
    await h.send('/Latest@changji_test_bot');
    const [date, latest] = h.sentSince(0);
    expect(date!.text).toContain('《昌吉日报》2024年11月8日 星期五');
    expect(latest!.text).toContain('《昌吉日报》');
    expect(latest!.text).not.toContain('没有这个命令');
  });
});

describe('rate limit', () => {
  it('answers what the bucket allows and then tells once, after the burst, which messages were skipped', async () => {
    let now = Date.parse('2024-11-12T04:00:00Z');
    const h = createHarness({ rateLimit: { capacity: 3, refillPerSecond: 0.5, skipSummaryDelayMs: 20 }, now: () => new Date(now) });
    for (let i = 0; i < 6; i++) await h.send(i < 3 ? '冬小麦' : `问题${i}`);
    await new Promise((r) => setTimeout(r, 60));
    const texts = h.sentSince(0).map((m) => m.text);
    expect(texts.filter((t) => t.includes('关于「冬小麦」'))).toHaveLength(3);
    expect(texts).toHaveLength(4);
    expect(texts[3]).toContain('有 3 条消息没有处理：「问题3」「问题4」「问题5」');
    now += 2_000;
    const mark = h.mark();
    await h.send('冬小麦');
    expect(h.sentSince(mark).map((m) => m.text)[0]).toContain('关于「冬小麦」');
  });

  it('never drops a message of a burst of 40 without a word: every one is answered or named in the one summary', async () => {
    const h = createHarness({ rateLimit: { ...DEFAULT_RATE_LIMIT, skipSummaryDelayMs: 20 } });
    for (let i = 1; i <= 40; i++) await h.send(`冬小麦 ${i}`);
    await new Promise((r) => setTimeout(r, 60));
    const texts = h.sentSince(0).map((m) => m.text);
    const answered = texts.filter((t) => t.includes('关于「冬小麦'));
    const summaries = texts.filter((t) => t.includes('条消息没有处理'));
    expect(answered).toHaveLength(DEFAULT_RATE_LIMIT.capacity);
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toContain(`有 ${40 - DEFAULT_RATE_LIMIT.capacity} 条消息没有处理`);
    expect(summaries[0]).toContain(`「冬小麦 ${DEFAULT_RATE_LIMIT.capacity + 1}」`);
    expect(texts).toHaveLength(DEFAULT_RATE_LIMIT.capacity + 1);
  });

  it('limits each user separately', async () => {
    const h = createHarness({ rateLimit: { capacity: 1, refillPerSecond: 0.001 } });
    await h.send('冬小麦');
    await h.send('冬小麦', { from: { id: 888, is_bot: false, first_name: '另一位' }, chat: { id: 888, type: 'private', first_name: '另一位' } });
    expect(h.sentSince(0).filter((m) => m.text.includes('关于「冬小麦」'))).toHaveLength(2);
  });

  it('limits anonymous admins of different groups separately, though they share one sender account', async () => {
    const h = createHarness({ rateLimit: { capacity: 1, refillPerSecond: 0.001 } });
    const anonymous = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
    for (const id of [-1001, -1002]) {
      const group = { id, type: 'supergroup' as const, title: `群${id}` };
      await h.send('/ask 冬小麦', { chat: group, from: anonymous, senderChat: group });
    }
    expect(h.sentSince(0).filter((m) => m.text.includes('关于「冬小麦」'))).toHaveLength(2);
  });

  it('answers a button pressed too fast with a short note', async () => {
    const h = createHarness({ rateLimit: { capacity: 1, refillPerSecond: 0.001, callbacks: { capacity: 1, refillPerSecond: 0.001 } } });
    await h.send('/latest');
    await h.press(lastWithButtons(h), 'i:i1108');
    const mark = h.mark();
    await h.press(lastWithButtons(h), 'i:i1108');
    const calls = h.callsSince(mark);
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery']);
    expect(calls[0]!.payload.text).toContain('太频繁');
  });
});

describe('rate limit for buttons', () => {
  it('lets a reader press buttons about once a second far longer than messages are allowed', async () => {
    let now = Date.parse('2024-11-12T04:00:00Z');
    const h = createHarness({ rateLimit: DEFAULT_RATE_LIMIT, now: () => new Date(now) });
    await h.send('/latest');
    const mark = h.mark();
    for (let i = 0; i < 40; i++) {
      await h.press(lastWithButtons(h), 'i:i1108');
      now += 1_000;
    }
    const answers = h.callsSince(mark).filter((c) => c.method === 'answerCallbackQuery');
    expect(answers).toHaveLength(40);
    expect(answers.some((c) => String(c.payload.text ?? '').includes('太频繁'))).toBe(false);
  });

  it('still stops a script hammering buttons', async () => {
    const h = createHarness({ rateLimit: DEFAULT_RATE_LIMIT });
    await h.send('/latest');
    const mark = h.mark();
    for (let i = 0; i < 100; i++) await h.press(lastWithButtons(h), 'i:i1108');
    expect(h.callsSince(mark).some((c) => String(c.payload.text ?? '').includes('太频繁'))).toBe(true);
  });
});

describe('botCommands', () => {
  it('lists the bot commands with Chinese descriptions and appends extra ones once', () => {
    const commands = botCommands([{ command: 'subscribe', description: '订阅每日摘要' }, { command: 'help', description: '重复' }]);
    expect(commands.map((c) => c.command)).toEqual(['start', 'help', 'ask', 'latest', 'date', 'issue', 'issues', 'topics', 'topic', 'subscribe']);
    for (const c of commands) expect(c.description).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('rate limit in groups', () => {
  it('reports a member’s skipped requests in the group, as a reply to the last of them', async () => {
    const h = createHarness({ rateLimit: { capacity: 1, refillPerSecond: 0.001, skipSummaryDelayMs: 20 } });
    for (let i = 1; i <= 3; i++) await h.send(`/ask 冬小麦${i}`, { chat: GROUP_CHAT });
    await new Promise((r) => setTimeout(r, 60));
    const calls = h.callsSince(0).filter((c) => c.method === 'sendMessage');
    expect(calls).toHaveLength(2);
    expect(String(calls[1]!.payload.text)).toContain('有 2 条消息没有处理：「/ask 冬小麦2」「/ask 冬小麦3」');
    expect(calls[1]!.payload.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
  });

  it('does not count group talk that is not addressed to the bot', async () => {
    const h = createHarness({ rateLimit: { capacity: 1, refillPerSecond: 0.001 } });
    for (let i = 0; i < 3; i++) await h.send('今天天气不错', { chat: GROUP_CHAT });
    await h.send('/ask 冬小麦', { chat: GROUP_CHAT });
    expect(h.sentSince(0).map((m) => m.text)[0]).toContain('关于「冬小麦」');
  });
});
