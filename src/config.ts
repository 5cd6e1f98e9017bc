import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import type { LevelWithSilent } from 'pino';
import { ConfigError } from './errors.js';
import { loadProfile } from './profile/load-profile.js';
import type { PaperConfig, PaperProfile } from './profile/paper-profile.js';
import { isTimeZone } from './profile/profile-schemas.js';

export type { PaperConfig } from './profile/paper-profile.js';

/** The whole validated configuration. Only this module reads `process.env`. */
export interface Config {
  botToken?: string;
  apiRoot?: string;
  dataDir: string;
  seedsDir: string;
  configDir: string;
  timeZone: string;
  logLevel: LevelWithSilent;
  /**
   * The level for what a person reads as it runs (the terminal chat, `npm run ask`, `npm run ingest`):
   * LOG_LEVEL when it is set, else warn, so progress logs do not bury the answer.
   */
  personLogLevel: LevelWithSilent;
  adminIds: number[];
  webhookUrl?: string;
  webhookSecret?: string;
  port: number;
  /** How often the digest scheduler looks for due digests, in seconds. */
  digestTickSeconds: number;
  /** How long a new or changed newest issue must stay unchanged before digests send it (DIGEST_SETTLE_SECONDS, default 60). */
  digestSettleSeconds: number;
  /** Digest fan-out ceiling, messages per second overall (Telegram allows about 30). */
  digestRatePerSecond: number;
  /** The paper's name, zone, masthead markers… (the same object as `profile.paper`). */
  paper: PaperConfig;
  /** The whole paper profile from CONFIG_DIR, validated once. */
  profile: PaperProfile;
}

const LEVELS: readonly LevelWithSilent[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/**
 * Reads `.env` (if present) and the environment, validates every value, and returns a typed Config.
 * A bad value throws a ConfigError naming the variable and how to fix it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { dotenvPath?: string } = {}): Config {
  if (options.dotenvPath !== undefined || env === process.env) {
    const file = options.dotenvPath ?? path.resolve('.env');
    if (existsSync(file)) dotenv.config({ path: file, processEnv: env as Record<string, string>, quiet: true });
  }
  const str = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };

  const botToken = str('BOT_TOKEN');
  if (botToken !== undefined && !/^\d+:[A-Za-z0-9_-]{20,}$/.test(botToken)) {
    throw new ConfigError(
      'BOT_TOKEN does not look like a Telegram bot token (expected "123456:ABC…" from @BotFather). Fix it in .env, or leave it empty to chat in the terminal.',
      'BOT_TOKEN',
    );
  }

  const apiRoot = str('TELEGRAM_API_ROOT');
  if (apiRoot !== undefined && !isHttpUrl(apiRoot)) {
    throw new ConfigError(`TELEGRAM_API_ROOT must be an http(s) URL, got "${apiRoot}".`, 'TELEGRAM_API_ROOT');
  }

  const webhookUrl = str('WEBHOOK_URL');
  if (webhookUrl !== undefined && !/^https:\/\//.test(webhookUrl) && !/^http:\/\/(127\.0\.0\.1|localhost)/.test(webhookUrl)) {
    throw new ConfigError(`WEBHOOK_URL must be an https:// URL Telegram can reach, got "${webhookUrl}".`, 'WEBHOOK_URL');
  }

  // Not TZ: that is the host's zone (a server in Berlin must not tell readers "07:30（Europe/Berlin）").
  const tzText = str('PAPER_TIME_ZONE');
  if (tzText !== undefined && !isTimeZone(tzText)) {
    throw new ConfigError(`PAPER_TIME_ZONE "${tzText}" is not a known IANA time zone (for example Asia/Shanghai). Leave it empty to use the paper's zone from paper.json.`, 'PAPER_TIME_ZONE');
  }

  const webhookSecret = str('WEBHOOK_SECRET');
  if (webhookUrl !== undefined && webhookSecret === undefined) {
    // Without it anyone who finds the URL can post forged updates (e.g. "bot blocked" for any chat).
    throw new ConfigError('WEBHOOK_SECRET is required with WEBHOOK_URL: set 1–256 characters of A–Z, a–z, 0–9, _ and -.', 'WEBHOOK_SECRET');
  }
  if (webhookSecret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(webhookSecret)) {
    throw new ConfigError('WEBHOOK_SECRET may only contain A–Z, a–z, 0–9, _ and - (1–256 characters), as Telegram requires.', 'WEBHOOK_SECRET');
  }

  const logLevel = (str('LOG_LEVEL') ?? 'info').toLowerCase() as LevelWithSilent;
  if (!LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}; got "${str('LOG_LEVEL')}".`, 'LOG_LEVEL');
  }

  const adminIds: number[] = [];
  for (const part of (str('ADMIN_IDS') ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!/^-?\d+$/.test(part)) {
      throw new ConfigError(`ADMIN_IDS must be comma-separated numeric Telegram user ids; "${part}" is not one.`, 'ADMIN_IDS');
    }
    adminIds.push(Number(part));
  }

  const portText = str('PORT') ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number 0–65535, got "${portText}".`, 'PORT');
  }

  const positive = (name: string, fallback: number, max: number): number => {
    const text = str(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0 || n > max) {
      throw new ConfigError(`${name} must be a number above 0 and at most ${max}, got "${text}".`, name);
    }
    return n;
  };
  const digestTickSeconds = positive('DIGEST_TICK_SECONDS', 30, 3600);
  const digestRatePerSecond = positive('DIGEST_RATE', 25, 1000);
  const digestSettleSeconds = positive('DIGEST_SETTLE_SECONDS', 60, 24 * 3600);

  const configDir = path.resolve(str('CONFIG_DIR') ?? 'config');
  const seedsDir = path.resolve(str('SEEDS_DIR') ?? 'seeds');
  if (!existsSync(seedsDir) || !statSync(seedsDir).isDirectory()) {
    throw new ConfigError(`SEEDS_DIR "${seedsDir}" is not a folder. Point it at the folder of issue files.`, 'SEEDS_DIR');
  }
  const dataDir = path.resolve(str('DATA_DIR') ?? '.data');
  try {
    makeDirectories(dataDir);
    accessSync(dataDir, constants.W_OK);
  } catch (cause) {
    throw new ConfigError(`DATA_DIR "${dataDir}" cannot be used as a writable folder (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}). Point it at a folder this user can write.`, 'DATA_DIR', { cause });
  }
  const profile = loadProfile(configDir);
  const paper = profile.paper;
  return {
    botToken,
    apiRoot,
    dataDir,
    seedsDir,
    configDir,
    // PAPER_TIME_ZONE wins; else the paper's own zone. One value for the bot, search and digests; TZ plays no part.
    timeZone: tzText ?? paper.timeZone,
    logLevel,
    personLogLevel: str('LOG_LEVEL') === undefined ? 'warn' : logLevel,
    adminIds,
    webhookUrl,
    webhookSecret,
    port,
    digestTickSeconds,
    digestSettleSeconds,
    digestRatePerSecond,
    paper,
    profile,
  };
}

/**
 * `mkdir -p`, one level at a time: Node's `mkdirSync(…, { recursive: true })` never returns for some paths
 * (under /proc, for one), which would hang startup instead of reporting a bad DATA_DIR.
 */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  let d = dir;
  while (!existsSync(d)) {
    missing.unshift(d);
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const m of missing) mkdirSync(m);
  if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
