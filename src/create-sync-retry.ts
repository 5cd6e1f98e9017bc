import { StoreError } from './errors.js';
import type { Logger } from './logger.js';
import type { SyncReport } from './open-archive.js';

/** Starts a timer for `run`; returns what cancels it. Injected so tests fire retries themselves (no sleeps). */
export type Schedule = (run: () => Promise<void>, ms: number) => () => void;

export interface SyncRetryOptions {
  /** Brings the archive in line with SEEDS_DIR (OpenedArchive.sync). */
  sync: () => Promise<SyncReport>;
  /** DATA_DIR, named in the operator's message. */
  dataDir: string;
  logger: Logger;
  /** How long after a failure the sync is tried again (default 60 s). */
  retryMs?: number;
  schedule?: Schedule;
}

/** Keeps the archive in step with SEEDS_DIR without ever stopping the bot over a failed write. */
export interface SyncRetry {
  /** Syncs now. A StoreError (a full disk …) is logged for the operator and retried later: undefined then, never thrown. */
  run(): Promise<SyncReport | undefined>;
  /** Runs one write to the archive (the watcher's file); a StoreError is logged and the whole sync retried later. */
  guard<T>(job: () => Promise<T>): Promise<T | undefined>;
  /** Why the archive lags behind SEEDS_DIR, while it does (for /healthz); undefined when in step. */
  failing(): string | undefined;
  close(): void;
}

const DEFAULT_RETRY_MS = 60_000;

const defaultSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(() => void run(), ms);
  // A pending retry never keeps the process alive on its own.
  timer.unref();
  return () => clearTimeout(timer);
};

function isDiskFull(err: StoreError): boolean {
  return (err.cause as { code?: string } | undefined)?.code === 'SQLITE_FULL';
}

/**
 * Wraps the archive's sync for the bot (QA O3): a full disk (or another failed write) while syncing
 * at startup or ingesting a file the watcher saw must not stop the bot, whose archive is intact
 * (each file is written in its own transaction, rolled back on failure). The bot keeps serving the
 * archive it has, the operator gets one error naming the cause and what to do (free space under
 * DATA_DIR), and the whole sync is tried again every `retryMs` until it succeeds: the files that
 * were not written are picked up then, without a restart. Any other error is thrown as before.
 *
 * @example
 * const archiveSync = createSyncRetry({ sync: () => opened.sync(), dataDir: config.dataDir, logger });
 * const report = await archiveSync.run(); // undefined: the archive is served as it was, retried later
 */
export function createSyncRetry(options: SyncRetryOptions): SyncRetry {
  const log = options.logger.child({ module: 'archive-sync' });
  const retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
  const schedule = options.schedule ?? defaultSchedule;
  let failure: string | undefined;
  let cancel: (() => void) | undefined;
  let closed = false;

  const failed = (err: StoreError) => {
    failure = isDiskFull(err) ? 'disk full' : 'write failed';
    const todo = isDiskFull(err)
      ? `the disk holding DATA_DIR (${options.dataDir}) is full: free some space there`
      : `writing to the archive under DATA_DIR (${options.dataDir}) failed: see the error`;
    log.error(
      { err, dataDir: options.dataDir, retryInSeconds: Math.round(retryMs / 1000) },
      `archive not updated: ${todo}. Readers are served the archive as it was; new and changed issue files are retried every ${Math.round(retryMs / 1000)} s, no restart needed`,
    );
    if (cancel === undefined && !closed) {
      cancel = schedule(async () => {
        cancel = undefined;
        await run().then(
          () => undefined,
          (err: unknown) => log.error({ err }, 'archive sync failed'),
        );
      }, retryMs);
    }
  };

  const run = async (): Promise<SyncReport | undefined> => {
    const wasFailing = failure !== undefined;
    const report = await guard(options.sync);
    if (report !== undefined && wasFailing) {
      failure = undefined;
      log.info({ added: report.added, changed: report.changed, removed: report.removed }, 'archive sync recovered: the archive is in step with the issue files again');
    }
    return report;
  };

  async function guard<T>(job: () => Promise<T>): Promise<T | undefined> {
    try {
      return await job();
    } catch (err) {
      if (!(err instanceof StoreError)) throw err;
      failed(err);
      return undefined;
    }
  }

  return {
    run,
    guard,
    failing: () => failure,
    close() {
      closed = true;
      cancel?.();
      cancel = undefined;
    },
  };
}
