import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Bot, type RawApi, type Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type DigestStore } from '../../../src/digest/open-store.js';
import { createSilentLogger } from '../../../src/logger.js';
import type { BotContext, BotDeps } from '../../../src/telegram/context.js';
import { createSubscriptionsFeature } from '../../../src/telegram/features/subscriptions.js';
import { checkTelegramLimits } from '../../support/fake-bot-api/check-telegram-limits.js';
import { createArchive, type Archive } from '../../../src/archive/archive.js';
import { makeArchive, makeIssue, PAPER, TOPICS } from '../../digest/support/fixtures.js';
import { makeBotInfo } from '../../../src/telegram/bot-info.js';

const botInfo: UserFromGetMe = makeBotInfo({ id: 42, first_name: '档案', username: 'archive_test_bot' });

interface Call {
  method: string;
  payload: Record<string, unknown>;
}

let dir: string;
let store: DigestStore;
let clock: number;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'subs-feature-'));
  store = openStore(dir, createSilentLogger());
  clock = Date.parse('2024-11-07T00:00:00Z');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The feature on a real grammY Bot, with a transformer that records calls and answers them locally. */
function setup(options: { admins?: number[]; archive?: Archive } = {}) {
  const archive = options.archive ?? makeArchive([makeIssue('i1', '2024-11-06', 1), makeIssue('i2', '2024-11-07', 2)]);
  const calls: Call[] = [];
  let messageId = 100;
  const recorder: Transformer<RawApi> = async (_prev, method, payload) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    calls.push({ method, payload: p });
    let result: unknown = true;
    if (method === 'sendMessage') result = { message_id: messageId++, date: 0, chat: { id: p.chat_id, type: 'private' }, text: p.text };
    if (method === 'getChatMember') {
      const admin = (options.admins ?? []).includes(p.user_id as number);
      result = { status: admin ? 'administrator' : 'member', user: { id: p.user_id, is_bot: false, first_name: 'x' } };
    }
    return { ok: true, result } as never;
  };
  const bot = new Bot<BotContext>('123:TEST', { botInfo });
  bot.api.config.use(recorder);
  const logger = createSilentLogger();
  bot.use(async (ctx, next) => {
    ctx.log = logger;
    ctx.deps = { archive, logger } as unknown as BotDeps;
    await next();
  });
  bot.use(createSubscriptionsFeature({ store, archive, timeZone: 'Asia/Shanghai', now: () => new Date(clock) }));
  let updateId = 1;
  const chatOf = (chatId: number) => (chatId > 0 ? { id: chatId, type: 'private' as const, first_name: 'u' } : { id: chatId, type: 'group' as const, title: 'g' });
  const send = async (chatId: number, text: string, fromId = Math.abs(chatId)) => {
    const command = /^\/\w+/.exec(text)?.[0];
    const update: Update = {
      update_id: updateId++,
      message: {
        message_id: updateId,
        date: 0,
        chat: chatOf(chatId),
        from: { id: fromId, is_bot: false, first_name: 'u' },
        text,
        entities: command ? [{ type: 'bot_command', offset: 0, length: command.length }] : undefined,
      } as Update['message'],
    };
    await bot.handleUpdate(update);
  };
  const press = async (chatId: number, data: string, fromId = Math.abs(chatId), message?: Record<string, unknown>) => {
    await bot.handleUpdate({
      update_id: updateId++,
      callback_query: {
        id: `cb${updateId}`,
        chat_instance: 'x',
        from: { id: fromId, is_bot: false, first_name: 'u' },
        data,
        message: { message_id: 7, date: 0, chat: chatOf(chatId), text: 'old', ...message },
      },
    } as Update);
  };
  const replies = () => calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));
  return { bot, archive, calls, send, press, replies, chatOf, nextUpdateId: () => updateId++ };
}

function expectWithinLimits(calls: Call[]) {
  for (const c of calls) expect(checkTelegramLimits(c.method, c.payload)).toEqual([]);
}

describe('createSubscriptionsFeature', () => {
  it('subscribes at 08:00 by default and says so', async () => {
    const t = setup();
    await t.send(1, '/subscribe');
    expect(store.subscription(1)).toMatchObject({ active: true, deliveryTime: '08:00' });
    expect(store.subscription(1)?.filter).toBeUndefined();
    expect(t.replies()[0]).toContain('08:00');
    expectWithinLimits(t.calls);
  });

  it.each([
    ['/subscribe 07:30', '07:30', undefined],
    ['/subscribe 7点半', '07:30', undefined],
    ['/subscribe 农业', '08:00', '农业'],
    ['/subscribe 07:30 农业', '07:30', '农业'],
    ['/subscribe 农业 6点', '06:00', '农业'],
  ])('reads %s as time %s and filter %s', async (text, time, filter) => {
    const t = setup();
    await t.send(1, text);
    const sub = store.subscription(1)!;
    expect(sub.deliveryTime).toBe(time);
    expect(sub.filter).toBe(filter);
  });

  it.each([
    ['/subscribe ７：３０', '07:30', undefined],
    ['/subscribe 8am', '08:00', undefined],
    ['/subscribe 8:00am', '08:00', undefined],
    ['/subscribe 8pm', '20:00', undefined],
    ['/subscribe 上午8点', '08:00', undefined],
    ['/subscribe 晚上8点半', '20:30', undefined],
    ['/subscribe 7:30农业', '07:30', '农业'],
    ['/subscribe 晚上8点木垒县', '20:00', '木垒县'],
    ['/subscribe ７：３０ 光伏', '07:30', '光伏'],
  ])('reads %s as time %s and filter %s, never a time as a keyword', async (text, time, filter) => {
    const t = setup();
    await t.send(1, text);
    const sub = store.subscription(1)!;
    expect(sub.deliveryTime).toBe(time);
    expect(sub.filter).toBe(filter);
    expect(t.replies()[0]).toContain(`每天 ${time}`);
    expect(t.replies()[0]).not.toContain('资料库中没有');
  });

  it.each(['/subscribe 13pm', '/subscribe 7:75农业', '/subscribe 7:30 8:00'])('answers %s with a reason and subscribes nothing', async (text) => {
    const t = setup();
    await t.send(1, text);
    expect(store.subscription(1)).toBeUndefined();
    expect(t.replies()[0]).toMatch(/07:30/);
  });

  it('saves a keyword nothing in the archive matches, and says so with how to undo it', async () => {
    const t = setup();
    await t.send(1, '/subscribe 不存在的关键词xyz');
    expect(store.subscription(1)).toMatchObject({ active: true, filter: '不存在的关键词xyz' });
    const reply = t.replies()[0]!;
    expect(reply).toContain('目前资料库中没有与“不存在的关键词xyz”相关的文章，有相关文章时才会推送');
    expect(reply).toContain('/subscribe 全部');
    await t.send(1, '/subscribe 木垒');
    expect(t.replies()[1]).not.toContain('资料库中没有');
  });

  it('escapes an unmatched keyword in the warning', async () => {
    const t = setup();
    await t.send(1, '/subscribe <b>&x');
    expect(t.calls.filter((c) => c.method === 'sendMessage')[0]!.payload.text).toContain('没有与“&lt;b&gt;&amp;x”相关');
    expectWithinLimits(t.calls);
  });

  it('answers an impossible time clearly and subscribes nothing', async () => {
    const t = setup();
    await t.send(1, '/subscribe 25:00');
    expect(store.subscription(1)).toBeUndefined();
    expect(t.replies()[0]).toContain('25 点');
  });

  it('keeps the filter when only the time changes, and clears it with 全部', async () => {
    const t = setup();
    await t.send(1, '/subscribe 农业');
    await t.send(1, '/subscribe 9:15');
    expect(store.subscription(1)).toMatchObject({ deliveryTime: '09:15', filter: '农业' });
    await t.send(1, '/subscribe 全部');
    expect(store.subscription(1)?.filter).toBeUndefined();
  });

  it('unsubscribes', async () => {
    const t = setup();
    await t.send(1, '/subscribe');
    await t.send(1, '/unsubscribe');
    expect(store.subscription(1)).toMatchObject({ active: false, deactivatedReason: 'unsubscribed' });
    expect(t.replies()[1]).toContain('已退订');
  });

  it('lets only a group admin change the group’s subscription', async () => {
    const t = setup({ admins: [500] });
    await t.send(-9, '/subscribe 07:00', 600);
    expect(store.subscription(-9)).toBeUndefined();
    expect(t.replies()[0]).toContain('管理员');
    await t.send(-9, '/subscribe 07:00', 500);
    expect(store.subscription(-9)).toMatchObject({ active: true, chatKind: 'group', deliveryTime: '07:00' });
    expect(t.calls.filter((c) => c.method === 'getChatMember').map((c) => c.payload)).toEqual([
      { chat_id: -9, user_id: 600 },
      { chat_id: -9, user_id: 500 },
    ]);
  });

  it('remembers an admin check briefly, then asks again', async () => {
    const t = setup({ admins: [500] });
    await t.send(-9, '/subscribe', 500);
    await t.send(-9, '/subscribe 7:00', 500);
    expect(t.calls.filter((c) => c.method === 'getChatMember')).toHaveLength(1);
    clock += 61_000;
    await t.send(-9, '/subscribe 7:30', 500);
    expect(t.calls.filter((c) => c.method === 'getChatMember')).toHaveLength(2);
  });

  it('previews the newest issue with read buttons, without recording a delivery', async () => {
    const t = setup();
    await t.send(1, '/subscribe');
    await t.send(1, '/digest');
    const preview = t.calls.filter((c) => c.method === 'sendMessage')[1]!;
    expect(String(preview.payload.text)).toContain('2024年11月7日');
    const buttons = (preview.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat();
    expect(buttons.map((b) => b.callback_data)).toEqual(['a:i2-1:0', 'a:i2-2:0', 'a:i2-3:0']);
    expect(store.delivery(1, 'i2')).toBeUndefined();
    expectWithinLimits(t.calls);
  });

  it('previews only matching articles for a filtered subscription, and says when none match', async () => {
    const t = setup();
    await t.send(1, '/subscribe 光伏');
    await t.send(1, '/digest');
    expect(t.replies()[1]).toContain('准东光伏项目并网');
    expect(t.replies()[1]).not.toContain('读书会');
    await t.send(1, '/digest 航天');
    expect(t.replies()[2]).toContain('没有与“航天”相关');
  });

  it('shows settings and changes the time with a button, editing the message', async () => {
    const t = setup();
    await t.send(1, '/subscribe');
    await t.send(1, '/settings');
    const settings = t.calls.filter((c) => c.method === 'sendMessage')[1]!;
    const data = (settings.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat().map((b) => b.callback_data);
    expect(data).toContain('s:t:0730');
    expect(data).toContain('s:off');
    await t.press(1, 's:t:0730');
    expect(store.subscription(1)?.deliveryTime).toBe('07:30');
    const edit = t.calls.find((c) => c.method === 'editMessageText')!;
    expect(String(edit.payload.text)).toContain('07:30');
    expect(t.calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
    expectWithinLimits(t.calls);
  });

  it('offers to resubscribe at the time it will use after an unsubscribe, and uses it', async () => {
    const t = setup();
    await t.send(1, '/subscribe 7:30 农业');
    await t.send(1, '/unsubscribe');
    await t.send(1, '/settings');
    const settings = t.calls.filter((c) => c.method === 'sendMessage')[2]!;
    const button = (settings.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat()[0]!;
    expect(button).toEqual({ text: '✅ 订阅（每天 07:30）', callback_data: 's:on' });
    expect(String(settings.payload.text)).toContain('农业');
    await t.press(1, 's:on');
    expect(store.subscription(1)).toMatchObject({ active: true, deliveryTime: '07:30', filter: '农业' });
    const answer = t.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!;
    expect(String(answer.payload.text)).toContain('07:30');
  });

  it('offers the default time to a chat that never subscribed', async () => {
    const t = setup();
    await t.send(1, '/settings');
    const settings = t.calls.filter((c) => c.method === 'sendMessage')[0]!;
    const button = (settings.payload.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat()[0]!;
    expect(button.text).toBe('✅ 订阅（每天 08:00）');
    await t.press(1, 's:on');
    expect(store.subscription(1)).toMatchObject({ active: true, deliveryTime: '08:00' });
  });

  it('sets a topic filter and unsubscribes with buttons', async () => {
    const t = setup();
    await t.send(1, '/subscribe');
    const index = t.archive.topics().findIndex((x) => x.name === '农业农村');
    await t.press(1, `s:f:${index}`);
    expect(store.subscription(1)?.filter).toBe('农业农村');
    await t.press(1, 's:f:-');
    expect(store.subscription(1)?.filter).toBeUndefined();
    await t.press(1, 's:off');
    expect(store.subscription(1)?.active).toBe(false);
  });

  it('shows a keyword set with /subscribe as a checked button, and pressing it changes nothing', async () => {
    const t = setup();
    await t.send(1, '/subscribe 棉花');
    await t.send(1, '/settings');
    const settings = t.calls.filter((c) => c.method === 'sendMessage')[1]!;
    const buttons = (settings.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    expect(buttons.filter((b) => b.text.startsWith('✓ ') && !/^✓ \d/.test(b.text))).toEqual([{ text: '✓ 棉花', callback_data: 's:f:=' }]);
    expect(buttons.find((b) => b.text.endsWith('全部文章'))!.text).toBe('全部文章');
    await t.press(1, 's:f:=');
    expect(store.subscription(1)?.filter).toBe('棉花');
    expect(String(t.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!.payload.text)).toContain('棉花');
  });

  it('offers the places as buttons by index and checks the chosen one', async () => {
    const t = setup();
    await t.send(1, '/subscribe');
    await t.send(1, '/settings');
    const buttonsOf = (payload: Record<string, unknown>) =>
      (payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    const index = t.archive.topics().findIndex((x) => x.kind === 'place' && x.name === '木垒县');
    const place = buttonsOf(t.calls.filter((c) => c.method === 'sendMessage')[1]!.payload).find((b) => b.text === '木垒县');
    expect(place).toEqual({ text: '木垒县', callback_data: `s:f:${index}` });
    await t.press(1, place!.callback_data);
    expect(store.subscription(1)?.filter).toBe('木垒县');
    const edit = t.calls.filter((c) => c.method === 'editMessageText').at(-1)!;
    expect(buttonsOf(edit.payload).some((b) => b.text === '✓ 木垒县')).toBe(true);
    expectWithinLimits(t.calls);
  });

  it('says so when a topic button picks a topic no article in the archive has', async () => {
    const topics = { ...TOPICS, topics: [...TOPICS.topics, { name: '航天科技', keywords: ['航天'] }] };
    const t = setup({ archive: createArchive([makeIssue('i1', '2024-11-06', 1)], { paper: PAPER, topics }) });
    await t.send(1, '/subscribe');
    const index = (name: string) => t.archive.topics().findIndex((x) => x.name === name);
    const answers = () => t.calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => String(c.payload.text));
    await t.press(1, `s:f:${index('农业农村')}`);
    expect(answers().at(-1)).toBe('只推送“农业农村”');
    await t.press(1, `s:f:${index('航天科技')}`);
    expect(store.subscription(1)?.filter).toBe('航天科技');
    expect(answers().at(-1)).toContain('目前资料库中没有相关文章');
  });

  it('answers a forged or stale settings button politely and changes nothing', async () => {
    const t = setup();
    await t.send(1, '/subscribe');
    await t.press(1, 's:t:2599');
    await t.press(1, 's:f:999');
    expect(store.subscription(1)).toMatchObject({ deliveryTime: '08:00', active: true });
    const answers = t.calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => String(c.payload.text));
    expect(answers).toHaveLength(2);
    expect(answers.every((a) => a.includes('失效'))).toBe(true);
  });

  it('refuses a settings button from a group member who is not an admin', async () => {
    const t = setup({ admins: [500] });
    await t.send(-9, '/subscribe', 500);
    await t.press(-9, 's:off', 600);
    expect(store.subscription(-9)?.active).toBe(true);
    const answer = t.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!;
    expect(String(answer.payload.text)).toContain('管理员');
  });

  it('deactivates when the bot is blocked or removed (my_chat_member)', async () => {
    const t = setup({ admins: [500] });
    await t.send(1, '/subscribe');
    await t.send(-9, '/subscribe', 500);
    const member = (chatId: number, status: 'kicked' | 'left') =>
      t.bot.handleUpdate({
        update_id: t.nextUpdateId(),
        my_chat_member: {
          chat: t.chatOf(chatId),
          from: { id: 1, is_bot: false, first_name: 'u' },
          date: 0,
          old_chat_member: { status: 'member', user: { ...botInfo } },
          new_chat_member: status === 'kicked' ? { status, until_date: 0, user: { ...botInfo } } : { status, user: { ...botInfo } },
        },
      } as Update);
    await member(1, 'kicked');
    await member(-9, 'left');
    expect(store.subscription(1)).toMatchObject({ active: false, deactivatedReason: 'blocked' });
    expect(store.subscription(-9)).toMatchObject({ active: false, deactivatedReason: 'removed' });
  });

  it('moves a group’s subscription when the group becomes a supergroup', async () => {
    const t = setup({ admins: [500] });
    await t.send(-9, '/subscribe 6:30', 500);
    await t.bot.handleUpdate({
      update_id: t.nextUpdateId(),
      message: { message_id: 99, date: 0, chat: t.chatOf(-9), from: { id: 500, is_bot: false, first_name: 'u' }, migrate_to_chat_id: -1009 },
    } as Update);
    expect(store.subscription(-1009)).toMatchObject({ active: true, deliveryTime: '06:30' });
  });
});
