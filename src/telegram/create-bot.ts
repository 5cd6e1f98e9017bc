import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type BotError } from 'grammy';
import type { Config } from '../config.js';
import { ConfigError, StoreError } from '../errors.js';
import { offersDigest } from './commands.js';
import type { BotContext, BotDeps } from './context.js';
import { createAskFeature } from './features/ask.js';
import { createBrowseFeature, createIssueViews } from './features/browse.js';
import { createFallbackFeature } from './features/fallback.js';
import { createInlineFeature } from './features/inline.js';
import { createReadFeature } from './features/read.js';
import { createStartHelpFeature } from './features/start-help.js';
import { createOnThisDayFeature } from './features/on-this-day.js';
import { createTopicsFeature } from './features/topics.js';
import { createQueryStore } from './query-store.js';
import { replyInReadersScript } from './reply-script.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT } from './rate-limit.js';
import { typingWhileSlow } from './typing-while-slow.js';

/** The token used when no real Bot API is involved (terminal chat, tests): never sent anywhere. */
const LOCAL_TOKEN = '0:local-stand-in';

/**
 * Builds the bot: every feature, one error boundary, per-chat ordering, auto-retry and flood
 * protection. Nothing starts here: run it with `runBot` (Telegram) or `runTerminalChat` (no token),
 * or feed it updates with `bot.handleUpdate` (tests).
 *
 * @example
 * const bot = createBot(config, { archive, search, logger });
 * const running = await runBot(bot, config, { logger });
 */
export function createBot(config: Pick<Config, 'botToken' | 'apiRoot' | 'timeZone'>, deps: BotDeps): Bot<BotContext> {
  const local = (deps.apiTransformers?.length ?? 0) > 0;
  if (config.botToken === undefined && !local) {
    throw new ConfigError('BOT_TOKEN is not set. Get a token from @BotFather and put it in .env, or run without one to chat in the terminal.', 'BOT_TOKEN');
  }
  const bot = new Bot<BotContext>(config.botToken ?? LOCAL_TOKEN, {
    botInfo: deps.botInfo,
    client: config.apiRoot !== undefined ? { apiRoot: config.apiRoot } : undefined,
  });
  // Local transformers first: auto-retry wraps them, so a 429 they return is retried like Telegram's.
  if (local) bot.api.config.use(...deps.apiTransformers!);
  // Network errors are rethrown, not retried without end (the plugin's default): a reply that cannot be sent is
  // logged by the error boundary, and polling has its own reconnect loop.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowHttpErrors: true }));

  const now = deps.now ?? (() => new Date());
  const handleError = async (err: BotError<BotContext>) => reportError(err, deps);

  // Updates of one chat are handled in order (the runner handles different chats concurrently).
  bot.use(sequentialize((ctx) => (ctx.chat ?? ctx.from)?.id.toString()));
  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    await next();
  });
  const guarded = bot.errorBoundary(handleError);
  if (deps.rateLimit !== false) guarded.use(createRateLimiter(deps.rateLimit ?? DEFAULT_RATE_LIMIT, now));

  // Commands are case-insensitive (/DATE, /Latest): grammY matches them exactly, so lower-case the command first.
  guarded.use(lowerCaseCommand);
  // Replies in the reader's script (繁體 for a question written in it, or the chat's choice).
  guarded.use(replyInReadersScript(deps.scriptOf));
  guarded.use(typingWhileSlow());

  const { archive, search } = deps;
  guarded.use(createReadFeature({ archive }));
  guarded.use(createStartHelpFeature({ archive, digest: offersDigest(deps) }));
  const views = createIssueViews({ archive, timeZone: config.timeZone, now });
  guarded.use(createBrowseFeature({ archive, timeZone: config.timeZone, now, views }));
  guarded.use(createOnThisDayFeature({ archive, timeZone: config.timeZone, now }));
  guarded.use(createTopicsFeature({ archive, search }));
  guarded.use(createInlineFeature({ archive, search }));
  for (const feature of deps.extraFeatures ?? []) guarded.use(feature);
  guarded.use(createAskFeature({ archive, search, queries: createQueryStore(), views }));
  guarded.use(createFallbackFeature());

  // The boundary above catches handler errors; this catches anything thrown outside it (the runner's sink).
  bot.catch(handleError);
  return bot;
}

/** Lower-cases the command of a message that starts with one (`/DATE@Bot 2024-11-07` → `/date@Bot 2024-11-07`). */
async function lowerCaseCommand(ctx: BotContext, next: () => Promise<void>): Promise<void> {
  const message = ctx.message;
  const entity = message?.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (message?.text !== undefined && entity !== undefined) {
    const command = message.text.slice(0, entity.length);
    const at = command.indexOf('@');
    const name = at === -1 ? command : command.slice(0, at);
    if (name !== name.toLowerCase()) message.text = name.toLowerCase() + message.text.slice(name.length);
  }
  await next();
}

/** What a reader is told when the subscription database fails: the service is impaired, their settings unknown, not gone. */
export const STORE_IMPAIRED = '抱歉，订阅服务暂时出现故障，现在无法查看或修改订阅。您原有的订阅设置不会因此丢失，我们已记录问题，请稍后再试。';
const STORE_IMPAIRED_SHORT = '抱歉，订阅服务暂时出现故障，请稍后再试。';

/** The one error path: the log gets `{ err, update_id }`, the user a short apology. */
async function reportError(err: BotError<BotContext>, deps: BotDeps): Promise<void> {
  const ctx = err.ctx;
  const log = ctx.log ?? deps.logger;
  // A failing subscription database is the service being impaired, not an answer: never "not subscribed".
  const impaired = err.error instanceof StoreError;
  log.error({ err: err.error, update_id: ctx.update.update_id, impaired }, impaired ? 'update failed: subscription store impaired' : 'update failed');
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: impaired ? STORE_IMPAIRED_SHORT : '抱歉，出了点问题，请稍后再试。' });
    else if (ctx.chat && ctx.message) await ctx.reply(impaired ? STORE_IMPAIRED : '抱歉，处理您的消息时出了点问题，请稍后再试。');
  } catch (apologyErr) {
    // The callback may already be answered, or the chat gone (403): nothing more to do, but say so.
    log.warn({ err: apologyErr, update_id: ctx.update.update_id }, 'apology not delivered');
  }
}
