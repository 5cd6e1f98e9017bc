import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Chat } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArchive, type Archive } from '../../../src/archive/archive.js';
import { openStore, type DigestStore } from '../../../src/digest/open-store.js';
import { MAX_SUBSCRIPTIONS_PER_CHAT } from '../../../src/digest/subscription.js';
import { createSilentLogger } from '../../../src/logger.js';
import { createSubscriptionsFeature } from '../../../src/telegram/features/subscriptions.js';
import type { LocalMessage } from '../../../src/telegram/local-bot-api.js';
import { makeArchive, makeIssue, PAPER, TOPICS } from '../../digest/support/fixtures.js';
import { chatMembers, type ChatMembers } from '../support/chat-members.js';
import { BOT_INFO, buttonsOf, createHarness, GROUP_CHAT, lastWithButtons, type Harness } from '../support/harness.js';
import { validateCallsAfterEachTest } from '../support/validate-calls.js';

validateCallsAfterEachTest();

let dir: string;
let store: DigestStore;
let clock: number;
/** getChat/getChatMember calls of the current test. */
let seen: { method: string; payload: Record<string, unknown> }[];
const memberChecks = () => seen.filter((c) => c.method === 'getChatMember');
beforeEach(() => {
  seen = [];
  dir = mkdtempSync(path.join(tmpdir(), 'subs-feature-'));
  store = openStore(dir, createSilentLogger());
  clock = Date.parse('2024-11-07T00:00:00Z');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ADMIN = { id: 500, is_bot: false, first_name: '管理员' };
const MEMBER = { id: 600, is_bot: false, first_name: '群友' };
const CHANNEL: Chat.ChannelChat = { id: -1001234567, type: 'channel', title: '昌吉日报频道', username: 'changji_daily' };

/** The whole bot (createBot) with the subscriptions feature over a real store, through the one harness. */
function setup(options: { archive?: Archive; members?: Partial<ChatMembers> } = {}): Harness & { replies(): string[]; answers(): string[] } {
  const archive = options.archive ?? makeArchive([makeIssue('i1', '2024-11-06', 1), makeIssue('i2', '2024-11-07', 2)]);
  const members: ChatMembers = { admins: { [GROUP_CHAT.id]: [ADMIN.id] }, chats: [CHANNEL], seen, ...options.members };
  const h = createHarness({
    scriptOf: (chatId) => store.chatScript(chatId),
    archive,
    inject: chatMembers(members),
    now: () => new Date(clock),
    extraFeatures: [createSubscriptionsFeature({ store, archive, timeZone: 'Asia/Shanghai', now: () => new Date(clock) })],
  });
  return Object.assign(h, {
    replies: () => h.api.messages().map((m) => m.text),
    answers: () => h.callsOf('answerCallbackQuery').map((c) => String(c.payload.text ?? '')),
  });
}

/** The message now on screen with this id (after edits). */
const current = (h: Harness, message: LocalMessage) => h.api.messages().find((m) => m.messageId === message.messageId)!;
const dataOf = (m: LocalMessage, text: string) => buttonsOf(m).find((b) => b.text === text || b.text.includes(text))?.data;

describe('/subscribe', () => {
  it('subscribes at 08:00 by default and says so', async () => {
    const h = setup();
    await h.send('/subscribe');
    expect(store.subscription(777)).toMatchObject({ active: true, deliveryTime: '08:00', onThisDay: false });
    expect(store.subscription(777)?.filter).toBeUndefined();
    expect(h.replies()[0]).toContain('08:00');
  });

  it.each([
    ['/subscribe 07:30', '07:30', undefined],
    ['/subscribe 7点半', '07:30', undefined],
    ['/subscribe 农业', '08:00', '农业'],
    ['/subscribe 07:30 农业', '07:30', '农业'],
    ['/subscribe 农业 6点', '06:00', '农业'],
    ['/subscribe ７：３０', '07:30', undefined],
    ['/subscribe 8pm', '20:00', undefined],
    ['/subscribe 晚上8点半', '20:30', undefined],
    ['/subscribe 7:30农业', '07:30', '农业'],
    ['/subscribe 晚上8点木垒县', '20:00', '木垒县'],
  ])('reads %s as time %s and filter %s', async (text, time, filter) => {
    const h = setup();
    await h.send(text);
    expect(store.subscription(777)).toMatchObject({ deliveryTime: time });
    expect(store.subscription(777)?.filter).toBe(filter);
    expect(h.replies()[0]).toContain(`每天 ${time}`);
  });

  it('keeps two keywords and an exclusion, and says how the newest issue fares', async () => {
    const h = setup();
    await h.send('/subscribe 07:30 农业 光伏 -风电');
    expect(store.subscription(777)).toMatchObject({ deliveryTime: '07:30', filter: '农业 光伏 -风电' });
    const reply = h.replies()[0]!;
    expect(reply).toContain('只含与“农业”或“光伏”相关的文章，不含“风电”的文章');
    expect(reply).toContain('最新一期（2024年11月7日）有 1/3 篇符合');
  });

  it('tells the reader plainly when the filter matches nothing in the newest issue', async () => {
    const h = setup();
    await h.send('/subscribe 不存在的关键词xyz');
    expect(store.subscription(777)).toMatchObject({ active: true, filter: '不存在的关键词xyz' });
    const reply = h.replies()[0]!;
    expect(reply).toContain('目前资料库中没有与“不存在的关键词xyz”相关的文章');
    expect(reply).toContain('最新一期（2024年11月7日）没有符合筛选的文章');
    expect(reply).toContain('全部文章');
  });

  it('escapes typed keywords in every reply', async () => {
    const h = setup();
    await h.send('/subscribe <b>&x');
    expect(h.api.messages()[0]!.html).toContain('“&lt;b&gt;&amp;x”');
  });

  it.each(['/subscribe 13pm', '/subscribe 7:75农业', '/subscribe 25:00'])('answers %s with a reason and subscribes nothing', async (text) => {
    const h = setup();
    await h.send(text);
    expect(store.subscription(777)).toBeUndefined();
    expect(h.replies()).toHaveLength(1);
  });

  it('refuses too many keywords with an example', async () => {
    const h = setup();
    await h.send('/subscribe 一 二 三 四 五 六 七 八 九');
    expect(store.subscription(777)).toBeUndefined();
    expect(h.replies()[0]).toContain('最多 8 个');
  });

  it('adds a second subscription when a subscribed chat names a time and a filter, and refuses a duplicate', async () => {
    const h = setup();
    await h.send('/subscribe 07:30');
    await h.send('/subscribe 19:00 农业');
    expect(store.subscriptions(777).map((s) => [s.sub, s.deliveryTime, s.filter, s.active])).toEqual([
      [0, '07:30', undefined, true],
      [1, '19:00', '农业', true],
    ]);
    expect(h.replies()[1]).toContain('2 个订阅');
    await h.send('/subscribe 19:00 农业');
    expect(h.replies()[2]).toContain('同样时间、同样筛选');
    expect(store.subscriptions(777)).toHaveLength(2);
  });

  it(`caps a chat at ${MAX_SUBSCRIPTIONS_PER_CHAT} subscriptions with a polite answer`, async () => {
    const h = setup();
    await h.send('/subscribe');
    for (let hour = 10; hour < 10 + MAX_SUBSCRIPTIONS_PER_CHAT; hour++) await h.send(`/subscribe ${hour}:00`);
    expect(store.subscriptions(777).filter((s) => s.active)).toHaveLength(MAX_SUBSCRIPTIONS_PER_CHAT);
    expect(h.replies().at(-1)).toContain(`最多 ${MAX_SUBSCRIPTIONS_PER_CHAT} 个订阅`);
  });

  it('asks which subscription /unsubscribe means when there are several, and takes a number or a button', async () => {
    const h = setup();
    await h.send('/subscribe 07:30');
    await h.send('/subscribe 19:00 农业');
    await h.send('/subscribe 21:30 光伏');
    await h.send('/unsubscribe');
    const ask = lastWithButtons(h);
    expect(ask.text).toContain('退订哪一个');
    const buttons = buttonsOf(ask);
    expect(buttons).toHaveLength(3);
    for (const b of buttons) expect(Buffer.byteLength(b.data ?? '')).toBeLessThanOrEqual(64);
    await h.press(ask, buttons[1]!.data!);
    expect(store.subscription(777, 1)?.active).toBe(false);
    await h.send('/unsubscribe 2');
    expect(store.subscription(777, 2)?.active).toBe(false);
    expect(store.subscription(777, 0)?.active).toBe(true);
    expect(h.replies().at(-1)).toContain('21:30');
  });

  it('says how many subscriptions /unsubscribe 全部 ended', async () => {
    const h = setup();
    await h.send('/subscribe 07:30');
    await h.send('/subscribe 19:00 农业');
    await h.send('/unsubscribe 全部');
    expect(h.replies().at(-1)).toContain('已退订全部 2 个订阅');
    expect(store.subscription(777, 0)?.active).toBe(false);
    expect(store.subscription(777, 1)?.active).toBe(false);
  });

  it('refuses an /unsubscribe number or word that names no subscription, also when there is only one', async () => {
    const h = setup();
    await h.send('/subscribe 07:30');
    await h.send('/unsubscribe 7');
    expect(store.subscription(777, 0)?.active).toBe(true);
    expect(lastWithButtons(h).text).toContain('没有第 7 个订阅。本聊天只有 1 个订阅');
    await h.send('/unsubscribe abc');
    expect(store.subscription(777, 0)?.active).toBe(true);
    expect(h.replies().at(-1)).toContain('看不懂“abc”');
    await h.send('/unsubscribe 1');
    expect(store.subscription(777, 0)?.active).toBe(false);
  });

  it('shows each subscription in /settings and changes the chosen one only', async () => {
    const h = setup();
    await h.send('/subscribe 07:30');
    await h.send('/subscribe 19:00 农业');
    await h.send('/settings');
    const message = lastWithButtons(h);
    expect(message.text).toContain('2 个订阅');
    const pick = dataOf(message, '19:00 农业')!;
    expect(pick).toBe('s:1:p');
    await h.press(message, pick);
    expect(current(h, message).text).toContain('每天 19:00');
    await h.press(message, dataOf(current(h, message), '20:00')!);
    expect(store.subscription(777, 1)?.deliveryTime).toBe('20:00');
    expect(store.subscription(777, 0)?.deliveryTime).toBe('07:30');
    await h.press(message, dataOf(current(h, message), '退订这个订阅')!);
    expect(store.subscription(777, 1)?.active).toBe(false);
    expect(store.subscription(777, 0)?.active).toBe(true);
  });

  it('unsubscribes', async () => {
    const h = setup();
    await h.send('/subscribe');
    await h.send('/unsubscribe');
    expect(store.subscription(777)).toMatchObject({ active: false, deactivatedReason: 'unsubscribed' });
    expect(h.replies()[1]).toContain('已退订');
  });
});

describe('groups', () => {
  it('lets only a group admin change the group’s subscription', async () => {
    const h = setup();
    await h.send('/subscribe 07:00', { chat: GROUP_CHAT, from: MEMBER });
    expect(store.subscription(GROUP_CHAT.id)).toBeUndefined();
    expect(h.replies()[0]).toContain('管理员');
    await h.send('/subscribe 07:00', { chat: GROUP_CHAT, from: ADMIN });
    expect(store.subscription(GROUP_CHAT.id)).toMatchObject({ active: true, chatKind: 'supergroup', deliveryTime: '07:00' });
  });

  it('remembers an admin check briefly, then asks again', async () => {
    const h = setup();
    await h.send('/subscribe', { chat: GROUP_CHAT, from: ADMIN });
    await h.send('/subscribe 7:00', { chat: GROUP_CHAT, from: ADMIN });
    expect(memberChecks()).toHaveLength(1);
    clock += 61_000;
    await h.send('/subscribe 7:30', { chat: GROUP_CHAT, from: ADMIN });
    expect(memberChecks()).toHaveLength(2);
  });

  it('refuses a settings button from a member who is not an admin', async () => {
    const h = setup();
    await h.send('/subscribe', { chat: GROUP_CHAT, from: ADMIN });
    await h.send('/settings', { chat: GROUP_CHAT, from: ADMIN });
    await h.press(lastWithButtons(h), 's:off', MEMBER);
    expect(store.subscription(GROUP_CHAT.id)?.active).toBe(true);
    expect(h.answers().at(-1)).toContain('管理员');
  });

  it('moves a group’s subscription when the group becomes a supergroup', async () => {
    const h = setup();
    const group: Chat.GroupChat = { id: -9, type: 'group', title: '小群' };
    await h.send('/subscribe 6:30', { chat: group, from: ADMIN });
    expect(store.subscription(-9)).toBeUndefined(); // ADMIN is no admin of -9
    store.subscribe({ chatId: -9, chatKind: 'group', deliveryTime: '06:30', now: new Date(clock) });
    await h.update({ message: { message_id: 99, date: 0, chat: group, from: ADMIN, migrate_to_chat_id: -1009 } } as never);
    expect(store.subscription(-1009)).toMatchObject({ active: true, deliveryTime: '06:30' });
  });
});

describe('channels', () => {
  const channelAdmins = (bot = true) => ({ admins: { [CHANNEL.id]: bot ? [ADMIN.id, BOT_INFO.id] : [ADMIN.id] } });

  it('subscribes a channel for its admin, verified with getChatMember on the admin and the bot', async () => {
    const h = setup({ members: channelAdmins() });
    await h.send('/subscribe @changji_daily 07:30 农业', { from: ADMIN });
    expect(store.subscription(CHANNEL.id)).toMatchObject({ active: true, chatKind: 'channel', deliveryTime: '07:30', filter: '农业' });
    expect(memberChecks().map((c) => Number(c.payload.user_id)).sort()).toEqual([ADMIN.id, BOT_INFO.id].sort());
    expect(h.replies()[0]).toContain('频道「昌吉日报频道」');
  });

  it('refuses a reader who is no admin of the channel', async () => {
    const h = setup({ members: channelAdmins() });
    await h.send('/subscribe @changji_daily', { from: MEMBER });
    expect(store.subscription(CHANNEL.id)).toBeUndefined();
    expect(h.replies()[0]).toContain('只有频道「昌吉日报频道」的管理员');
  });

  it('asks to make the bot an admin that may post first', async () => {
    const h = setup({ members: channelAdmins(false) });
    await h.send('/subscribe @changji_daily', { from: ADMIN });
    expect(store.subscription(CHANNEL.id)).toBeUndefined();
    expect(h.replies()[0]).toContain('请先把我加为频道「昌吉日报频道」的管理员');
  });

  it('names an unknown channel and what to check', async () => {
    const h = setup();
    await h.send('/subscribe @no_such_channel', { from: ADMIN });
    expect(h.replies()[0]).toContain('找不到频道 @no_such_channel');
  });

  it('takes the command posted in the channel itself (a channel post has no from)', async () => {
    const h = setup();
    await h.post('/subscribe 06:30', CHANNEL);
    expect(store.subscription(CHANNEL.id)).toMatchObject({ active: true, chatKind: 'channel', deliveryTime: '06:30' });
    expect(h.api.messages(CHANNEL.id)[0]!.text).toContain('订阅成功');
  });

  it('deactivates when the bot is removed from the channel or loses the right to post', async () => {
    const h = setup();
    await h.post('/subscribe', CHANNEL);
    const member = (new_chat_member: Record<string, unknown>) =>
      h.update({
        my_chat_member: {
          chat: CHANNEL,
          from: ADMIN,
          date: 0,
          old_chat_member: { status: 'administrator', user: BOT_INFO, can_post_messages: true },
          new_chat_member: { user: BOT_INFO, ...new_chat_member },
        },
      } as never);
    await member({ status: 'administrator', can_post_messages: true });
    expect(store.subscription(CHANNEL.id)?.active).toBe(true);
    await member({ status: 'administrator', can_post_messages: false });
    expect(store.subscription(CHANNEL.id)).toMatchObject({ active: false, deactivatedReason: 'removed' });
    store.subscribe({ chatId: CHANNEL.id, chatKind: 'channel', now: new Date(clock) });
    await member({ status: 'left' });
    expect(store.subscription(CHANNEL.id)?.active).toBe(false);
  });
});

describe('/digest', () => {
  it('previews the newest issue with read buttons, without recording a delivery', async () => {
    const h = setup();
    await h.send('/subscribe');
    await h.send('/digest');
    const preview = h.api.messages()[1]!;
    expect(preview.text).toContain('2024年11月7日');
    expect(buttonsOf(preview).map((b) => b.data)).toEqual(['a:i2-1:0', 'a:i2-2:0', 'a:i2-3:0']);
    expect(store.delivery(777, 'i2')).toBeUndefined();
  });

  it('previews only matching articles for a filtered subscription, and says when none match', async () => {
    const h = setup();
    await h.send('/subscribe 光伏 读书 -风电');
    await h.send('/digest');
    expect(h.replies()[1]).toContain('社区举办读书会');
    expect(h.replies()[1]).not.toContain('准东光伏项目并网');
    await h.send('/digest 航天');
    expect(h.replies()[2]).toContain('没有与“航天”相关');
  });
});

describe('/settings', () => {
  async function settings(h: Harness, command = '/subscribe') {
    await h.send(command);
    await h.send('/settings');
    return lastWithButtons(h);
  }

  it('changes the time with a button, editing the message', async () => {
    const h = setup();
    const message = await settings(h);
    expect(dataOf(message, '07:30')).toBe('s:t:0730');
    await h.press(message, 's:t:0730');
    expect(store.subscription(777)?.deliveryTime).toBe('07:30');
    expect(current(h, message).text).toContain('每天 07:30');
    expect(h.answers().at(-1)).toContain('07:30');
  });

  it('offers to resubscribe at the time it will use after an unsubscribe, and uses it', async () => {
    const h = setup();
    await h.send('/subscribe 7:30 农业');
    await h.send('/unsubscribe');
    await h.send('/settings');
    const message = lastWithButtons(h);
    expect(buttonsOf(message)[0]).toEqual({ text: '✅ 订阅（每天 07:30）', data: 's:on', url: undefined });
    expect(message.text).toContain('农业');
    await h.press(message, 's:on');
    expect(store.subscription(777)).toMatchObject({ active: true, deliveryTime: '07:30', filter: '农业' });
  });

  it('selects several topics and places, and clears them with 全部文章', async () => {
    const h = setup();
    const message = await settings(h);
    await h.press(message, dataOf(message, '农业农村')!);
    await h.press(current(h, message), dataOf(current(h, message), '木垒县')!);
    // Stored as tag terms: the buttons select what /topic lists, not every passing mention (QA S1).
    expect(store.subscription(777)?.filter).toBe('#农业农村 #木垒县');
    expect(buttonsOf(current(h, message)).map((b) => b.text)).toEqual(expect.arrayContaining(['✓ 农业农村', '✓ 木垒县']));
    expect(current(h, message).text).toContain('“农业农村”或“木垒县”');
    expect(current(h, message).text).not.toContain('#');
    await h.press(current(h, message), dataOf(current(h, message), '✓ 农业农村')!);
    expect(store.subscription(777)?.filter).toBe('#木垒县');
    await h.press(current(h, message), 's:f:-');
    expect(store.subscription(777)?.filter).toBeUndefined();
  });

  it('turns off a place chosen before tag terms existed (stored as its bare name) with its button', async () => {
    const h = setup();
    const message = await settings(h, '/subscribe 木垒县');
    expect(buttonsOf(message).map((b) => b.text)).toContain('✓ 木垒县');
    await h.press(message, dataOf(message, '✓ 木垒县')!);
    expect(store.subscription(777)?.filter).toBeUndefined();
  });

  it('shows typed keywords and exclusions with ✕ buttons that drop them', async () => {
    const h = setup();
    const message = await settings(h, '/subscribe 棉花 -广告');
    expect(buttonsOf(message).map((b) => b.text)).toEqual(expect.arrayContaining(['✓ 棉花 ✕', '🚫 广告 ✕']));
    expect(message.text).toContain('不含“广告”');
    await h.press(message, dataOf(message, '🚫 广告')!);
    expect(store.subscription(777)?.filter).toBe('棉花');
    await h.press(current(h, message), dataOf(current(h, message), '✓ 棉花')!);
    expect(store.subscription(777)?.filter).toBeUndefined();
  });

  it('says when a topic picked with a button has no article in the archive', async () => {
    const topics = { ...TOPICS, topics: [...TOPICS.topics, { name: '航天科技', keywords: ['航天'] }] };
    const h = setup({ archive: createArchive([makeIssue('i1', '2024-11-06', 1)], { paper: PAPER, topics }) });
    const message = await settings(h);
    await h.press(message, dataOf(message, '航天科技')!);
    expect(store.subscription(777)?.filter).toBe('#航天科技');
    expect(h.answers().at(-1)).toContain('目前资料库中没有相关文章');
    expect(current(h, message).text).toContain('没有符合筛选的文章');
  });

  it('turns the "历史上的今天" section on and off', async () => {
    const h = setup();
    const message = await settings(h);
    await h.press(message, 's:h:1');
    expect(store.subscription(777)?.onThisDay).toBe(true);
    expect(current(h, message).text).toContain('历史上的今天：附在摘要末尾');
    await h.press(current(h, message), 's:h:0');
    expect(store.subscription(777)?.onThisDay).toBe(false);
  });

  it('sets the chat’s script: 繁體 turns every later reply traditional, 自动 follows the reader again', async () => {
    const h = setup();
    await h.send('/settings');
    const message = lastWithButtons(h);
    await h.press(message, 's:sc:t');
    expect(store.chatScript(777)).toBe('traditional');
    await h.send('/subscribe');
    expect(h.api.messages().at(-1)!.text).toContain('訂閱成功');
    await h.press(current(h, message), 's:sc:a');
    expect(store.chatScript(777)).toBeUndefined();
    await h.send('/unsubscribe');
    expect(h.api.messages().at(-1)!.text).toContain('已退订');
  });

  it('answers a forged or stale settings button politely and changes nothing', async () => {
    const h = setup();
    const message = await settings(h);
    await h.press(message, 's:t:2599');
    await h.press(message, 's:f:999');
    await h.press(message, 's:k:3');
    expect(store.subscription(777)).toMatchObject({ deliveryTime: '08:00', active: true });
    expect(h.answers()).toHaveLength(3);
    expect(h.answers().every((a) => a.includes('失效'))).toBe(true);
  });
});

describe('chat membership', () => {
  it('deactivates when the bot is blocked or removed from a group', async () => {
    const h = setup();
    await h.send('/subscribe');
    await h.send('/subscribe', { chat: GROUP_CHAT, from: ADMIN });
    const member = (chat: Chat, status: 'kicked' | 'left') =>
      h.update({
        my_chat_member: {
          chat,
          from: ADMIN,
          date: 0,
          old_chat_member: { status: 'member', user: BOT_INFO },
          new_chat_member: status === 'kicked' ? { status, until_date: 0, user: BOT_INFO } : { status, user: BOT_INFO },
        },
      } as never);
    await member({ id: 777, type: 'private', first_name: '读者' }, 'kicked');
    await member(GROUP_CHAT, 'left');
    expect(store.subscription(777)).toMatchObject({ active: false, deactivatedReason: 'blocked' });
    expect(store.subscription(GROUP_CHAT.id)).toMatchObject({ active: false, deactivatedReason: 'removed' });
  });
});

describe('a channel’s /settings from a private chat', () => {
  const members = { admins: { [CHANNEL.id]: [ADMIN.id, BOT_INFO.id] } };

  it('shows the channel’s subscription and changes it with buttons that name the channel', async () => {
    const h = setup({ members });
    await h.send('/subscribe @changji_daily 07:30 农业', { from: ADMIN });
    await h.send('/settings @changji_daily', { from: ADMIN });
    const message = lastWithButtons(h);
    expect(message.text).toContain('频道「昌吉日报频道」');
    expect(message.text).toContain('每天 07:30');
    const toSix = dataOf(message, '06:30')!;
    expect(toSix).toBe(`sc:${CHANNEL.id}:t:0630`);
    await h.press(message, toSix, ADMIN);
    expect(store.subscription(CHANNEL.id)?.deliveryTime).toBe('06:30');
    expect(store.subscription(777)).toBeUndefined();
    await h.press(current(h, message), `sc:${CHANNEL.id}:sc:t`, ADMIN);
    expect(store.chatScript(CHANNEL.id)).toBe('traditional');
    expect(current(h, message).text).toContain('频道「昌吉日报频道」');
  });

  it('refuses a press from someone who is not the channel’s admin', async () => {
    const h = setup({ members });
    await h.send('/subscribe @changji_daily 07:30', { from: ADMIN });
    await h.send('/settings @changji_daily', { from: ADMIN });
    await h.press(lastWithButtons(h), `sc:${CHANNEL.id}:off`, MEMBER);
    expect(store.subscription(CHANNEL.id)?.active).toBe(true);
    expect(h.answers().at(-1)).toContain('只有频道管理员');
  });
});
