import { randomUUID } from 'node:crypto';
import type { Archive } from '../archive/archive.js';
import type { Logger } from '../logger.js';
import { createRateLimiter, realClock, type Clock, type RateOptions } from './create-rate-limiter.js';
import type { Deliverer } from './deliverer.js';
import type { DigestStore } from './open-store.js';
import { runFanout, type FanoutReport } from './run-fanout.js';

export interface DigestServiceOptions {
  store: DigestStore;
  archive: Archive;
  deliver: Deliverer;
  logger: Logger;
  /** The calendar clock: decides which slots have passed. Injected so tests can jump days. */
  now?: () => Date;
  /** The paper's time zone: delivery times are on its clock, not the server's. */
  timeZone: string;
  rate?: Partial<RateOptions>;
  /** Chats served at once (default 8). */
  concurrency?: number;
  /** How often to look for due digests (default 30 s). The first look is right after start: that is the catch-up. */
  tickMs?: number;
  /** The pacing clock for the rate limiter (default: real time, independent of `now`). */
  pacing?: Clock;
  /** How long the newest issue must be unchanged before it goes out (see FanoutOptions.settleMs). */
  settleMs?: number;
}

export interface DigestService {
  /** Runs a fan-out now (or joins the one already running) and resolves with its report. */
  runDueNow(): Promise<FanoutReport>;
  /** Stops the timer, lets the message in flight finish, and resolves when the fan-out has stopped. */
  stop(): Promise<void>;
}

/**
 * The digest scheduler, for the bot process: looks for due digests right away (catching up once after downtime)
 * and then every `tickMs`, and fans them out. `npm run digest -- --once` runs the same `runFanout`.
 */
export function startDigestService(options: DigestServiceOptions): DigestService {
  const log = options.logger.child({ module: 'digest-service' });
  const now = options.now ?? (() => new Date());
  const tickMs = options.tickMs ?? 30_000;
  const limiter = createRateLimiter(options.rate, options.pacing ?? realClock);
  const owner = `service-${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopping = false;
  let running: Promise<FanoutReport> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const runDueNow = (): Promise<FanoutReport> => {
    running ??= runFanout({
      store: options.store,
      archive: options.archive,
      deliver: options.deliver,
      limiter,
      logger: options.logger,
      now,
      timeZone: options.timeZone,
      concurrency: options.concurrency,
      shouldStop: () => stopping,
      owner,
      settleMs: options.settleMs,
    }).finally(() => {
      running = undefined;
    });
    return running;
  };

  const tick = async () => {
    timer = undefined;
    try {
      await runDueNow();
    } catch (err) {
      log.error({ err }, 'digest run failed');
    }
    if (!stopping) timer = setTimeout(() => void tick(), tickMs);
  };
  timer = setTimeout(() => void tick(), 0);
  log.info({ tickMs, rate: limiter.options, timeZone: options.timeZone }, 'digest scheduler started');

  return {
    runDueNow,
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (running) await running.catch(() => undefined);
      log.info('digest scheduler stopped');
    },
  };
}
