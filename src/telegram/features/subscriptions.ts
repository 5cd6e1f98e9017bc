import { Composer } from 'grammy';
import type { Chat } from 'grammy/types';
import { quoteReader } from '../format/quote-reader.js';
import type { Archive } from '../../archive/archive.js';
import { composeDigest } from '../../digest/compose-digest.js';
import { filterProblem, formatDigestFilter, parseDigestFilter, type DigestFilter } from '../../digest/digest-filter.js';
import { keywordsMatchingNothing, newestIssueMatches } from '../../digest/filter-coverage.js';
import { applySettingsChange } from './apply-settings-change.js';
import type { DigestStore } from '../../digest/open-store.js';
import { issuesOnThisDay } from '../../digest/on-this-day.js';
import { extractDeliveryTime, normaliseInput } from '../../digest/parse-delivery-time.js';
import { DEFAULT_DELIVERY_TIME, MAX_SUBSCRIPTIONS_PER_CHAT, type ChatKind } from '../../digest/subscription.js';
import type { BotContext, MenuCommand } from '../context.js';
import { createDailyQuota } from '../daily-quota.js';
import { renderDigest } from '../deliver-digest.js';
import { filterPhrase } from '../format/filter-phrase.js';
import { escapeHtml } from '../format/html.js';
import { formatIssueDate, formatShortIssueDate } from '../format/issue-date.js';
import { editView, replyView } from '../reply.js';
import { createAdminCheck, verifyChannel } from './admin-check.js';
import { channelSettingsButton, settingsButton } from './subscription-buttons.js';
import { subLabel, subMark } from './subscription-keyboard.js';
import { renderSettings, renderSubscribed, type NewestMatch, type SettingsState } from './subscription-view.js';

/** /digest previews per chat and day; each is at most MAX_DIGEST_PARTS messages. */
export const DIGEST_PREVIEWS_PER_DAY = 3;

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
  { command: 'subscribe', description: '订阅每日摘要，例如 /subscribe 07:30 农业 -广告' },
  { command: 'unsubscribe', description: '退订每日摘要' },
  { command: 'digest', description: '立即预览最新一期摘要' },
  { command: 'settings', description: '查看和修改订阅设置' },
];

/** Topic and place buttons shown by /settings, each. */
const MAX_CHOICE_BUTTONS = 8;
/** `/subscribe 全部` clears the filter. */
const ALL_WORDS = new Set(['全部', '所有', '全部文章', 'all']);
/** `/subscribe @channel …` or `/subscribe -1001234567890 …` from a private chat names a channel. */
const CHANNEL_NAME = /^(@[A-Za-z][A-Za-z0-9_]{3,31}|-100\d{6,13})(?:\s+|$)/;

const REFUSED = '只有群管理员可以更改本群的订阅。';

/**
 * /subscribe, /unsubscribe, /digest, /settings (buttons `s:…`, see subscription-buttons.ts), subscriptions for
 * channels (`/subscribe @channel` by a channel admin, or the command posted in the channel), and the chat-membership
 * updates that end a subscription. In groups only the group's admins may change its subscription.
 */
export function createSubscriptionsFeature(deps: SubscriptionsDeps): Composer<BotContext> {
  const { store, archive, timeZone } = deps;
  const now = deps.now ?? (() => new Date());
  const isAdmin = createAdminCheck(now, deps.adminCacheMs);
  const previews = createDailyQuota(DIGEST_PREVIEWS_PER_DAY, now, timeZone);
  const zoneLabel = timeZone === 'Asia/Shanghai' ? '北京时间' : timeZone;
  const paper = archive.paper.name;

  /** How the newest issue fares under a filter. */
  const newestMatch = (filter: DigestFilter): NewestMatch | undefined => {
    const found = newestIssueMatches(archive, filter);
    if (!found) return undefined;
    const { issue, matched, total } = found;
    return { label: formatShortIssueDate(issue, '0000'), matched, total };
  };

  const choices = () => {
    const all = archive.topics().map((t, index) => ({ name: t.name, kind: t.kind, index }));
    return {
      topics: all.filter((t) => t.kind === 'topic').slice(0, MAX_CHOICE_BUTTONS),
      places: all.filter((t) => t.kind === 'place').slice(0, MAX_CHOICE_BUTTONS),
    };
  };

  const stateOf = (chatId: number, sub = store.subscription(chatId)): SettingsState => {
    const filter = parseDigestFilter(sub?.filter);
    return {
      paper,
      zoneLabel,
      sub,
      subs: store.subscriptions(chatId).filter((s) => s.active),
      filter,
      script: store.chatScript(chatId),
      newest: newestMatch(filter),
      choices: choices(),
      resumeTime: sub?.deliveryTime ?? DEFAULT_DELIVERY_TIME,
    };
  };

  /** After a press: the subscription it was about, or (removed) the chat's first active one. */
  const shownAfter = (chatId: number, sub: number | undefined) => {
    const pressed = sub === undefined ? undefined : store.subscription(chatId, sub);
    return pressed?.active ? pressed : store.subscription(chatId);
  };

  const refuseNonAdmin = async (ctx: BotContext): Promise<boolean> => {
    if (await isAdmin(ctx)) return false;
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: REFUSED, show_alert: true });
    else await replyView(ctx, { text: REFUSED });
    return true;
  };

  /** The chat a command is about: this one, or a channel named in a private chat (verified). */
  const targetOf = async (ctx: BotContext, text: string): Promise<{ chatId: number; kind: ChatKind; rest: string; label?: string } | undefined> => {
    const chat = ctx.chat!;
    const named = chat.type === 'private' ? CHANNEL_NAME.exec(text.trim()) : null;
    if (!named) return { chatId: chat.id, kind: chat.type as ChatKind, rest: text };
    const channel = await verifyChannel(ctx, named[1]!);
    if (!channel.ok) {
      ctx.log.info({ channel: named[1] }, 'channel subscription refused');
      await replyView(ctx, { text: escapeHtml(channel.reason) });
      return undefined;
    }
    return { chatId: channel.chatId, kind: 'channel', rest: text.trim().slice(named[0].length), label: channel.title };
  };

  const subscribe = async (ctx: BotContext, text: string) => {
    const target = await targetOf(ctx, text);
    if (!target) return;
    const { time, rest } = extractDeliveryTime(target.rest);
    if (time && !time.ok) return replyView(ctx, { text: escapeHtml(time.reason) });
    const typed = parseDigestFilter(rest);
    const clear = typed.include.length === 1 && typed.exclude.length === 0 && ALL_WORDS.has(typed.include[0]!.toLowerCase());
    const problem = clear ? undefined : filterProblem(typed);
    if (problem) return replyView(ctx, { text: `${escapeHtml(problem)}例如 /subscribe 07:30 农业 棉花 -广告。` });
    if (target.label === undefined && (await refuseNonAdmin(ctx))) return;
    const before = store.subscription(target.chatId);
    const filter = clear ? null : rest.trim() === '' ? undefined : (formatDigestFilter(typed) ?? null);
    // A chat that already has a subscription and names a time or a filter gets another one (morning full digest,
    // evening topic digest); existing ones are changed in /settings.
    if (before?.active && (time !== undefined || filter !== undefined)) {
      const added = store.addSubscription({ chatId: target.chatId, chatKind: target.kind, deliveryTime: time?.time ?? DEFAULT_DELIVERY_TIME, filter: filter ?? null, now: now() });
      if (added === 'duplicate') return replyView(ctx, { text: '已经有一个同样时间、同样筛选的订阅了，不必重复订阅。发送 /settings 查看或修改。' });
      if (added === 'full') {
        return replyView(ctx, { text: `每个聊天最多 ${MAX_SUBSCRIPTIONS_PER_CHAT} 个订阅。请先在 /settings 中退订一个，或修改现有订阅的时间和主题。` });
      }
      ctx.log.info({ chat: target.chatId, sub: added.sub, time: added.deliveryTime, hasFilter: added.filter !== undefined }, 'subscription added');
      const state = stateOf(target.chatId, added);
      const view = renderSubscribed(state, false, added.filter ? keywordsMatchingNothing(archive, state.filter) : []);
      const count = `本聊天现有 ${state.subs?.length ?? 1} 个订阅，各按自己的时间和主题推送。`;
      const text = `${view.text}\n${count}`;
      return replyView(ctx, { text: target.label === undefined ? text : `📣 频道「${escapeHtml(target.label)}」\n${text}` });
    }
    const sub = store.subscribe({ chatId: target.chatId, chatKind: target.kind, deliveryTime: time?.time, filter, now: now() });
    const state = stateOf(target.chatId, sub);
    ctx.log.info({ chat: target.chatId, kind: target.kind, time: sub.deliveryTime, hasFilter: sub.filter !== undefined, resumed: before !== undefined }, 'subscribed');
    const view = renderSubscribed(state, before?.active === true, filter ? keywordsMatchingNothing(archive, state.filter) : []);
    await replyView(ctx, target.label === undefined ? view : { text: `📣 频道「${escapeHtml(target.label)}」\n${view.text}` });
  };

  const unsubscribe = async (ctx: BotContext, text: string) => {
    const target = await targetOf(ctx, text);
    if (!target) return;
    if (!store.subscription(target.chatId)?.active) {
      return replyView(ctx, { text: `${target.label ? `频道「${escapeHtml(target.label)}」` : '本聊天'}还没有订阅每日摘要。发送 /subscribe 即可订阅。` });
    }
    if (target.label === undefined && (await refuseNonAdmin(ctx))) return;
    const subs = store.subscriptions(target.chatId).filter((s) => s.active);
    const arg = normaliseInput(target.rest);
    // Everything goes with 全部, or with no argument when there is only one; any other argument must name one
    // subscription by its number — a number naming none is refused, never read as "all".
    const all = arg === '' ? subs.length === 1 : ALL_WORDS.has(arg.toLowerCase());
    if (!all) {
      const n = /^\d{1,3}$/.test(arg) ? Number(arg) : undefined;
      const chosen = n === undefined ? undefined : subs[n - 1];
      if (!chosen) {
        // None named: ask which, with a button for each (the settings codec's `off`).
        const channel = target.label === undefined ? undefined : target.chatId;
        const buttons = subs.map((s, i) => {
          const change = { kind: 'off' as const, sub: s.sub };
          const data = channel === undefined ? settingsButton.encode(change) : channelSettingsButton.encode({ chatId: channel, change });
          return [{ text: `🚫 ${subMark(i)} ${subLabel(s)}`, data }];
        });
        return replyView(ctx, { text: `${unsubscribeHint(arg)}${whichToUnsubscribe(subs.length)}`, buttons });
      }
      if (subs.length > 1) {
        store.deactivate(target.chatId, 'unsubscribed', now(), chosen.sub);
        ctx.log.info({ chat: target.chatId, sub: chosen.sub }, 'unsubscribed one');
        return replyView(ctx, { text: `已退订每天 ${chosen.deliveryTime} 的摘要（${escapeHtml(subLabel(chosen))}），其余订阅照常推送。` });
      }
    }
    store.deactivate(target.chatId, 'unsubscribed', now());
    ctx.log.info({ chat: target.chatId }, 'unsubscribed');
    await replyView(ctx, { text: `${subs.length > 1 ? `已退订全部 ${subs.length} 个订阅。` : '已退订每日摘要。'}想再收到时，发送 /subscribe 即可。` });
  };

  // A preview: anyone may ask for it, and it is not recorded, so the scheduled digest still comes.
  const preview = async (ctx: BotContext) => {
    // Any group member may ask: a daily cap per chat keeps previews from flooding it.
    if (!previews.take(ctx.chat!.id)) {
      return replyView(ctx, { text: `本聊天今天已预览 ${previews.perDay} 次摘要，请明天再试；订阅的每日摘要照常推送。` });
    }
    const head = archive.latest();
    const issue = head && archive.readIssue(head.id);
    if (!issue) return replyView(ctx, { text: '资料库里还没有报纸，暂时没有摘要。' });
    const asked = normaliseInput(ctx.match as string);
    const sub = store.subscription(ctx.chat!.id);
    const filter = ALL_WORDS.has(asked.toLowerCase()) ? undefined : asked !== '' ? asked : sub?.filter;
    const problem = filter === undefined ? undefined : filterProblem(parseDigestFilter(filter));
    if (problem) return replyView(ctx, { text: escapeHtml(problem) });
    const digest = composeDigest(issue, { filter, onThisDay: sub?.onThisDay ? issuesOnThisDay(archive, issue.date) : undefined });
    if (!digest) {
      return replyView(ctx, { text: `最新一期（${formatIssueDate(issue.date, issue.dateSource)}）没有${filterPhrase(filter ?? '')}的文章。发送 /digest 全部 查看整期摘要。` });
    }
    for (const message of renderDigest(digest)) {
      await ctx.reply(message.text, { parse_mode: 'HTML', reply_markup: message.reply_markup, link_preview_options: { is_disabled: true } });
    }
  };

  const feature = new Composer<BotContext>();
  const chats = feature.chatType(['private', 'group', 'supergroup']);
  chats.command('subscribe', (ctx) => subscribe(ctx, ctx.match));
  chats.command('unsubscribe', (ctx) => unsubscribe(ctx, ctx.match));
  chats.command('digest', preview);
  chats.command('settings', async (ctx) => {
    const target = await targetOf(ctx, ctx.match);
    if (!target) return;
    const channel = target.label === undefined ? undefined : { chatId: target.chatId, title: target.label };
    await replyView(ctx, renderSettings({ ...stateOf(target.chatId), channel }));
  });

  // A channel's settings shown in a private chat: its admins change them there (checked again on every press).
  feature.callbackQuery(channelSettingsButton.filter, async (ctx) => {
    const value = channelSettingsButton.decode(ctx.callbackQuery.data);
    const userId = ctx.from.id;
    if (value === undefined || ctx.chat?.type !== 'private') {
      await ctx.answerCallbackQuery({ text: '这个按钮已失效，请重新发送 /settings @频道。' });
      return;
    }
    const member = await ctx.api.getChatMember(value.chatId, userId).catch(() => undefined);
    if (member === undefined || (member.status !== 'creator' && member.status !== 'administrator')) {
      await ctx.answerCallbackQuery({ text: '只有频道管理员可以更改频道的订阅。', show_alert: true });
      return;
    }
    const note = applySettingsChange({ store, archive, now: now() }, { id: value.chatId, kind: 'channel' }, value.change);
    ctx.log.info({ chat: value.chatId, change: value.change.kind, applied: note.ok }, 'channel settings changed');
    await ctx.answerCallbackQuery({ text: note.text });
    const chat = await ctx.api.getChat(value.chatId).catch(() => undefined);
    const title = chat && 'title' in chat && chat.title !== undefined ? chat.title : String(value.chatId);
    await editView(ctx, renderSettings({ ...stateOf(value.chatId, shownAfter(value.chatId, value.change.sub)), channel: { chatId: value.chatId, title } }));
  });

  // In a channel the command is a channel post (no `from`): whoever can post there is one of its admins.
  const channel = feature.chatType('channel');
  channel.command('subscribe', (ctx) => subscribe(ctx, ctx.match));
  channel.command('unsubscribe', (ctx) => unsubscribe(ctx, ctx.match));

  feature.callbackQuery(settingsButton.filter, async (ctx) => {
    const chat = ctx.chat;
    const change = settingsButton.decode(ctx.callbackQuery.data);
    if (!chat || (chat.type !== 'private' && chat.type !== 'group' && chat.type !== 'supergroup')) {
      await ctx.answerCallbackQuery({ text: '这个按钮只能在聊天中使用。' });
      return;
    }
    if (change === undefined) {
      await ctx.answerCallbackQuery({ text: '这个按钮已失效，请重新发送 /settings。' });
      return;
    }
    if (await refuseNonAdmin(ctx)) return;
    const note = applySettingsChange({ store, archive, now: now() }, { id: chat.id, kind: chat.type as ChatKind }, change);
    ctx.log.info({ chat: chat.id, change: change.kind, applied: note.ok }, 'settings changed');
    await ctx.answerCallbackQuery({ text: note.text });
    await editView(ctx, renderSettings(stateOf(chat.id, shownAfter(chat.id, change.sub))));
  });

  // The bot was blocked (private chat), removed from a group, or removed or demoted in a channel (it can no longer
  // post there): nobody is there to read a digest.
  feature.on('my_chat_member', async (ctx) => {
    const member = ctx.myChatMember.new_chat_member;
    const chat: Chat = ctx.myChatMember.chat;
    const gone = member.status === 'kicked' || member.status === 'left';
    const cannotPost = chat.type === 'channel' && !(member.status === 'creator' || (member.status === 'administrator' && member.can_post_messages !== false));
    if (!gone && !cannotPost) return;
    if (store.deactivate(chat.id, chat.type === 'private' ? 'blocked' : 'removed', now())) {
      ctx.log.info({ chat: chat.id, status: member.status }, 'bot removed or demoted; subscription deactivated');
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

/** Why an /unsubscribe argument named no subscription: a number out of range, or something that is not a number. */
function unsubscribeHint(arg: string): string {
  if (arg === '') return '';
  if (/^\d+$/.test(arg)) return `没有第 ${quoteReader(arg)} 个订阅。`;
  return `看不懂“${quoteReader(arg)}”：请写订阅的编号，或“全部”。`;
}

function whichToUnsubscribe(count: number): string {
  if (count === 1) return '本聊天只有 1 个订阅：要退订它，请点下面的按钮，或发送 /unsubscribe 1。';
  return `本聊天有 ${count} 个订阅，退订哪一个？也可以发送 /unsubscribe 2 或 /unsubscribe 全部。`;
}
