import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, Bot, GrammyError, webhookCallback } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBotApi, type FakeBotApi, type FakeBotApiOptions } from './fake-bot-api.js';
import { fakeErrors } from './fake-errors.js';

const TOKEN = '123456:TEST-abcdefghijklmnopqrstuvwxyz';

let fake: FakeBotApi | undefined;
let stopBot: (() => Promise<void>) | undefined;

afterEach(async () => {
  await stopBot?.();
  stopBot = undefined;
  await fake?.stop();
  fake = undefined;
});

async function startFake(options: FakeBotApiOptions = {}): Promise<{ fake: FakeBotApi; api: Api }> {
  fake = createFakeBotApi(options);
  await fake.start();
  return { fake, api: new Api(TOKEN, { apiRoot: fake.url }) };
}

async function rawCall(f: FakeBotApi, method: string, init: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${f.url}/bot${TOKEN}/${method}`, { method: 'POST', ...init });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Resolves once the condition holds (checked every 10 ms; the test timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}

/** The rejection a grammY call ended with, for asserting on Telegram's error. */
async function rejection(promise: Promise<unknown>): Promise<GrammyError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof GrammyError)) throw new Error(`expected a GrammyError, got ${String(err)}`);
  return err;
}

describe('createFakeBotApi', () => {
  it('listens on an OS-assigned port of 127.0.0.1 and answers getMe', async () => {
    const { fake, api } = await startFake({ bot: { username: 'archive_test_bot' } });
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.url).not.toMatch(/:0$/);
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 123456, is_bot: true, username: 'archive_test_bot' });
    expect(fake.calls.map((c) => c.method)).toEqual(['getMe']);
  });

  it('answers an unknown method with 404 method not found', async () => {
    const { fake } = await startFake();
    const { status, body } = await rawCall(fake, 'sendTeleportation', { headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(status).toBe(404);
    expect(body).toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });
  });

  it('refuses a token other than the configured one', async () => {
    const { fake } = await startFake({ token: '999:other-token-abcdefghijklmnop' });
    const { status, body } = await rawCall(fake, 'getMe', {});
    expect(status).toBe(401);
    expect(body).toMatchObject({ ok: false, description: 'Unauthorized' });
  });

  it('holds getUpdates until a user writes, then delivers the message with a bot_command entity', async () => {
    const { fake, api } = await startFake({ maxPollSeconds: 30 });
    const poll = api.getUpdates({ timeout: 30 });
    await until(() => fake.polling);
    expect(fake.pendingUpdates()).toEqual([]);
    const sent = fake.sendText(42, '/date 2024-11-07');
    const updates = await poll;
    expect(updates).toHaveLength(1);
    expect(updates[0]?.update_id).toBe(sent.update_id);
    expect(updates[0]?.message).toMatchObject({
      chat: { id: 42, type: 'private' },
      from: { id: 42, is_bot: false },
      text: '/date 2024-11-07',
      entities: [{ type: 'bot_command', offset: 0, length: 5 }],
    });
  });

  it('answers an empty list when the long poll times out', async () => {
    const { api } = await startFake({ maxPollSeconds: 0.05 });
    expect(await api.getUpdates({ timeout: 30 })).toEqual([]);
  });

  it('forgets updates below the offset and redelivers the unconfirmed ones', async () => {
    const { fake, api } = await startFake();
    const a = fake.sendText(1, 'a');
    const b = fake.sendText(1, 'b');
    expect((await api.getUpdates({ timeout: 0 })).map((u) => u.update_id)).toEqual([a.update_id, b.update_id]);
    expect((await api.getUpdates({ timeout: 0, offset: b.update_id })).map((u) => u.update_id)).toEqual([b.update_id]);
    expect(await api.getUpdates({ timeout: 0, offset: b.update_id + 1 })).toEqual([]);
    expect(fake.pendingUpdates()).toEqual([]);
  });

  it('honours limit and allowed_updates', async () => {
    const { fake, api } = await startFake();
    fake.sendText(1, 'one');
    fake.sendText(1, 'two');
    fake.sendInlineQuery({ id: 1 }, '冬小麦');
    expect(await api.getUpdates({ timeout: 0, limit: 1 })).toHaveLength(1);
    const onlyInline = await api.getUpdates({ timeout: 0, allowed_updates: ['inline_query'] });
    expect(onlyInline.map((u) => Object.keys(u).filter((k) => k !== 'update_id'))).toEqual([['inline_query']]);
  });

  it('keeps chat_member updates out unless the bot asks for them', async () => {
    const { fake, api } = await startFake();
    fake.addUpdate({ chat_member: { chat: { id: -5, type: 'group', title: 'g' } } });
    fake.addUpdate({ my_chat_member: { chat: { id: -5, type: 'group', title: 'g' } } });
    const updates = await api.getUpdates({ timeout: 0 });
    expect(updates.map((u) => Object.keys(u).filter((k) => k !== 'update_id'))).toEqual([['my_chat_member']]);
  });

  it('terminates the older of two concurrent polls with 409', async () => {
    const { api } = await startFake({ maxPollSeconds: 30 });
    const first = api.getUpdates({ timeout: 30 });
    await until(() => fake?.polling === true);
    const second = api.getUpdates({ timeout: 30 }).catch(() => undefined);
    const err = await rejection(first);
    expect(err.error_code).toBe(409);
    await fake?.stop(); // answers the second poll
    expect(await second).toEqual([]);
  });

  it('numbers messages per chat and edits them in place', async () => {
    const { fake, api } = await startFake();
    fake.sendText(7, '你好');
    const m1 = await api.sendMessage(7, '<b>第一</b>', { parse_mode: 'HTML' });
    const m2 = await api.sendMessage(7, '第二');
    const other = await api.sendMessage(8, '别处');
    expect([m1.message_id, m2.message_id, other.message_id]).toEqual([2, 3, 1]);
    expect(m1).toMatchObject({ text: '第一', entities: [{ type: 'bold', offset: 0, length: 2 }], from: { is_bot: true } });

    await api.editMessageText(7, m1.message_id, '<b>第一</b> 改', { parse_mode: 'HTML' });
    expect(fake.messagesTo(7).map((m) => m.text)).toEqual(['第一 改', '第二']);
    expect(fake.message(7, m1.message_id)).toMatchObject({ edits: 1, source: '<b>第一</b> 改' });
    expect(fake.history(7)).toHaveLength(3);
  });

  it('answers 400 message is not modified for an edit with the same text and markup', async () => {
    const { fake, api } = await startFake();
    const markup = { inline_keyboard: [[{ text: '▶', callback_data: 'i:2' }]] };
    const m = await api.sendMessage(7, '<b>同</b>', { parse_mode: 'HTML', reply_markup: markup });
    const err = await rejection(api.editMessageText(7, m.message_id, '<strong>同</strong>', { parse_mode: 'HTML', reply_markup: markup }));
    expect(err.error_code).toBe(400);
    expect(err.description).toMatch(/^Bad Request: message is not modified/);
    // The same text without the keyboard is a change: the keyboard goes away.
    await api.editMessageText(7, m.message_id, '<b>同</b>', { parse_mode: 'HTML' });
    expect(fake.message(7, m.message_id)?.reply_markup).toBeUndefined();
    expect((await rejection(api.editMessageReplyMarkup(7, m.message_id))).description).toMatch(/not modified/);
    expect(fake.calls.filter((c) => !c.ok)).toHaveLength(2);
  });

  it('refuses to edit or delete messages it does not have', async () => {
    const { fake, api } = await startFake();
    const user = fake.sendText(7, '用户的话');
    expect((await rejection(api.editMessageText(7, 99, 'x'))).description).toBe('Bad Request: message to edit not found');
    expect((await rejection(api.editMessageText(7, user.message.message_id, 'x'))).description).toBe("Bad Request: message can't be edited");
    const m = await api.sendMessage(7, 'bye');
    await api.deleteMessage(7, m.message_id);
    expect(fake.messagesTo(7)).toEqual([]);
    expect((await rejection(api.deleteMessage(7, m.message_id))).description).toBe('Bad Request: message to delete not found');
  });

  it('accepts form-urlencoded and multipart bodies like JSON ones', async () => {
    const { fake } = await startFake();
    const markup = JSON.stringify({ inline_keyboard: [[{ text: 'a', callback_data: 'a:1' }]] });
    const form = new URLSearchParams({ chat_id: '-1001234567890', text: '123', reply_markup: markup });
    const urlencoded = await rawCall(fake, 'sendMessage', { body: form });
    expect(urlencoded.body).toMatchObject({ ok: true, result: { chat: { id: -1001234567890, type: 'supergroup' }, text: '123' } });

    const multipart = new FormData();
    multipart.set('chat_id', '5');
    multipart.set('text', '<i>多部分</i>');
    multipart.set('parse_mode', 'HTML');
    multipart.set('reply_markup', markup);
    const result = await rawCall(fake, 'sendMessage', { body: multipart });
    expect(result.body).toMatchObject({ ok: true, result: { chat: { id: 5 }, text: '多部分', reply_markup: JSON.parse(markup) as unknown } });
    expect(fake.calls[1]?.payload).toMatchObject({ chat_id: 5, text: '<i>多部分</i>' });
  });

  it('records limit violations and answers what Telegram rejects with its 400', async () => {
    const { fake, api } = await startFake();
    const err = await rejection(api.sendMessage(1, 'x'.repeat(4097)));
    expect(err.description).toMatch(/^Bad Request: message is too long/);
    await api.sendMessage(1, 'A & B', { parse_mode: 'HTML' }); // Telegram accepts it, the fake notes it
    expect(fake.violations.map((v) => [v.method, v.rule, v.rejected])).toEqual([
      ['sendMessage', 'text-too-long', true],
      ['sendMessage', 'html-unescaped', false],
    ]);
    expect(fake.violations[0]?.seq).toBe(fake.calls[0]?.seq);
  });

  it('lets a call through with enforceLimits off but still records the violation', async () => {
    const { fake, api } = await startFake({ enforceLimits: false });
    await api.sendMessage(1, '按钮', { reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: '冬小麦'.repeat(8) }]] } });
    expect(fake.violations.map((v) => v.rule)).toEqual(['button-data-invalid']);
  });

  it('fails the next calls of a method as told, then recovers', async () => {
    const { fake, api } = await startFake();
    fake.failNext('sendMessage', fakeErrors.tooManyRequests(1), { times: 2, chatId: 3 });
    await api.sendMessage(4, 'other chat is not affected');
    for (let i = 0; i < 2; i += 1) {
      const err = await rejection(api.sendMessage(3, 'x'));
      expect(err).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    }
    await api.sendMessage(3, 'now it works');
    expect(fake.count('sendMessage', { chatId: 3, ok: false })).toBe(2);
    expect(fake.count('sendMessage', { chatId: 3, ok: true })).toBe(1);
    expect(fake.count('sendMessage')).toBe(4);
  });

  it('applies injected rules, e.g. one user who blocked the bot', async () => {
    const { fake, api } = await startFake();
    const remove = fake.inject((call) => (call.method === 'sendMessage' && call.chatId === 666 ? fakeErrors.blocked() : undefined));
    expect((await rejection(api.sendMessage(666, 'x'))).error_code).toBe(403);
    await api.sendMessage(1, 'fine');
    remove();
    await api.sendMessage(666, 'unblocked');
    expect(fake.countsByChat('sendMessage')).toEqual(new Map([[1, 1], [666, 1]]));
    expect(fake.countsByChat('sendMessage', { ok: false })).toEqual(new Map([[666, 1]]));
  });

  it('delivers a button press for a message the bot sent and tracks its answer', async () => {
    const { fake, api } = await startFake();
    const m = await api.sendMessage(9, '期', { reply_markup: { inline_keyboard: [[{ text: '▶', callback_data: 'i:next' }]] } });
    expect(() => fake.pressButton(9, m.message_id, 'i:nowhere')).toThrow(/has no button "i:nowhere"/);
    const press = fake.pressButton(9, m.message_id, 'i:next');
    const [update] = await api.getUpdates({ timeout: 0, offset: press.update_id });
    expect(update?.callback_query).toMatchObject({ data: 'i:next', from: { id: 9 }, message: { message_id: m.message_id } });
    expect(fake.unansweredCallbackQueries()).toEqual([press.callback_query.id]);
    await api.answerCallbackQuery(press.callback_query.id, { text: '好' });
    expect(fake.unansweredCallbackQueries()).toEqual([]);
    expect((await rejection(api.answerCallbackQuery(press.callback_query.id))).description).toMatch(/query is too old/);
  });

  it('delivers inline queries and accepts their answer once', async () => {
    const { fake, api } = await startFake();
    const q = fake.sendInlineQuery({ id: 5, first_name: '读者' }, '冬小麦');
    const [update] = await api.getUpdates({ timeout: 0 });
    expect(update?.inline_query).toMatchObject({ id: q.inline_query.id, query: '冬小麦', from: { id: 5 } });
    const results = [{ type: 'article' as const, id: 'a1', title: '冬小麦', input_message_content: { message_text: '<b>冬小麦</b>', parse_mode: 'HTML' as const } }];
    await api.answerInlineQuery(q.inline_query.id, results);
    expect((await rejection(api.answerInlineQuery(q.inline_query.id, results))).error_code).toBe(400);
  });

  it('marks mentions and replies in group messages', async () => {
    const { fake, api } = await startFake();
    const m = await api.sendMessage(-5, '答案');
    const reply = fake.sendText({ id: -5, type: 'group', title: '读报群' }, '@archive_test_bot 再问', { id: 77 }, { replyTo: m.message_id });
    expect(reply.message).toMatchObject({
      chat: { id: -5, type: 'group', title: '读报群' },
      from: { id: 77 },
      entities: [{ type: 'mention', offset: 0, length: 17 }],
      reply_to_message: { message_id: m.message_id, from: { is_bot: true } },
    });
  });

  it('answers getChatMember and getChatAdministrators from the configured chat', async () => {
    const { fake, api } = await startFake({
      chats: [{ id: -100200, type: 'supergroup', title: '编辑部', administrators: [{ user: { id: 11, first_name: '主编' }, status: 'creator' }, { user: { id: 12 } }] }],
    });
    expect(await api.getChatMember(-100200, 11)).toMatchObject({ status: 'creator', user: { id: 11 } });
    expect(await api.getChatMember(-100200, 12)).toMatchObject({ status: 'administrator' });
    expect(await api.getChatMember(-100200, 13)).toMatchObject({ status: 'member', user: { id: 13 } });
    expect((await api.getChatAdministrators(-100200)).map((m) => m.user.id)).toEqual([11, 12]);
    expect(await api.getChat(-100200)).toMatchObject({ type: 'supergroup', title: '编辑部' });
    expect((await rejection(api.getChat(-999))).description).toBe('Bad Request: chat not found');
    fake.setChat(42);
    expect((await rejection(api.getChatAdministrators(42))).description).toMatch(/no administrators in the private chat/);
  });

  it('finds a public channel by its @username for getChat and getChatMember', async () => {
    const { api } = await startFake({
      chats: [{ id: -100300, type: 'channel', title: '报社频道', username: 'paper_channel', administrators: [{ user: { id: 21 } }] }],
    });
    expect(await api.getChat('@paper_channel')).toMatchObject({ id: -100300, type: 'channel', title: '报社频道' });
    expect(await api.getChatMember('@paper_channel', 21)).toMatchObject({ status: 'administrator' });
    expect((await rejection(api.getChat('@no_such_channel'))).description).toBe('Bad Request: chat not found');
  });

  it('stores commands per scope and language', async () => {
    const { fake, api } = await startFake();
    await api.setMyCommands([{ command: 'date', description: '按日期查看报纸' }]);
    await api.setMyCommands([{ command: 'settings', description: '设置' }], { scope: { type: 'all_group_chats' } });
    expect(await api.getMyCommands()).toEqual([{ command: 'date', description: '按日期查看报纸' }]);
    expect(fake.commands({ type: 'all_group_chats' })).toEqual([{ command: 'settings', description: '设置' }]);
    await api.deleteMyCommands();
    expect(await api.getMyCommands()).toEqual([]);
  });

  it('waits only for calls after a mark', async () => {
    const { fake, api } = await startFake();
    await api.sendMessage(1, 'old');
    const since = fake.mark();
    const waiting = fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === 1, 5_000, { since });
    await api.sendMessage(1, 'new');
    expect((await waiting).payload).toMatchObject({ text: 'new' });
    await expect(fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === 2, 20, { description: 'a message to chat 2' })).rejects.toThrow(
      /no call matched a message to chat 2 within 20 ms/,
    );
  });

  it('keeps counters but no payloads when recording is summary', async () => {
    const { fake, api } = await startFake({ recording: 'summary' });
    await api.sendMessage(1, 'x');
    await api.sendMessage(2, 'y');
    expect(fake.calls.map((c) => [c.method, c.chatId, c.payload])).toEqual([
      ['sendMessage', 1, undefined],
      ['sendMessage', 2, undefined],
    ]);
    expect(fake.countsByChat('sendMessage')).toEqual(new Map([[1, 1], [2, 1]]));
  });

  it('records send times per chat for rate checks and answers 429 above a flood limit', async () => {
    let clock = 1_000_000;
    const { fake, api } = await startFake({ now: () => clock, floodLimits: { perChatPerSecond: 1, retryAfter: 2 } });
    await api.sendMessage(1, 'a');
    expect((await rejection(api.sendMessage(1, 'b'))).parameters.retry_after).toBe(2);
    await api.sendMessage(2, 'other chat');
    clock += 1000;
    await api.sendMessage(1, 'c');
    expect(fake.rates.times(1)).toEqual([1_000_000, 1_001_000]);
    expect(fake.rates.maxInWindow(1000, 1)).toBe(1);
    expect(fake.rates.maxInWindow(1000)).toBe(2);
  });

  it('serves a grammY bot that long-polls, as the real bot process does', async () => {
    const { fake } = await startFake();
    const bot = new Bot(TOKEN, { client: { apiRoot: fake.url } });
    bot.command('start', (ctx) => ctx.reply(`欢迎，<b>${ctx.from?.first_name ?? ''}</b>`, { parse_mode: 'HTML' }));
    bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: ctx.callbackQuery.data }));
    const running = bot.start({ timeout: 30 });
    stopBot = async () => {
      await bot.stop();
      await running;
    };
    await fake.waitFor((c) => c.method === 'getUpdates', 10_000);
    const since = fake.mark();
    fake.sendText(31, '/start', { id: 31, first_name: '读者' });
    const reply = await fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === 31, 10_000, { since });
    expect(reply.response).toMatchObject({ ok: true, result: { text: '欢迎，读者' } });
    expect(fake.violations).toEqual([]);
  });

  it('pushes updates to a webhook with its secret token instead of holding them for getUpdates', async () => {
    const { fake, api } = await startFake();
    const bot = new Bot(TOKEN, { client: { apiRoot: fake.url, canUseWebhookReply: (method) => method === 'sendChatAction' } });
    bot.on('message:text', async (ctx) => {
      await ctx.replyWithChatAction('typing'); // goes back in the webhook response body
      await ctx.reply(`收到：${ctx.message.text}`);
    });
    await bot.init();
    const server = createServer(webhookCallback(bot, 'http', { secretToken: 'hook-secret' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stopBot = () => new Promise<void>((resolve) => server.close(() => resolve()));
    await api.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, { secret_token: 'hook-secret' });

    fake.sendText(12, '冬小麦');
    const reply = await fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === 12, 10_000);
    expect(reply.payload).toMatchObject({ text: '收到：冬小麦' });
    const action = await fake.waitFor((c) => c.method === 'sendChatAction' && c.chatId === 12, 10_000);
    expect(action.response).toEqual({ ok: true, result: true });
    expect((await rejection(api.getUpdates({ timeout: 0 }))).error_code).toBe(409);
    expect(fake.pendingUpdates()).toEqual([]);
  });
});
