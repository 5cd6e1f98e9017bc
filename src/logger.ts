import { pino, destination, stdSerializers, type Logger, type LevelWithSilent, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * The root logger. Logs go to stderr so that CLI commands keep stdout for their output (JSON, tables).
 * The bot token is redacted wherever it would appear (config objects, API URLs inside error messages).
 */
export function createLogger(options: { level?: LevelWithSilent; token?: string } = {}): Logger {
  const opts: LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: ['token', 'botToken', '*.token', '*.botToken', 'config.botToken'], censor: '[redacted]' },
  };
  const token = options.token;
  if (token) {
    const scrub = (s: string) => s.split(token).join('[redacted]');
    // A token can hide inside an error message, a stack or a URL: scrub the message and every field.
    opts.hooks = {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
      },
    };
    opts.formatters = {
      log(obj) {
        // Serialize errors the way pino would (type, message, stack, the `cause` chain) before scrubbing:
        // this hook runs before pino's own serializers.
        const json = JSON.stringify(obj, (_k, v: unknown) => (v instanceof Error ? stdSerializers.err(v) : v));
        return JSON.parse(scrub(json)) as Record<string, unknown>;
      },
    };
  }
  return pino(opts, destination(2));
}

/** A logger that discards everything, for tests. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
