import type { MiddlewareFn } from 'grammy';
import type { BotContext, RateLimitOptions } from './context.js';

/** Enough for a reader paging quickly through results; a script flooding the bot is stopped. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 8, refillPerSecond: 0.5 };

interface Bucket {
  tokens: number;
  at: number;
  warned: boolean;
}

/**
 * Per-user flood protection: a token bucket per user id on an injected clock. Over the limit, a
 * user is told once to slow down (a short callback answer for a button); further updates are
 * dropped quietly until the bucket refills.
 */
export function createRateLimiter(options: RateLimitOptions, now: () => Date): MiddlewareFn<BotContext> {
  const buckets = new Map<number, Bucket>();
  const take = (userId: number): { allowed: boolean; warn: boolean } => {
    const t = now().getTime();
    const b = buckets.get(userId) ?? { tokens: options.capacity, at: t, warned: false };
    b.tokens = Math.min(options.capacity, b.tokens + ((t - b.at) / 1000) * options.refillPerSecond);
    b.at = t;
    buckets.delete(userId);
    buckets.set(userId, b);
    if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value as number);
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
    const userId = ctx.from?.id;
    // Only what a user sends counts; membership changes and the like always go through.
    const fromUser = ctx.message !== undefined || ctx.callbackQuery !== undefined || ctx.inlineQuery !== undefined;
    if (userId === undefined || !fromUser) return next();
    const { allowed, warn } = take(userId);
    if (allowed) return next();
    ctx.log.info({ userId }, 'rate limited');
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: '操作太频繁了，请稍等几秒再试。' });
    } else if (ctx.inlineQuery) {
      // Inline queries arrive with every keystroke: dropping them silently is what readers expect.
    } else if (warn && ctx.chat) {
      await ctx.reply('您发送得太快了，请稍等几秒再继续。我会处理您之后发来的消息。');
    }
  };
}
