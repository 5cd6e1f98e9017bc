import type { Composer, Context, Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Archive } from '../archive/archive.js';
import type { Logger } from '../logger.js';
import type { SearchEngine } from '../search/types.js';
import type { Script } from '../text/convert-script.js';

/** A command for Telegram's command menu (setMyCommands), with a Chinese description. */
export interface MenuCommand {
  command: string;
  description: string;
}

/** Per-user flood protection: a bucket of `capacity` updates refilled at `refillPerSecond`. */
export interface RateLimitOptions {
  capacity: number;
  refillPerSecond: number;
  /**
   * Button presses have a bucket of their own, much looser: they are deliberate taps on the bot's own messages
   * and cheap to answer. Defaults to DEFAULT_CALLBACK_RATE_LIMIT.
   */
  callbacks?: { capacity: number; refillPerSecond: number };
  /** How long after the first message skipped in a burst the one summary of the burst is sent (ms). */
  skipSummaryDelayMs?: number;
}

/** What the bot needs from the rest of the program. */
export interface BotDeps {
  archive: Archive;
  search: SearchEngine;
  logger: Logger;
  /** The clock; every date the bot shows or computes comes from it. */
  now?: () => Date;
  /** Features of other modules (the digest's subscriptions), installed after the bot's own commands. */
  extraFeatures?: Composer<BotContext>[];
  /** Commands those features add to the menu. */
  extraCommands?: MenuCommand[];
  /** Known bot identity: skips getMe (terminal chat, tests). */
  botInfo?: UserFromGetMe;
  /**
   * API transformers installed beneath auto-retry: the terminal chat's local stand-in for the Bot API,
   * or a test's recorder. Being beneath auto-retry, an error they return (429) is retried like a real one.
   */
  apiTransformers?: Transformer[];
  /** Flood protection per user; `false` turns it off (tests of other features). */
  rateLimit?: RateLimitOptions | false;
  /** A chat's chosen script (/settings 简体/繁體), which wins over the script a reader writes in. */
  scriptOf?: (chatId: number) => Script | undefined;
}

/** What every handler sees besides grammY's context: a logger for this update and the deps. */
export interface BotContextFlavor {
  log: Logger;
  deps: BotDeps;
  /** The script this update is answered in (see replyInReadersScript). */
  script: Script;
}

export type BotContext = Context & BotContextFlavor;
