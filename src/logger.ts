import { pino, stdSerializers, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { createScrubber } from './scrub-secrets.js';

export type { Logger };
export { scrubProcessOutput } from './scrub-secrets.js';

/**
 * The root logger. Logs go to stderr so that CLI commands keep stdout for their output (JSON, tables): readable
 * lines on a terminal (pino-pretty), one JSON object per line otherwise (for a log collector).
 * The bot token is removed from every line as it is written, wherever it hides (a config object, an API URL in
 * an error message, a stack, a `cause`), and the token keys are redacted as well.
 *
 * @example
 * const logger = createLogger({ level: config.logLevel, token: config.botToken });
 * logger.info({ issues: 12 }, 'archive ready');
 */
export function createLogger(options: { level?: LevelWithSilent; token?: string; pretty?: boolean } = {}): Logger {
  const scrub = createScrubber(options.token);
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  const format = pretty ? prettyFactory({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: false }) : (line: string) => line;
  // Through process.stderr (not a file descriptor of its own), so the process-wide scrubbing applies too.
  const stream: DestinationStream = { write: (line: string) => void process.stderr.write(scrub(format(line))) };
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: ['token', 'botToken', '*.token', '*.botToken', 'config.botToken'], censor: '[redacted]' },
      serializers: { err: stdSerializers.err },
    },
    stream,
  );
}

/** A logger that discards everything, for tests. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
