import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { GrammyError, HttpError, webhookCallback, type Bot, type BotError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { BotContext } from './context.js';
import { syncBotProfile, type BotProfile } from './sync-bot-profile.js';
import { readWebhookBody, WebhookBodyError } from './read-webhook-body.js';

/** The updates the bot handles; my_chat_member lets the digest notice a chat that blocked the bot. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query', 'my_chat_member'] as const;

/** How long a stop waits for updates already being handled. */
const DRAIN_MS = 10_000;

export interface RunningBot {
  /** Stops taking updates, lets the ones in hand finish, and confirms them to Telegram. */
  stop(): Promise<void>;
}

/**
 * Connects the bot to Telegram: brings its menus and texts up to date (syncBotProfile), then long polling (@grammyjs/runner,
 * updates of one chat in order), or a webhook when `WEBHOOK_URL` is set, served by node:http
 * on `PORT` together with `GET /healthz`.
 */
export async function runBot(
  bot: Bot<BotContext>,
  config: Pick<Config, 'webhookUrl' | 'webhookSecret' | 'port'>,
  options: { logger: Logger; profile: BotProfile; health?: () => Record<string, unknown> },
): Promise<RunningBot> {
  const { logger } = options;
  await initWithRetry(bot, logger);
  // The menu and texts are a convenience: a bot without them still answers (failures are logged inside).
  await syncBotProfile(bot.api, options.profile, logger);
  if (config.webhookUrl !== undefined) return runWebhook(bot, config.webhookUrl, config, logger, options.health);
  return runPolling(bot, logger);
}

/** Tries to reach Telegram at startup this many times (about a minute in all) before giving up with a clear message. */
const INIT_ATTEMPTS = 6;

/**
 * getMe, with a few patient retries for a network that is not up yet, and a clear stop for what no retry fixes:
 * a token Telegram rejects, or an API root that never answers.
 */
export async function initWithRetry(bot: Bot<BotContext>, logger: Logger, attempts = INIT_ATTEMPTS, firstDelayMs = 2000): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Not bot.init(): it retries network errors forever and silently. One getMe, then hand grammY the answer.
      bot.botInfo = await bot.api.getMe();
      await bot.init();
      return;
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
        throw new ConfigError(`Telegram rejected BOT_TOKEN (${err.error_code} ${err.description}). Copy the token again from @BotFather.`, 'BOT_TOKEN', { cause: err });
      }
      if (!(err instanceof HttpError) || attempt >= attempts) {
        throw new ConfigError(
          `Cannot reach the Telegram Bot API after ${attempt} tries (${(err as Error).message}). Check the network, or TELEGRAM_API_ROOT if you use your own Bot API server.`,
          'TELEGRAM_API_ROOT',
          { cause: err },
        );
      }
      const delay = firstDelayMs * 2 ** (attempt - 1);
      logger.warn({ attempt, retryInMs: delay, err: (err as Error).message }, 'Telegram not reachable yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function runPolling(bot: Bot<BotContext>, logger: Logger): Promise<RunningBot> {
  // A webhook left over from an earlier deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  let lastUpdateId: number | undefined;
  const handle: RunnerHandle = run(
    {
      init: () => bot.init(),
      handleUpdate: (update: Update) => {
        lastUpdateId = Math.max(lastUpdateId ?? 0, update.update_id);
        return bot.handleUpdate(update);
      },
      // bot.handleUpdate rejects with a BotError, which the runner passes here.
      errorHandler: (err: BotError<BotContext>) => bot.errorHandler(err),
      api: {
        getUpdates: async (args, signal) => {
          try {
            return await bot.api.getUpdates({ ...args, allowed_updates: [...ALLOWED_UPDATES] }, signal);
          } catch (err) {
            // The runner retries with backoff; we say so through the logger (its own console.error is off).
            if (!signal?.aborted) logger.warn({ err }, 'getUpdates failed; retrying');
            throw err;
          }
        },
      },
    },
    // silent: the runner would print failures with console.error, past the logger and its level.
    { runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true } },
  );
  logger.info({ bot: bot.botInfo.username }, 'bot polling');
  return {
    async stop() {
      await handle.stop();
      const deadline = Date.now() + DRAIN_MS;
      while (handle.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (lastUpdateId !== undefined) {
        // The runner does not confirm the last batch; without this, a restart would handle it again.
        await bot.api.getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 }).catch((err: unknown) => logger.warn({ err }, 'last updates not confirmed'));
      }
      logger.info('bot stopped');
    },
  };
}

/** Constant-time comparison, so response timing does not reveal the secret byte by byte. */
function sameSecret(given: string, expected: string | undefined): boolean {
  if (expected === undefined) return true;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** grammY's webhook adapter for an update we have already read and checked (see readWebhookBody). */
function preParsed(update: Update, res: ServerResponse, header: string | undefined) {
  return {
    update,
    header,
    end: () => res.end(),
    respond: (json: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(json),
    unauthorized: () => res.writeHead(401).end('secret token is wrong'),
  };
}

async function runWebhook(
  bot: Bot<BotContext>,
  webhookUrl: string,
  config: Pick<Config, 'webhookSecret' | 'port'>,
  logger: Logger,
  health: () => Record<string, unknown> = () => ({}),
): Promise<RunningBot> {
  const path = new URL(webhookUrl).pathname;
  // grammY gets the update already read and parsed (our adapter), so the body cap and the 400 for bad JSON apply first.
  const callback = webhookCallback(bot, preParsed, { secretToken: config.webhookSecret, onTimeout: 'return' });
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/healthz') {
      // Same contract as the polling mode's health server: `ok: false` from the check answers 503.
      const state = { ok: true, bot: bot.botInfo.username, ...health() };
      res.writeHead(state.ok === false ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(state));
      return;
    }
    if (req.method === 'POST' && url.pathname === path) {
      // A forged call is refused before its body is read.
      const secret = req.headers['x-telegram-bot-api-secret-token'];
      if (typeof secret !== 'string' || !sameSecret(secret, config.webhookSecret)) {
        res.writeHead(401).end('secret token is wrong');
        req.resume();
        return;
      }
      readWebhookBody(req)
        .then((update) => callback(update, res, secret))
        .catch((err: unknown) => {
          if (err instanceof WebhookBodyError) {
            // Bad input from the network, not a fault of ours: warn, answer 4xx, and drop the connection's rest.
            logger.warn({ status: err.status, reason: err.message }, 'webhook body refused');
            if (!res.headersSent) res.writeHead(err.status, { connection: 'close' }).end();
            return;
          }
          logger.error({ err }, 'webhook update failed');
          if (!res.headersSent) res.writeHead(500).end();
        });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => resolve());
  });
  await bot.api.setWebhook(webhookUrl, { secret_token: config.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
  const address = server.address();
  logger.info({ bot: bot.botInfo.username, port: typeof address === 'object' && address ? address.port : config.port, path }, 'bot webhook listening');
  return {
    async stop() {
      // Stop accepting updates but let the ones being handled finish (Telegram would redeliver a cut-off
      // request, and the handlers still need the store); after DRAIN_MS, cut what is left.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
      await closed;
      clearTimeout(deadline);
      logger.info('bot stopped');
    },
  };
}
