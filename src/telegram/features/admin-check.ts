import type { BotContext } from '../context.js';

/** Whether the sender may change this chat's subscription; remembered for `cacheMs` (a settings session makes several). */
export type AdminCheck = (ctx: BotContext) => Promise<boolean>;

const isAdminStatus = (status: string) => status === 'creator' || status === 'administrator';

/**
 * Anyone in a private chat; in a group its admins (an anonymous admin posts as the group itself); in a channel
 * whoever posts (only its admins can).
 */
export function createAdminCheck(now: () => Date, cacheMs = 60_000): AdminCheck {
  const cache = new Map<string, { admin: boolean; until: number }>();
  return async (ctx) => {
    const chat = ctx.chat;
    if (!chat || chat.type === 'private' || chat.type === 'channel') return true;
    if (ctx.msg?.sender_chat?.id === chat.id) return true;
    const userId = ctx.from?.id;
    if (userId === undefined) return false;
    const key = `${chat.id}:${userId}`;
    const t = now().getTime();
    const cached = cache.get(key);
    if (cached && cached.until > t) return cached.admin;
    const admin = isAdminStatus((await ctx.api.getChatMember(chat.id, userId)).status);
    if (cache.size > 1000) for (const [k, v] of cache) if (v.until <= t) cache.delete(k);
    cache.set(key, { admin, until: t + cacheMs });
    return admin;
  };
}

/** A channel named in a private chat (`@name` or its numeric id), or why it cannot be subscribed from here. */
export type ChannelTarget = { ok: true; chatId: number; title: string } | { ok: false; reason: string };

/**
 * Verifies a channel for `/subscribe @channel`: it exists and is a channel, the sender is one of its admins, and the
 * bot is an admin that may post (getChatMember on both). Every refusal names what to fix.
 */
export async function verifyChannel(ctx: BotContext, name: string): Promise<ChannelTarget> {
  const userId = ctx.from?.id;
  if (userId === undefined) return { ok: false, reason: '无法确认您的身份，请在与我的私聊中发送这条命令。' };
  let chat;
  try {
    chat = await ctx.api.getChat(/^-?\d+$/.test(name) ? Number(name) : name);
  } catch (err) {
    ctx.log.info({ err, channel: name }, 'channel lookup failed');
    return { ok: false, reason: `找不到频道 ${name}。请检查用户名，并先把我加为该频道的管理员（可发布消息）。` };
  }
  if (chat.type !== 'channel') return { ok: false, reason: `${name} 不是频道。群组请在群里发送 /subscribe。` };
  const title = chat.title ?? name;
  const [user, bot] = await Promise.all([ctx.api.getChatMember(chat.id, userId), ctx.api.getChatMember(chat.id, ctx.me.id)]);
  if (!isAdminStatus(user.status)) return { ok: false, reason: `只有频道「${title}」的管理员可以为它订阅。` };
  const canPost = bot.status === 'creator' || (bot.status === 'administrator' && bot.can_post_messages !== false);
  if (!canPost) return { ok: false, reason: `请先把我加为频道「${title}」的管理员，并允许我发布消息，然后再试。` };
  return { ok: true, chatId: chat.id, title };
}
