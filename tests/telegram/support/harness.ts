import type { Bot, Composer, Transformer } from 'grammy';
import type { Chat, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types';
import { pino } from 'pino';
import type { Archive } from '../../../src/archive/archive.js';
import type { SearchEngine } from '../../../src/search/types.js';
import type { BotContext, BotDeps, RateLimitOptions } from '../../../src/telegram/context.js';
import { createBot } from '../../../src/telegram/create-bot.js';
import { createLocalBotApi, type LocalBotApi, type LocalCall, type LocalMessage } from '../../../src/telegram/local-bot-api.js';
import { makeFixtureArchive } from './archive-fixture.js';
import { createFakeSearchEngine } from './fake-search-engine.js';
import { makeBotInfo } from '../../../src/telegram/bot-info.js';

export const BOT_INFO: UserFromGetMe = makeBotInfo({ id: 4242, first_name: '昌吉日报资料库', username: 'changji_test_bot' });

export const READER: User = { id: 777, is_bot: false, first_name: '读者' };
export const PRIVATE_CHAT: Chat.PrivateChat = { id: 777, type: 'private', first_name: '读者' };
export const GROUP_CHAT: Chat.SupergroupChat = { id: -100555, type: 'supergroup', title: '读报群' };

export interface HarnessOptions {
  archive?: Archive;
  search?: SearchEngine;
  /** Installed above the local stand-in and beneath auto-retry: inject errors here. */
  inject?: Transformer;
  rateLimit?: RateLimitOptions | false;
  now?: () => Date;
  extraFeatures?: Composer<BotContext>[];
  /** Commands of the extra features (the digest's /subscribe …): the guides mention what is offered. */
  extraCommands?: BotDeps['extraCommands'];
  scriptOf?: BotDeps['scriptOf'];
}

export interface Harness {
  bot: Bot<BotContext>;
  api: LocalBotApi;
  archive: Archive;
  search: SearchEngine;
  /** Parsed pino log lines. */
  logs: Record<string, unknown>[];
  /** Sends a text message (commands get a bot_command entity, @mentions of the bot a mention entity). */
  send(text: string, options?: { chat?: Chat; from?: User; replyTo?: LocalMessage; senderChat?: Chat }): Promise<void>;
  /** A post in a channel (a channel_post: no `from`, the channel as sender_chat); commands get their entity. */
  post(text: string, channel: Chat.ChannelChat): Promise<void>;
  /** Any other update (my_chat_member, …); update_id is assigned. */
  update(fields: Omit<Update, 'update_id'>): Promise<void>;
  /** Presses a button: a callback_query for `message` with `data`. */
  press(message: LocalMessage, data: string, from?: User): Promise<void>;
  inline(query: string, offset?: string): Promise<void>;
  /** Bot messages sent after the given number of calls (default: all). */
  sentSince(mark: number): LocalMessage[];
  callsOf(method: string): LocalCall[];
  /** How many calls so far: pass to sentSince/callsSince. */
  mark(): number;
  callsSince(mark: number): LocalCall[];
}

const created: Harness[] = [];

/** Harnesses created since the last call, for the after-each validation. */
export function takeCreatedHarnesses(): Harness[] {
  return created.splice(0);
}

/** The bot from createBot, over a hand-made archive and a fake search engine, with a recording local Bot API. */
export function createHarness(options: HarnessOptions = {}): Harness {
  const archive = options.archive ?? makeFixtureArchive();
  const search = options.search ?? createFakeSearchEngine(archive);
  const api = createLocalBotApi({ botInfo: BOT_INFO });
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const bot = createBot(
    { botToken: undefined, apiRoot: undefined, timeZone: 'Asia/Shanghai' },
    {
      archive,
      search,
      logger,
      now: options.now ?? (() => new Date('2024-11-12T04:00:00Z')),
      botInfo: BOT_INFO,
      apiTransformers: options.inject ? [api.transformer, options.inject] : [api.transformer],
      rateLimit: options.rateLimit ?? false,
      extraFeatures: options.extraFeatures,
      extraCommands: options.extraCommands,
      scriptOf: options.scriptOf,
    },
  );
  let updateId = 0;

  const h: Harness = {
    bot,
    api,
    archive,
    search,
    logs,
    async send(text, o = {}) {
      const chat = o.chat ?? PRIVATE_CHAT;
      const entities: MessageEntity[] = [];
      const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
      if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
      for (const m of text.matchAll(/@[A-Za-z0-9_]{5,}/g)) {
        if (command && m.index === command[0].indexOf('@')) continue;
        entities.push({ type: 'mention', offset: m.index, length: m[0].length });
      }
      const update = {
        update_id: ++updateId,
        message: {
          message_id: api.nextMessageId(),
          date: 1731384000,
          chat,
          from: o.from ?? READER,
          text,
          ...(entities.length > 0 ? { entities } : {}),
          ...(o.replyTo ? { reply_to_message: api.asTelegramMessage(o.replyTo) } : {}),
          ...(o.senderChat ? { sender_chat: o.senderChat } : {}),
        },
      } as Update;
      await bot.handleUpdate(update);
    },
    async post(text, channel) {
      const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
      await bot.handleUpdate({
        update_id: ++updateId,
        channel_post: {
          message_id: api.nextMessageId(),
          date: 1731384000,
          chat: channel,
          sender_chat: channel,
          text,
          ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
        },
      } as Update);
    },
    async update(fields) {
      await bot.handleUpdate({ update_id: ++updateId, ...fields } as Update);
    },
    async press(message, data, from = READER) {
      await bot.handleUpdate({
        update_id: ++updateId,
        callback_query: { id: `cb${updateId}`, from, chat_instance: 'ci', data, message: api.asTelegramMessage(message) },
      } as Update);
    },
    async inline(query, offset = '') {
      await bot.handleUpdate({ update_id: ++updateId, inline_query: { id: `iq${updateId}`, from: READER, query, offset } } as Update);
    },
    mark: () => api.calls.length,
    callsSince: (mark) => api.calls.slice(mark),
    sentSince(mark) {
      // The local stand-in accepts every sendMessage, so the n-th call made the n-th message.
      const sentBefore = api.calls.slice(0, mark).filter((c) => c.method === 'sendMessage').length;
      return api.messages().slice(sentBefore);
    },
    callsOf: (method) => api.calls.filter((c) => c.method === method),
  };
  created.push(h);
  return h;
}

/** The latest bot message that has buttons. */
export function lastWithButtons(h: Harness): LocalMessage {
  const m = [...h.api.messages()].reverse().find((x) => x.replyMarkup !== undefined);
  if (!m) throw new Error('no bot message with buttons');
  return m;
}

/** Callback data of every button of a message, with the button texts. */
export function buttonsOf(message: LocalMessage): { text: string; data?: string; url?: string }[] {
  return (message.replyMarkup?.inline_keyboard ?? []).flat().map((b) => ({
    text: b.text,
    data: 'callback_data' in b ? b.callback_data : undefined,
    url: 'url' in b ? b.url : undefined,
  }));
}
