import { Composer } from 'grammy';
import type { Chat } from 'grammy/types';
import type { Archive } from '../../archive/archive.js';
import { composeDigest, matchesFilter } from '../../digest/compose-digest.js';
import type { DigestStore } from '../../digest/open-store.js';
import { extractDeliveryTime, normaliseInput } from '../../digest/parse-delivery-time.js';
import { DEFAULT_DELIVERY_TIME, type ChatKind, type Subscription } from '../../digest/subscription.js';
import type { BotContext, MenuCommand } from '../context.js';
import { renderDigest } from '../deliver-digest.js';
import { bold, escapeHtml, htmlToPlainText } from '../format/html.js';
import { formatIssueDate } from '../format/issue-date.js';
import { isNotModified } from '../reply.js';

export interface SubscriptionsDeps {
  store: DigestStore;
  archive: Archive;
  /** The paper's time zone: delivery times are on its clock. */
  timeZone: string;
  now?: () => Date;
  /** How long a group admin check is remembered (default 60 s): a settings session makes several. */
  adminCacheMs?: number;
}

/** The commands this feature adds to the menu. */
export const SUBSCRIPTION_COMMANDS: MenuCommand[] = [
  { command: 'subscribe', description: '订阅每日摘要，例如 /subscribe 07:30 农业' },
  { command: 'unsubscribe', description: '退订每日摘要' },
  { command: 'digest', description: '立即预览最新一期摘要' },
  { command: 'settings', description: '查看和修改订阅设置' },
];

/** Time presets offered by /settings (`s:t:HHMM`); any other time is one `/subscribe 7:45` away. */
const PRESET_TIMES = ['06:30', '07:00', '07:30', '08:00', '12:00', '18:00', '20:00', '21:30'];
/** Topic buttons shown by /settings. */
const MAX_TOPIC_BUTTONS = 8;
/** Place (county/city) buttons shown by /settings. */
const MAX_PLACE_BUTTONS = 8;
/** A keyword filter longer than this is a sentence, not a keyword. */
const MAX_FILTER_LENGTH = 20;
/** `/subscribe 全部` clears the filter. */
const ALL_WORDS = new Set(['全部', '所有', '全部文章', 'all']);

/**
 * /subscribe, /unsubscribe, /digest, /settings (buttons `s:…`), and the chat-membership updates that end a
 * subscription. In groups only the group's admins may change its subscription.
 */
export function createSubscriptionsFeature(deps: SubscriptionsDeps): Composer<BotContext> {
  const { store, archive, timeZone } = deps;
  const now = deps.now ?? (() => new Date());
  const cacheMs = deps.adminCacheMs ?? 60_000;
  const adminCache = new Map<string, { admin: boolean; until: number }>();
  const zoneLabel = timeZone === 'Asia/Shanghai' ? '北京时间' : timeZone;
  const paper = archive.paper.name;

  const isAdmin = async (ctx: BotContext): Promise<boolean> => {
    const chat = ctx.chat;
    if (!chat || chat.type === 'private') return true;
    // An anonymous admin posts as the group itself.
    if (ctx.msg?.sender_chat?.id === chat.id) return true;
    const userId = ctx.from?.id;
    if (userId === undefined) return false;
    const key = `${chat.id}:${userId}`;
    const cached = adminCache.get(key);
    const t = now().getTime();
    if (cached && cached.until > t) return cached.admin;
    const member = await ctx.api.getChatMember(chat.id, userId);
    const admin = member.status === 'creator' || member.status === 'administrator';
    if (adminCache.size > 1000) for (const [k, v] of adminCache) if (v.until <= t) adminCache.delete(k);
    adminCache.set(key, { admin, until: t + cacheMs });
    return admin;
  };

  const describe = (sub: Subscription | undefined): string => {
    if (!sub?.active) {
      if (sub) {
        // Subscribing again keeps the old time and filter (the store does so): say which, before the reader presses.
        return [
          `📭 ${bold(`《${paper}》每日摘要`)}`,
          '本聊天已退订。',
          `点击下方按钮重新订阅：每天 ${sub.deliveryTime}（${zoneLabel}）${sub.filter ? `，只含与“${escapeHtml(sub.filter)}”相关的文章` : '，最新一期的全部文章'}。`,
          '也可以发送 /subscribe 7:45 关键词 换一个时间或主题订阅。',
        ].join('\n');
      }
      return [`📭 ${bold(`《${paper}》每日摘要`)}`, '本聊天尚未订阅。', `订阅后每天在您选定的时间（${zoneLabel}）收到最新一期的要闻摘要。`].join('\n');
    }
    return [
      `📬 ${bold(`《${paper}》每日摘要 · 已订阅`)}`,
      `推送时间：每天 ${sub.deliveryTime}（${zoneLabel}）`,
      `内容：${sub.filter ? `只含与“${escapeHtml(sub.filter)}”相关的文章（没有相关文章的那天不推送）` : '最新一期的全部文章'}`,
      '',
      '用下方按钮修改，或发送 /subscribe 7:45 设置其他时间、/subscribe 关键词 设置其他主题。',
    ].join('\n');
  };

  /** Whether any article in the whole archive matches a subscription filter. */
  const archiveMatches = (filter: string): boolean =>
    archive.issues().some((head) => archive.readIssue(head.id)?.articles.some((a) => matchesFilter(a, filter)) ?? false);

  /** Topic and place buttons; the callback data carries the index into archive.topics(), never the Chinese name. */
  const filterChoices = () => {
    const all = archive.topics().map((t, index) => ({ ...t, index }));
    return {
      topics: all.filter((t) => t.kind === 'topic').slice(0, MAX_TOPIC_BUTTONS),
      places: all.filter((t) => t.kind === 'place').slice(0, MAX_PLACE_BUTTONS),
    };
  };

  /** The time a (re)subscription from /settings uses: the old one if there was one. Label and action both use it. */
  const resumeTime = (sub: Subscription | undefined): string => sub?.deliveryTime ?? DEFAULT_DELIVERY_TIME;

  const settingsKeyboard = (sub: Subscription | undefined) => {
    if (!sub?.active) return { inline_keyboard: [[{ text: `✅ 订阅（每天 ${resumeTime(sub)}）`, callback_data: 's:on' }]] };
    const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label);
    const times = PRESET_TIMES.map((t) => ({ text: mark(sub.deliveryTime === t, t), callback_data: `s:t:${t.replace(':', '')}` }));
    const choices = filterChoices();
    const button = (t: { name: string; index: number }) => ({ text: mark(sub.filter === t.name, t.name), callback_data: `s:f:${t.index}` });
    const filterRow: { text: string; callback_data: string }[] = [{ text: mark(sub.filter === undefined, '全部文章'), callback_data: 's:f:-' }];
    // A keyword set with /subscribe (木垒, 棉花) that no button names: show it, checked, so the reader sees what is on.
    const custom = sub.filter !== undefined && ![...choices.topics, ...choices.places].some((t) => t.name === sub.filter);
    if (custom) filterRow.push({ text: mark(true, sub.filter!), callback_data: 's:f:=' });
    const rows = [times.slice(0, 4), times.slice(4), filterRow];
    for (const group of [choices.topics.map(button), choices.places.map(button)]) {
      for (let i = 0; i < group.length; i += 4) rows.push(group.slice(i, i + 4));
    }
    rows.push([{ text: '🚫 退订', callback_data: 's:off' }]);
    return { inline_keyboard: rows };
  };

  const showSettings = async (ctx: BotContext) => {
    const sub = store.subscription(ctx.chat!.id);
    await ctx.reply(describe(sub), { parse_mode: 'HTML', reply_markup: settingsKeyboard(sub) });
  };

  const refuseNonAdmin = async (ctx: BotContext): Promise<boolean> => {
    if (await isAdmin(ctx)) return false;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: '只有群管理员可以更改本群的订阅。', show_alert: true });
    else await ctx.reply('只有群管理员可以更改本群的订阅。');
    return true;
  };

  const feature = new Composer<BotContext>();
  // Channels post commands as channel_post, which these handlers do not see: subscriptions are for people and groups.
  const chats = feature.chatType(['private', 'group', 'supergroup']);

  chats.command('subscribe', async (ctx) => {
    // NFKC first: ７：３０ is 7:30, and a full-width keyword is the same keyword.
    const { time, rest: word } = extractDeliveryTime(ctx.match);
    if (time && !time.ok) {
      await ctx.reply(time.reason);
      return;
    }
    const deliveryTime = time?.time;
    if ([...word].length > MAX_FILTER_LENGTH) {
      await ctx.reply(`主题或关键词最多 ${MAX_FILTER_LENGTH} 个字，例如 /subscribe 07:30 农业。`);
      return;
    }
    if (await refuseNonAdmin(ctx)) return;
    const filter = word === '' ? undefined : ALL_WORDS.has(word.toLowerCase()) ? null : word;
    const before = store.subscription(ctx.chat.id);
    const sub = store.subscribe({ chatId: ctx.chat.id, chatKind: ctx.chat.type as ChatKind, deliveryTime, filter, now: now() });
    // A filter nothing in the archive matches is saved (the next issue may match), but the reader must know.
    const unmatched = filter && !archiveMatches(filter) ? filter : undefined;
    ctx.log.info({ chat: ctx.chat.id, time: sub.deliveryTime, hasFilter: sub.filter !== undefined, unmatched: unmatched !== undefined, resumed: before !== undefined }, 'subscribed');
    const lines = [
      `✅ ${bold(before?.active ? '订阅已更新' : '订阅成功')}：每天 ${sub.deliveryTime}（${zoneLabel}）推送《${escapeHtml(paper)}》最新一期的摘要${
        sub.filter ? `，只含与“${escapeHtml(sub.filter)}”相关的文章（没有相关文章的那天不推送）` : ''
      }。`,
    ];
    if (unmatched !== undefined) {
      lines.push(`⚠️ 目前资料库中没有与“${escapeHtml(unmatched)}”相关的文章，有相关文章时才会推送；发送 /subscribe 全部 取消筛选。`);
    }
    lines.push('没有新一期时不会重复推送。', '/digest 立即预览 · /settings 修改 · /unsubscribe 退订');
    await ctx.reply(lines.join('\n'), { parse_mode: 'HTML' });
  });

  chats.command('unsubscribe', async (ctx) => {
    const sub = store.subscription(ctx.chat.id);
    if (!sub?.active) {
      await ctx.reply('本聊天还没有订阅每日摘要。发送 /subscribe 即可订阅。');
      return;
    }
    if (await refuseNonAdmin(ctx)) return;
    store.deactivate(ctx.chat.id, 'unsubscribed', now());
    ctx.log.info({ chat: ctx.chat.id }, 'unsubscribed');
    await ctx.reply('已退订每日摘要。想再收到时，发送 /subscribe 即可。');
  });

  // A preview: anyone may ask for it, and it is not recorded, so the scheduled digest still comes.
  chats.command('digest', async (ctx) => {
    const head = archive.latest();
    const issue = head && archive.readIssue(head.id);
    if (!issue) {
      await ctx.reply('资料库里还没有报纸，暂时没有摘要。');
      return;
    }
    const asked = normaliseInput(ctx.match);
    const filter = ALL_WORDS.has(asked.toLowerCase()) ? undefined : asked !== '' ? [...asked].slice(0, MAX_FILTER_LENGTH).join('') : store.subscription(ctx.chat.id)?.filter;
    const digest = composeDigest(issue, { filter });
    if (!digest) {
      await ctx.reply(`最新一期（${formatIssueDate(issue.date, issue.dateSource)}）没有与“${filter ?? ''}”相关的文章。发送 /digest 全部 查看整期摘要。`);
      return;
    }
    for (const message of renderDigest(digest)) {
      await ctx.reply(message.text, { parse_mode: 'HTML', reply_markup: message.reply_markup, link_preview_options: { is_disabled: true } });
    }
  });

  chats.command('settings', async (ctx) => {
    await showSettings(ctx);
  });

  feature.callbackQuery(/^s:/, async (ctx) => {
    const chat = ctx.chat;
    const data = ctx.callbackQuery.data;
    if (!chat || (chat.type !== 'private' && chat.type !== 'group' && chat.type !== 'supergroup')) {
      await ctx.answerCallbackQuery({ text: '这个按钮只能在聊天中使用。' });
      return;
    }
    const change = parseSettingsData(data);
    if (change?.kind === 'keep') {
      const current = store.subscription(chat.id)?.filter;
      await ctx.answerCallbackQuery({ text: current ? `当前只推送与“${current}”相关的文章；点其他按钮可更改。` : '这个按钮已失效，请重新发送 /settings。' });
      return;
    }
    const topic = change?.kind === 'filter' && change.topicIndex !== undefined ? archive.topics()[change.topicIndex] : undefined;
    if (!change || (change.kind === 'filter' && change.topicIndex !== undefined && !topic)) {
      await ctx.answerCallbackQuery({ text: '这个按钮已失效，请重新发送 /settings。' });
      return;
    }
    if (await refuseNonAdmin(ctx)) return;
    const before = store.subscription(chat.id);
    if ((change.kind === 'time' || change.kind === 'filter') && !before?.active) {
      await ctx.answerCallbackQuery({ text: '本聊天尚未订阅，请先订阅。' });
      await editSettings(ctx, before);
      return;
    }
    let note: string;
    switch (change.kind) {
      case 'on':
        store.subscribe({ chatId: chat.id, chatKind: chat.type as ChatKind, deliveryTime: resumeTime(before), now: now() });
        note = `已订阅：每天 ${resumeTime(before)}`;
        break;
      case 'off':
        store.deactivate(chat.id, 'unsubscribed', now());
        note = '已退订';
        break;
      case 'time':
        store.updateSubscription(chat.id, { deliveryTime: change.time }, now());
        note = `推送时间改为 ${change.time}`;
        break;
      case 'filter':
        store.updateSubscription(chat.id, { filter: topic ? topic.name : null }, now());
        note = topic ? `只推送“${topic.name}”${archiveMatches(topic.name) ? '' : '（目前资料库中没有相关文章，有相关文章时才会推送）'}` : '推送全部文章';
        break;
    }
    const after = store.subscription(chat.id);
    ctx.log.info({ chat: chat.id, change: change.kind }, 'subscription changed');
    await ctx.answerCallbackQuery({ text: note });
    await editSettings(ctx, after);
  });

  const editSettings = async (ctx: BotContext, sub: Subscription | undefined) => {
    const text = describe(sub);
    const markup = settingsKeyboard(sub);
    const shown = ctx.callbackQuery?.message;
    // Telegram rejects an edit that changes nothing (400 "message is not modified"): compare first.
    if (shown && 'text' in shown && shown.text === htmlToPlainText(text) && JSON.stringify(shown.reply_markup ?? null) === JSON.stringify(markup)) return;
    try {
      await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: markup });
    } catch (err) {
      if (!isNotModified(err)) throw err;
    }
  };

  // The bot was blocked (private chat) or removed from a group: nobody is there to read a digest.
  feature.on('my_chat_member', async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status !== 'kicked' && status !== 'left') return;
    const chat: Chat = ctx.myChatMember.chat;
    if (store.deactivate(chat.id, chat.type === 'private' ? 'blocked' : 'removed', now())) {
      ctx.log.info({ chat: chat.id, status }, 'bot removed from chat; subscription deactivated');
    }
  });

  // A group that becomes a supergroup announces it in the old chat: move the subscription with it.
  feature.on('message:migrate_to_chat_id', async (ctx) => {
    const to = ctx.msg.migrate_to_chat_id;
    if (store.subscription(ctx.chat.id)) {
      store.migrateChat(ctx.chat.id, to, now());
      ctx.log.info({ from: ctx.chat.id, to }, 'group migrated; subscription moved');
    }
  });

  return feature;
}

type SettingsChange = { kind: 'on' } | { kind: 'off' } | { kind: 'time'; time: string } | { kind: 'filter'; topicIndex?: number } | { kind: 'keep' };

/**
 * `s:on`, `s:off`, `s:t:0730`, `s:f:-` (all articles), `s:f:<topic or place index>`, `s:f:=` (the current custom
 * keyword: changes nothing). Anything else is stale or forged.
 */
export function parseSettingsData(data: string): SettingsChange | undefined {
  if (data === 's:on') return { kind: 'on' };
  if (data === 's:off') return { kind: 'off' };
  const time = /^s:t:([01]\d|2[0-3])([0-5]\d)$/.exec(data);
  if (time) return { kind: 'time', time: `${time[1]}:${time[2]}` };
  if (data === 's:f:-') return { kind: 'filter' };
  if (data === 's:f:=') return { kind: 'keep' };
  const topic = /^s:f:(\d{1,3})$/.exec(data);
  if (topic) return { kind: 'filter', topicIndex: Number(topic[1]) };
  return undefined;
}
