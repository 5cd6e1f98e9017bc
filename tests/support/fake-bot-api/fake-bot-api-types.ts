import type { CallPredicate, CallRecord, Recording, WaitOptions } from './call-log.js';
import type { LimitViolation } from './check-telegram-limits.js';
import type { FakeApiError, FakeFault } from './fake-errors.js';
import type { TelegramEntity } from './parse-telegram-html.js';
import type { ChatKey, SendRateLog } from './send-rate-log.js';

/** The types of the fake Bot API: its options, its handle, and the Telegram objects it makes. */

export interface FakeUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

export interface FakeChat {
  id: ChatKey;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
}

/** How a test names a chat: its id (type inferred from the sign), or a description. */
export type ChatSpec =
  | ChatKey
  | {
      id: ChatKey;
      type?: ChatType;
      title?: string;
      username?: string;
      first_name?: string;
      /** Owner and administrators, for getChatMember/getChatAdministrators. */
      administrators?: { user: Partial<FakeUser> & { id: number }; status?: 'creator' | 'administrator' }[];
    };

/** A message as the fake stores it: Telegram's fields plus what the bot sent. */
export interface FakeMessage {
  message_id: number;
  chat: FakeChat;
  from: FakeUser;
  date: number;
  edit_date?: number;
  /** The text as the reader sees it (HTML tags stripped, entities decoded). */
  text: string;
  entities?: TelegramEntity[];
  reply_markup?: { inline_keyboard: unknown[][] };
  reply_to_message?: Record<string, unknown>;
  /** The text exactly as the bot sent it (HTML source when parse_mode is HTML). */
  source: string;
  parse_mode?: string;
  fromBot: boolean;
  deleted: boolean;
  /** How many times the bot edited it. */
  edits: number;
}

/** A Telegram update: update_id plus one payload field (message, callback_query, …). */
export interface FakeUpdate {
  update_id: number;
  [field: string]: unknown;
}

/** A limit broken by a call, tied to that call. */
export interface RecordedViolation extends LimitViolation {
  seq: number;
  method: string;
  chatId?: ChatKey;
  time: number;
}

/** What an `inject` rule sees. */
export interface InjectableCall {
  method: string;
  chatId?: ChatKey;
  payload: Record<string, unknown>;
}

export interface FakeBotApiOptions {
  /** Only this token is accepted (others get 401). Default: any well-formed token. */
  token?: string;
  /** The bot's identity for getMe. Default id: the token's numeric part, or 123456. */
  bot?: { id?: number; username?: string; firstName?: string };
  /** Cap on getUpdates' long-poll timeout, in seconds, so tests never hang on a 30 s poll. Default 1. */
  maxPollSeconds?: number;
  /** Answer calls Telegram would reject (too long, broken HTML, 65-byte callback_data) with its 400. Default true. */
  enforceLimits?: boolean;
  /** 'full' keeps payloads and responses, 'summary' keeps method/chat/time/outcome, 'off' only counters. Default 'full'. */
  recording?: Recording;
  /** Keep every chat's messages (needed for edits and messagesTo). Default true. */
  history?: boolean;
  /** Chats known up front (types, titles, administrators). Others are created on first use. */
  chats?: ChatSpec[];
  /** Answer 429 when the bot sends faster than this, like Telegram's flood control. Default: off. */
  floodLimits?: { perChatPerSecond?: number; overallPerSecond?: number; retryAfter?: number };
  /** Clock in ms since the epoch. Default Date.now. */
  now?: () => number;
}

export interface FakeBotApi {
  /** The apiRoot to give the bot (`http://127.0.0.1:PORT`); valid after start(). */
  readonly url: string;
  readonly token: string | undefined;
  /** The bot user getMe returns. */
  readonly bot: FakeUser;
  start(): Promise<void>;
  /** Answers pending long polls, fails pending waitFor calls, closes every connection. */
  stop(): Promise<void>;

  // --- acting as users ---
  /** A user writes `text` in a chat; `/command` gets a bot_command entity and `@username` a mention. */
  sendText(chat: ChatSpec, text: string, from?: Partial<FakeUser>, options?: { replyTo?: number }): FakeUpdate & { message: FakeMessage };
  /** A user presses an inline button; throws if the message has no such button (unless force). */
  pressButton(chat: ChatKey, messageId: number, callbackData: string, from?: Partial<FakeUser>, options?: { force?: boolean }): FakeUpdate & { callback_query: { id: string } };
  /** A user types `@bot query` in some chat. */
  sendInlineQuery(from: Partial<FakeUser> & { id: number }, query: string, options?: { offset?: string; chatType?: string }): FakeUpdate & { inline_query: { id: string } };
  /** Queues any raw update (my_chat_member, edited_message, …); update_id is assigned if missing. */
  addUpdate(update: Record<string, unknown>): FakeUpdate;
  /** True while a getUpdates long poll is being held open. */
  readonly polling: boolean;
  /** Updates not yet confirmed by the bot (via getUpdates offset). */
  pendingUpdates(): readonly FakeUpdate[];
  /** Registers a chat or changes its type/title/administrators. */
  setChat(spec: ChatSpec): FakeChat;

  // --- observing the bot ---
  readonly calls: readonly CallRecord[];
  /** The seq the next call will get: pass it as `since` to wait only for what follows. */
  mark(): number;
  /** Resolves with the first call (seq >= since) matching the predicate, as soon as it is recorded. */
  waitFor(predicate: CallPredicate, timeoutMs?: number, options?: WaitOptions): Promise<CallRecord>;
  /** The bot's messages in a chat (not deleted, current text after edits), oldest first. */
  messagesTo(chat: ChatKey): FakeMessage[];
  /** Every message in a chat, the users' included. */
  history(chat: ChatKey): FakeMessage[];
  message(chat: ChatKey, messageId: number): FakeMessage | undefined;
  count(method: string, options?: { chatId?: ChatKey; ok?: boolean }): number;
  countsByChat(method: string, options?: { ok?: boolean }): Map<ChatKey, number>;
  readonly violations: readonly RecordedViolation[];
  /** Callback queries the bot never answered (Telegram shows a spinner until it does). */
  unansweredCallbackQueries(): string[];
  /** The commands set with setMyCommands (default scope and language unless given). */
  commands(scope?: Record<string, unknown>, languageCode?: string): unknown[] | undefined;
  readonly rates: SendRateLog;

  // --- faults ---
  /** Fails (or drops, see FakeDrop) the next `times` calls of `method` ('*' for any), optionally only for one chat. */
  failNext(method: string, error: FakeFault, options?: { times?: number; chatId?: ChatKey }): void;
  /** Adds a rule consulted on every call; return an error (or a FakeDrop) to fail that call. Returns a remover. */
  inject(rule: (call: InjectableCall) => FakeFault | undefined): () => void;
  /** Connections dropped so far, by kind (`fakeDrops`). */
  readonly drops: { beforeAccept: number; afterAccept: number };
}
