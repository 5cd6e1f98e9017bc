/**
 * `npm run digest -- --once`: delivers every digest that is due now and exits, for cron-style deployments.
 * It runs the very fan-out the bot's scheduler runs (`runFanout`), against the same database, so the two can be
 * mixed: a lease in the database keeps them from fanning out at the same time.
 *
 *   --once               required: run once and exit (the bot process is the long-running scheduler)
 *   --rate <n>           messages per second overall (default: DIGEST_RATE, 25)
 *   --per-chat-ms <ms>   minimum gap between two messages to one chat (default 1000)
 *   --concurrency <n>    chats served at once (default 8)
 *   --lease-wait <s>     how long to wait for another process's fan-out lease (default 20: one lease period and more)
 *
 * Prints the fan-out report as JSON on stdout. Exit 0 when the run completed, 1 on a configuration or store
 * error, 2 on bad arguments, 3 when some chats failed (they are retried on the next run), 4 when another process
 * held the fan-out lease for longer than one lease period (it is delivering; this run sent nothing), 5 when the
 * archive has no issue to send, 6 when the newest issue was written less than DIGEST_SETTLE_SECONDS ago (its file
 * may still be arriving; the next run sends it).
 * A holder that died — even one left a zombie — stops renewing its lease, so this run waits it out and delivers.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createRateLimiter, DEFAULT_RATE } from '../digest/create-rate-limiter.js';
import { openStore } from '../digest/open-store.js';
import { LEASE_TTL_MS, runFanout } from '../digest/run-fanout.js';
import { ConfigError, StoreError } from '../errors.js';
import { createLogger, scrubProcessOutput } from '../logger.js';
import { openArchive } from '../open-archive.js';
import { createDigestApi, createDigestDeliverer } from '../telegram/deliver-digest.js';

const USAGE = 'usage: npm run digest -- --once [--rate 25] [--per-chat-ms 1000] [--concurrency 8] [--lease-wait 20]\n';
/** Exit codes for runs that did not deliver (see the header). */
const EXIT_LOCKED = 4;
const EXIT_NO_ISSUE = 5;
const EXIT_SETTLING = 6;

function positive(name: string, value: string | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    process.stderr.write(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got "${value}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        once: { type: 'boolean', default: false },
        rate: { type: 'string' },
        'per-chat-ms': { type: 'string' },
        concurrency: { type: 'string' },
        'lease-wait': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.once) {
    process.stderr.write(`digest: only --once is supported here; the bot process (npm start) runs the daily scheduler.\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  // The same ceiling as the bot's scheduler: DIGEST_RATE, unless --rate says otherwise for this run.
  const rate = {
    perSecond: positive('rate', values.rate, config.digestRatePerSecond),
    perChatIntervalMs: positive('per-chat-ms', values['per-chat-ms'], DEFAULT_RATE.perChatIntervalMs, true),
  };
  const concurrency = Math.round(positive('concurrency', values.concurrency, 8));
  const leaseWaitMs = positive('lease-wait', values['lease-wait'], (LEASE_TTL_MS + 5_000) / 1000, true) * 1000;

  if (config.botToken === undefined) {
    throw new ConfigError('BOT_TOKEN is not set: sending digests needs a bot token from @BotFather (in .env or the environment).', 'BOT_TOKEN');
  }
  scrubProcessOutput(config.botToken);
  const logger = createLogger({ level: config.logLevel, token: config.botToken });
  const opened = await openArchive({ seedsDir: config.seedsDir, profile: config.profile, dataDir: config.dataDir, paper: { ...config.paper, timeZone: config.timeZone }, logger });
  const { archive } = opened;
  const store = openStore(config.dataDir, logger);

  let stopping = false;
  const stop = () => {
    // The message in flight finishes and is recorded; everything after it is due again on the next run.
    stopping = true;
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  try {
    const report = await runFanout({
      store,
      archive,
      deliver: createDigestDeliverer(createDigestApi(config.botToken, { apiRoot: config.apiRoot }), { scriptOf: (chatId) => store.chatScript(chatId) }),
      limiter: createRateLimiter(rate),
      logger,
      now: () => new Date(),
      timeZone: config.timeZone,
      concurrency,
      shouldStop: () => stopping,
      waitForLeaseMs: leaseWaitMs,
      settleMs: config.digestSettleSeconds * 1000,
    });
    process.stdout.write(`${JSON.stringify({ ...report, rate }, null, 2)}\n`);
    if (report.skipped === 'locked') {
      const by = report.lockedBy;
      process.stderr.write(
        `digest: nothing sent: another process${by ? ` (pid ${by.pid} on ${by.host})` : ''} kept renewing the fan-out lease while this run waited; it is delivering the digests. Run again later if it stops.\n`,
      );
      return EXIT_LOCKED;
    }
    if (report.skipped === 'settling') {
      process.stderr.write(
        `digest: nothing sent yet: the newest issue was written less than ${config.digestSettleSeconds} s ago and its file may still be arriving. Run again in a minute (or set DIGEST_SETTLE_SECONDS).\n`,
      );
      return EXIT_SETTLING;
    }
    if (report.skipped === 'no-issue') {
      process.stderr.write(`digest: nothing sent: the archive in ${config.seedsDir} has no issue.\n`);
      return EXIT_NO_ISSUE;
    }
    return report.failed > 0 ? 3 : 0;
  } finally {
    store.close();
    opened.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof StoreError) {
      process.stderr.write(`digest: ${err.message}\n`);
    } else {
      process.stderr.write(`digest: ${(err as Error).stack ?? String(err)}\n`);
    }
    process.exitCode = 1;
  },
);
