import { createServer, type Server } from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { webhookCallback, type Bot, type BotError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { BotContext, MenuCommand } from './context.js';

/** The updates the bot handles; my_chat_member lets the digest notice a chat that blocked the bot. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query', 'my_chat_member'] as const;

/** How long a stop waits for updates already being handled. */
const DRAIN_MS = 10_000;

export interface RunningBot {
  /** Stops taking updates, lets the ones in hand finish, and confirms them to Telegram. */
  stop(): Promise<void>;
}

/**
 * Connects the bot to Telegram: sets the command menu, then long polling (@grammyjs/runner,
 * updates of one chat in order), or a webhook when `WEBHOOK_URL` is set, served by node:http
 * on `PORT` together with `GET /healthz`.
 */
export async function runBot(
  bot: Bot<BotContext>,
  config: Pick<Config, 'webhookUrl' | 'webhookSecret' | 'port'>,
  options: { logger: Logger; commands: MenuCommand[] },
): Promise<RunningBot> {
  const { logger } = options;
  await bot.init();
  try {
    await bot.api.setMyCommands(options.commands);
  } catch (err) {
    // The menu is a convenience: a bot without it still answers.
    logger.warn({ err }, 'command menu not set');
  }
  if (config.webhookUrl !== undefined) return runWebhook(bot, config.webhookUrl, config, logger);
  return runPolling(bot, logger);
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
      api: { getUpdates: (args, signal) => bot.api.getUpdates({ ...args, allowed_updates: [...ALLOWED_UPDATES] }, signal) },
    },
    { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } },
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

async function runWebhook(bot: Bot<BotContext>, webhookUrl: string, config: Pick<Config, 'webhookSecret' | 'port'>, logger: Logger): Promise<RunningBot> {
  const path = new URL(webhookUrl).pathname;
  const callback = webhookCallback(bot, 'http', { secretToken: config.webhookSecret, onTimeout: 'return' });
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, bot: bot.botInfo.username }));
      return;
    }
    if (req.method === 'POST' && url.pathname === path) {
      callback(req, res).catch((err: unknown) => {
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
