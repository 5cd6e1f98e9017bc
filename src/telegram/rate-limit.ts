import type { MiddlewareFn } from 'grammy';
import type { BotContext, RateLimitOptions } from './context.js';

/** Enough for a reader paging quickly through results; a script flooding the bot is stopped. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 8, refillPerSecond: 0.5 };

/**
 * Button presses: a reader tapping through /settings or pages about once a second never meets this; only a
 * script hammering buttons does (60 at once, then 3 a second).
 */
export const DEFAULT_CALLBACK_RATE_LIMIT = { capacity: 60, refillPerSecond: 3 } as const;

interface Bucket {
  tokens: number;
  at: number;
  warned: boolean;
}

/**
 * Per-user flood protection: a token bucket per user id on an injected clock, one for messages and a much
 * looser one for button presses. Over the limit, a user is told once to slow down (a button always gets a
 * short answer); further messages are dropped quietly until the bucket refills.
 */
export function createRateLimiter(options: RateLimitOptions, now: () => Date): MiddlewareFn<BotContext> {
  const buckets = new Map<string, Bucket>();
  const take = (key: string, limit: { capacity: number; refillPerSecond: number }): { allowed: boolean; warn: boolean } => {
    const t = now().getTime();
    const b = buckets.get(key) ?? { tokens: limit.capacity, at: t, warned: false };
    b.tokens = Math.min(limit.capacity, b.tokens + ((t - b.at) / 1000) * limit.refillPerSecond);
    b.at = t;
    buckets.delete(key);
    buckets.set(key, b);
    if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value as string);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      b.warned = false;
      return { allowed: true, warn: false };
    }
    const warn = !b.warned;
    b.warned = true;
    return { allowed: false, warn };
  };

  return async (ctx, next) => {
    // Anonymous group admins and channel posts all arrive from one shared bot account: key them by the chat
    // they speak for, so one busy group cannot use up everybody else's allowance.
    const userId = ctx.msg?.sender_chat?.id ?? ctx.from?.id;
    // Messages and button presses count. Inline queries arrive with every keystroke and Telegram
    // already throttles them; membership changes and the like always go through.
    const counted = ctx.callbackQuery !== undefined || (ctx.message !== undefined && addressedToBot(ctx));
    if (userId === undefined || !counted) return next();
    const press = ctx.callbackQuery !== undefined;
    const { allowed, warn } = press
      ? take(`c:${userId}`, options.callbacks ?? DEFAULT_CALLBACK_RATE_LIMIT)
      : take(`m:${userId}`, options);
    if (allowed) return next();
    ctx.log.info({ userId }, 'rate limited');
    if (ctx.callbackQuery) {
      // Every press needs an answer, or its spinner keeps turning.
      await ctx.answerCallbackQuery({ text: '操作太频繁了，请稍等几秒再试。' });
    } else if (warn && ctx.chat) {
      await ctx.reply('您发送得太快了，请稍等几秒再继续。我会处理您之后发来的消息。');
    }
  };
}

/** In a group, group talk the bot may see (privacy mode off) is not a request and costs nothing. */
function addressedToBot(ctx: BotContext): boolean {
  const message = ctx.message;
  if (message === undefined || ctx.chat?.type === 'private') return true;
  const text = message.text ?? '';
  const username = `@${ctx.me.username}`.toLowerCase();
  return (
    (message.entities ?? []).some((e) => e.type === 'bot_command' && e.offset === 0) ||
    text.toLowerCase().includes(username) ||
    message.reply_to_message?.from?.id === ctx.me.id
  );
}
