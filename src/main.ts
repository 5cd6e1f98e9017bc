/**
 * Composition root: config → logger → issues → archive → search index → bot. Nothing else knows
 * every module. With BOT_TOKEN the bot talks to Telegram (long polling, or a webhook when
 * WEBHOOK_URL is set); without one it chats in the terminal. SIGINT/SIGTERM stop it cleanly.
 */
import { createArchive } from './archive/archive.js';
import { loadTopicsConfig } from './archive/topics-config.js';
import { loadConfig, type Config } from './config.js';
import { ConfigError } from './errors.js';
import { loadIssues } from './ingest/load-issues.js';
import { createLogger, type Logger } from './logger.js';
import { createSearchEngine } from './search/create-search-engine.js';
import { botCommands } from './telegram/commands.js';
import type { BotDeps } from './telegram/context.js';
import { createBot } from './telegram/create-bot.js';
import { runBot } from './telegram/run-bot.js';
import { chatInTerminal } from './telegram/terminal-chat.js';

async function main(config: Config, logger: Logger): Promise<void> {
  const topics = loadTopicsConfig(config.configDir);
  const { issues, warnings } = await loadIssues({ seedsDir: config.seedsDir, configDir: config.configDir, paper: config.paper, logger });
  for (const warning of warnings) logger.warn(warning, 'issue file skipped');
  const archive = createArchive(issues, { paper: config.paper, topics });
  const search = await createSearchEngine({ issues: [...archive.issues()], paper: config.paper, configDir: config.configDir, dataDir: config.dataDir, logger });
  logger.info({ issues: archive.issues().length, passages: search.passageCount }, 'archive ready');
  const deps: BotDeps = { archive, search, logger };
  const commands = botCommands(deps.extraCommands);

  if (config.botToken === undefined) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
    await chatInTerminal(config, deps, { input: process.stdin, output: process.stdout, commands });
    return;
  }

  const bot = createBot(config, deps);
  const running = await runBot(bot, config, { logger, commands });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.stop();
}

// WORKAROUND: createLogger() without a token hands pino `hooks: undefined`, which crashes pino 9.
// Until src/logger.ts is fixed, give it a placeholder that is never a secret (scrubbing it is harmless).
const NO_TOKEN = 'no-bot-token-set';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  createLogger({ level: 'info', token: NO_TOKEN }).fatal({ variable: err.variable }, err.message);
  process.exit(1);
}
// In the terminal the chat owns stdout and logs go to stderr; below warn they would drown the chat.
const terminal = config.botToken === undefined;
const logger = createLogger({ level: terminal && config.logLevel === 'info' ? 'warn' : config.logLevel, token: config.botToken ?? NO_TOKEN });
main(config, logger).then(
  () => process.exit(0),
  (err: unknown) => {
    logger.fatal({ err }, err instanceof Error ? err.message : 'startup failed');
    process.exit(1);
  },
);
