import { pino, destination, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/**
 * The root logger. Logs go to stderr so that CLI commands keep stdout for their output (JSON, tables).
 * The bot token is redacted wherever it would appear (config objects, API URLs in errors).
 */
export function createLogger(options: { level?: LevelWithSilent; token?: string } = {}): Logger {
  const token = options.token;
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: ['token', 'botToken', '*.token', '*.botToken', 'config.botToken'], censor: '[redacted]' },
      hooks: token
        ? {
            // A token can hide inside an error message or a URL: scrub every string argument.
            logMethod(args, method) {
              const scrubbed = args.map((a) => (typeof a === 'string' ? a.split(token).join('[redacted]') : a));
              method.apply(this, scrubbed as Parameters<typeof method>);
            },
          }
        : undefined,
      formatters: token
        ? {
            log(obj) {
              return JSON.parse(JSON.stringify(obj).split(token).join('[redacted]')) as Record<string, unknown>;
            },
          }
        : undefined,
    },
    destination(2),
  );
}

/** A logger that discards everything, for tests. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
