/**
 * Composition root: config → logger → issues → archive → search index → digest store → bot → scheduler.
 * Nothing else knows every module. With BOT_TOKEN the bot talks to Telegram (long polling, or a webhook
 * when WEBHOOK_URL is set); without one it chats in the terminal. SIGINT/SIGTERM stop it cleanly.
 */
import path from 'node:path';
import { loadConfig, type Config } from './config.js';
import { openStore } from './digest/open-store.js';
import { startDigestService } from './digest/start-digest-service.js';
import { createSyncRetry, type SyncRetry } from './create-sync-retry.js';
import { ConfigError, StoreError } from './errors.js';
import { startHealthServer, type HealthServer } from './health-server.js';
import { watchIssues } from './ingest/watch-issues.js';
import { createLogger, scrubProcessOutput, type Logger } from './logger.js';
import { loadProfile } from './profile/load-profile.js';
import { openArchive, type IngestProblem, type OpenedArchive } from './open-archive.js';
import { botCommands, commandMenus } from './telegram/commands.js';
import type { BotDeps } from './telegram/context.js';
import { createBot } from './telegram/create-bot.js';
import { createDigestApi, createDigestDeliverer } from './telegram/deliver-digest.js';
import { createAdminFeature } from './telegram/features/admin.js';
import { ON_THIS_DAY_COMMAND } from './telegram/features/on-this-day.js';
import { createSubscriptionsFeature, SUBSCRIPTION_COMMANDS } from './telegram/features/subscriptions.js';
import { runBot } from './telegram/run-bot.js';
import { botTexts } from './telegram/sync-bot-profile.js';
import { runTerminalChatWithDigests } from './telegram/run-terminal-chat.js';
import { createTerminalChat } from './telegram/terminal-chat.js';

/**
 * The manifest as it is now: an editor may have recorded a new issue's date with it while the bot runs.
 * A profile broken meanwhile keeps the manifest read at startup (and says so); the rest of the profile
 * is only read at startup.
 */
function currentManifest(config: Config, logger: Logger) {
  try {
    return loadProfile(config.configDir).manifest;
  } catch (err) {
    logger.warn({ err }, 'config changed and no longer valid; using the manifest read at startup');
    return config.profile.manifest;
  }
}

/** Keeps the archive (and so the search) in step with SEEDS_DIR while running: new, changed and deleted issue files. */
async function watchSeeds(config: Config, opened: OpenedArchive, archiveSync: SyncRetry, logger: Logger) {
  return watchIssues({
    seedsDir: config.seedsDir,
    logger,
    onFile: async (file) => {
      // A full disk keeps the bot serving what it has: the file is retried with the next sync.
      const ingested = await archiveSync.guard(async () => ({ problem: await opened.ingestFile(file) }));
      if (ingested !== undefined && ingested.problem === undefined) logger.info({ file: path.basename(file), issues: opened.archive.issues().length }, 'issue file ingested');
    },
    onRemove: async (file) => {
      // A deleted file takes its issue out of browsing, search and future digests.
      const gone = await archiveSync.guard(() => opened.removeFile(file));
      if (gone !== undefined) logger.info({ file: path.basename(file), issue: gone }, 'issue removed');
    },
  });
}

/** Where the terminal chat keeps its subscriptions: its own database, never the bot's. */
const TERMINAL_STATE_DIR = 'terminal-chat';

async function main(config: Config, logger: Logger): Promise<number> {
  // One zone for ingest, search ("today", 昨天) and the bot: the paper's, or the TZ override.
  // A corrupt, foreign or newer archive database stops startup here with a StoreError naming the file.
  const opened = await openArchive({
    seedsDir: config.seedsDir,
    profile: config.profile,
    manifest: () => currentManifest(config, logger),
    dataDir: config.dataDir,
    paper: { ...config.paper, timeZone: config.timeZone },
    logger,
    syncOnOpen: false,
  });
  const { archive, search } = opened;
  // A full disk while syncing keeps the bot serving the archive it has (QA O3): logged, retried later.
  const archiveSync = createSyncRetry({ sync: () => opened.sync(), dataDir: config.dataDir, logger });
  const report = (await archiveSync.run()) ?? opened.report;
  logProblems(report.problems, logger);
  // Never a silent empty archive: the bot still starts (issues dropped in later are picked up), but says why it knows nothing.
  if (report.files === 0 && archiveSync.failing() === undefined) logger.warn({ seedsDir: config.seedsDir }, 'no issue files (*.txt) under SEEDS_DIR: the archive is empty until some arrive; set SEEDS_DIR to the folder of issue files');
  logger.info({ issues: archive.issues().length, passages: search.passageCount }, 'archive ready');
  // The headline vocabulary (inline as you type, /topic fallback) loads in the background: answers never wait for it.
  search.loadHeadlines?.().then(
    () => logger.debug('headline index loaded'),
    (err: unknown) => logger.error({ err }, 'headline index not loaded: headline search works without fuzzy matching'),
  );

  // A corrupt or newer database stops startup here with a StoreError: it is never reset silently.
  // The terminal chat's pretend reader subscribes in a database of its own, never in the bot's.
  const terminal = config.botToken === undefined;
  const store = openStore(terminal ? path.join(config.dataDir, TERMINAL_STATE_DIR) : config.dataDir, logger);
  const subscriptions = createSubscriptionsFeature({ store, archive, timeZone: config.timeZone });
  const admin = createAdminFeature({
    adminIds: config.adminIds,
    archive,
    search,
    archiveSyncFailure: () => archiveSync.failing(),
    startedAt: new Date(),
    digestStats: () => {
      const latest = archive.latest();
      const latestDeliveries: Record<string, number> = {};
      for (const { delivery } of latest ? store.activeWithDelivery(latest.id) : []) {
        if (delivery) latestDeliveries[delivery.status] = (latestDeliveries[delivery.status] ?? 0) + 1;
      }
      return { activeSubscriptions: store.countActive(), latestDeliveries };
    },
  });
  const deps: BotDeps = {
    archive,
    search,
    logger,
    extraFeatures: [subscriptions, admin],
    extraCommands: [...SUBSCRIPTION_COMMANDS, ON_THIS_DAY_COMMAND],
    scriptOf: (chatId) => store.chatScript(chatId),
  };
  const commands = botCommands(deps.extraCommands);
  const watcher = await watchSeeds(config, opened, archiveSync, logger);
  // A file that arrived between the opening sync and the watch: pick it up now (a stat of each file, nothing re-read).
  // (After a failure the retry already pending covers it.)
  if (archiveSync.failing() === undefined) await archiveSync.run();

  const digestOptions = {
    store,
    archive,
    logger,
    timeZone: config.timeZone,
    tickMs: config.digestTickSeconds * 1000,
    settleMs: config.digestSettleSeconds * 1000,
    rate: { perSecond: config.digestRatePerSecond },
  };
  if (config.botToken === undefined) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
    // `npm start | head`: the reader closed the pipe; stop quietly instead of dying on EPIPE.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
    try {
      const chat = await createTerminalChat(config, deps, { input: process.stdin, output: process.stdout, commands });
      return await runTerminalChatWithDigests(chat, digestOptions, { stderr: process.stderr });
    } finally {
      await watcher.close();
      archiveSync.close();
      store.close();
      opened.close();
    }
  }

  const bot = createBot(config, deps);
  const healthCheck = () => ({ ok: !store.impaired, store: store.impaired ? 'impaired' : 'ok', archiveSync: archiveSync.failing() ?? 'ok', issues: archive.issues().length, latest: archive.latest()?.date });
  const running = await runBot(bot, config, { logger, profile: { ...botTexts(config.paper), menus: commandMenus(deps.extraCommands) }, health: healthCheck });
  const digests = startDigestService({
    ...digestOptions,
    // Its own Api, without the bot's auto-retry: every digest send and retry passes the fan-out's rate limiter.
    deliver: createDigestDeliverer(createDigestApi(config.botToken, { apiRoot: config.apiRoot }), { scriptOf: (chatId) => store.chatScript(chatId) }),
  });
  let health: HealthServer | undefined;
  if (config.webhookUrl === undefined) {
    // Webhook mode serves /healthz itself; a busy port must not stop the bot from answering readers.
    health = await startHealthServer({
      port: config.port,
      logger,
      check: healthCheck,
    }).catch((err: unknown) => {
      logger.warn({ err, port: config.port }, 'health endpoint not started');
      return undefined;
    });
  }

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.info('stopping');
  await watcher.close();
  archiveSync.close();
  await digests.stop();
  await running.stop();
  await health?.close();
  store.close();
  opened.close();
  return 0;
}

/** One warning per kind of problem file (refused, unreadable, duplicate …), naming the first few. */
function logProblems(problems: readonly IngestProblem[], logger: Logger): void {
  const byKind = new Map<string, IngestProblem[]>();
  for (const p of problems) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  for (const [kind, list] of byKind) logger.warn({ kind, count: list.length, files: list.slice(0, 5).map((p) => p.file), first: list[0]!.message }, 'issue files not in the archive');
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  // A person at a terminal gets the sentence; a log collector gets the structured line.
  if (process.stderr.isTTY) process.stderr.write(`配置有误 / configuration error: ${err.message}\n`);
  else createLogger().fatal({ variable: err.variable }, err.message);
  process.exit(1);
}
// From here on no byte of the token leaves the process, whoever prints it (a library's console.error included).
scrubProcessOutput(config.botToken);
// In the terminal the chat owns stdout and logs go to stderr; below warn they would drown the chat.
const logger = createLogger({ level: config.botToken === undefined ? config.personLogLevel : config.logLevel, token: config.botToken });
main(config, logger).then(
  (code) => process.exit(code),
  (err: unknown) => {
    // Expected failures (bad config, a database that must not be touched) get their message only, no stack.
    if ((err instanceof ConfigError || err instanceof StoreError) && process.stderr.isTTY) process.stderr.write(`启动失败 / cannot start: ${err.message}\n`);
    else if (err instanceof ConfigError) logger.fatal({ variable: err.variable }, err.message);
    else if (err instanceof StoreError) logger.fatal({ path: err.path }, err.message);
    else logger.fatal({ err }, err instanceof Error ? err.message : 'startup failed');
    process.exit(1);
  },
);
