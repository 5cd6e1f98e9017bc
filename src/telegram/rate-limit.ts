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
}

/** Messages skipped in a burst, reported in one message when the burst is over. */
interface Skipped {
  count: number;
  samples: string[];
  timer?: NodeJS.Timeout;
}

/** How long after the first skipped message the summary goes out: a burst is usually over by then. */
export const DEFAULT_SKIP_SUMMARY_DELAY_MS = 3_000;
/** Skipped messages quoted in the summary; the rest are counted. */
const SAMPLES = 5;
const SAMPLE_LENGTH = 20;

/**
 * Per-user flood protection: a token bucket per user id on an injected clock, one for messages and a much
 * looser one for button presses. Over the limit a message is not answered, but never silently: the skipped
 * messages of a burst are reported in one message when the burst is over — how many, and which — so the reader
 * knows what to send again. (A button press over its limit always gets a short answer.)
 *
 * Why not @grammyjs/ratelimiter: it counts in fixed windows (up to twice the limit passes at a window's edge) and
 * calls back once per dropped update; the burst accounting for the summary would still be ours, so the plugin
 * would add a dependency without removing this code.
 */
export function createRateLimiter(options: RateLimitOptions, now: () => Date): MiddlewareFn<BotContext> {
  const buckets = new Map<string, Bucket>();
  const skipped = new Map<string, Skipped>();
  const summaryDelay = options.skipSummaryDelayMs ?? DEFAULT_SKIP_SUMMARY_DELAY_MS;
  const take = (key: string, limit: { capacity: number; refillPerSecond: number }): boolean => {
    const t = now().getTime();
    const b = buckets.get(key) ?? { tokens: limit.capacity, at: t };
    b.tokens = Math.min(limit.capacity, b.tokens + ((t - b.at) / 1000) * limit.refillPerSecond);
    b.at = t;
    buckets.delete(key);
    buckets.set(key, b);
    if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value as string);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };

  /** Counts a skipped message and makes sure one summary for the burst is on its way. */
  const skip = (ctx: BotContext, key: string, chatId: number) => {
    const entry = skipped.get(key) ?? { count: 0, samples: [] };
    skipped.set(key, entry);
    entry.count++;
    const text = (ctx.message?.text ?? ctx.message?.caption ?? '').replace(/\s+/g, ' ').trim();
    if (entry.samples.length < SAMPLES && text !== '') entry.samples.push(text.length > SAMPLE_LENGTH ? `${text.slice(0, SAMPLE_LENGTH)}…` : text);
    if (entry.timer) return;
    const api = ctx.api;
    const log = ctx.log;
    const replyTo = ctx.chat?.type === 'private' ? undefined : ctx.message?.message_id;
    entry.timer = setTimeout(() => {
      skipped.delete(key);
      api
        .sendMessage(chatId, skipSummary(entry), replyTo === undefined ? {} : { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } })
        .catch((err: unknown) => log.warn({ err, skipped: entry.count }, 'flood summary not delivered'));
    }, summaryDelay);
    entry.timer.unref();
  };

  return async (ctx, next) => {
    // Anonymous group admins and channel posts all arrive from one shared bot account: key them by the chat
    // they speak for, so one busy group cannot use up everybody else's allowance.
    const userId = ctx.msg?.sender_chat?.id ?? ctx.from?.id;
    // Messages and button presses count. Inline queries arrive with every keystroke and Telegram
    // already throttles them; membership changes and the like always go through.
    const counted = ctx.callbackQuery !== undefined || (ctx.message !== undefined && addressedToBot(ctx));
    if (userId === undefined || !counted) return next();
    if (ctx.callbackQuery !== undefined) {
      if (take(`c:${userId}`, options.callbacks ?? DEFAULT_CALLBACK_RATE_LIMIT)) return next();
      ctx.log.info({ userId }, 'rate limited');
      // Every press needs an answer, or its spinner keeps turning.
      await ctx.answerCallbackQuery({ text: '操作太频繁了，请稍等几秒再试。' });
      return;
    }
    if (take(`m:${userId}`, options)) return next();
    ctx.log.info({ userId }, 'rate limited; the message is reported in the burst summary');
    if (ctx.chat) skip(ctx, `m:${userId}:${ctx.chat.id}`, ctx.chat.id);
  };
}

/** The one message about a burst: how many messages were not answered, which, and what to do. */
export function skipSummary(entry: { count: number; samples: string[] }): string {
  const quoted = entry.samples.map((s) => `「${s}」`).join('');
  const more = entry.count > entry.samples.length ? ` 等` : '';
  return `您刚才发送得太快，有 ${entry.count} 条消息没有处理${quoted ? `：${quoted}${more}` : ''}。\n请稍等几秒，再逐条发送您仍想问的内容。`;
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
