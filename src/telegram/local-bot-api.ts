import type { Transformer } from 'grammy';
import type { BotCommand, Chat, InlineKeyboardMarkup, Message, UserFromGetMe } from 'grammy/types';
import { htmlToPlainText } from './format/html.js';

/** A Bot API call as the stand-in saw it. */
export interface LocalCall {
  method: string;
  payload: Record<string, unknown>;
}

/** A message the bot has in a chat, as the stand-in keeps it (for edits and button presses). */
export interface LocalMessage {
  chatId: number;
  messageId: number;
  /** As sent (HTML when parse_mode is HTML). */
  html: string;
  /** What a reader sees: tags removed, entities decoded. */
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
}

export interface LocalBotApi {
  /** Install on `bot.api` (through `deps.apiTransformers`): answers every call locally. */
  transformer: Transformer;
  /** Every call, in order. */
  readonly calls: LocalCall[];
  /** The bot's messages, in order of sending (edits update them in place). */
  messages(chatId?: number): LocalMessage[];
  /** The next message id of a chat: user messages and bot messages share one sequence, as in Telegram. */
  nextMessageId(): number;
  /** The Message object Telegram would attach to a callback query for this message. */
  asTelegramMessage(message: LocalMessage): Message;
}

type Result = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

const NOT_MODIFIED =
  'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/**
 * An in-process stand-in for the Telegram Bot API: sendMessage, editMessageText, answerCallbackQuery,
 * setMyCommands … are answered locally with what Telegram would return, including
 * 400 "message is not modified". Used by the terminal chat (no token) and by tests.
 * `onCall` sees every call after it was answered (the terminal prints messages from it).
 */
export function createLocalBotApi(options: { botInfo: UserFromGetMe; onCall?: (call: LocalCall, result: Result) => void }): LocalBotApi {
  const calls: LocalCall[] = [];
  const messages: LocalMessage[] = [];
  let commands: BotCommand[] = [];
  let messageId = 0;
  const now = () => Math.floor(Date.now() / 1000);

  const chatOf = (chatId: number): Chat =>
    chatId > 0 ? { id: chatId, type: 'private', first_name: '读者' } : { id: chatId, type: 'supergroup', title: '群聊' };

  const asTelegramMessage = (m: LocalMessage): Message =>
    ({
      message_id: m.messageId,
      date: now(),
      chat: chatOf(m.chatId),
      from: options.botInfo,
      text: m.text,
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    }) as Message;

  const render = (payload: Record<string, unknown>) => {
    const raw = String(payload.text ?? '');
    return { html: raw, text: payload.parse_mode === 'HTML' ? htmlToPlainText(raw) : raw.trim() };
  };
  const markupOf = (payload: Record<string, unknown>) => {
    const m = payload.reply_markup as InlineKeyboardMarkup | undefined;
    return m && Array.isArray(m.inline_keyboard) && m.inline_keyboard.length > 0 ? m : undefined;
  };
  const find = (payload: Record<string, unknown>) =>
    messages.find((m) => m.chatId === Number(payload.chat_id) && m.messageId === Number(payload.message_id));

  const answer = (method: string, payload: Record<string, unknown>): Result => {
    switch (method) {
      case 'getMe':
        return { ok: true, result: options.botInfo };
      case 'sendMessage': {
        const chatId = Number(payload.chat_id);
        const m: LocalMessage = { chatId, messageId: ++messageId, ...render(payload), replyMarkup: markupOf(payload) };
        messages.push(m);
        return { ok: true, result: asTelegramMessage(m) };
      }
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        const m = find(payload);
        if (!m) return { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' };
        const next = method === 'editMessageText' ? render(payload) : { html: m.html, text: m.text };
        const markup = markupOf(payload);
        if (next.text === m.text && JSON.stringify(markup) === JSON.stringify(m.replyMarkup)) {
          return { ok: false, error_code: 400, description: NOT_MODIFIED };
        }
        Object.assign(m, next, { replyMarkup: markup });
        return { ok: true, result: asTelegramMessage(m) };
      }
      case 'setMyCommands':
        commands = (payload.commands as BotCommand[]) ?? [];
        return { ok: true, result: true };
      case 'getMyCommands':
        return { ok: true, result: commands };
      case 'deleteMyCommands':
        commands = [];
        return { ok: true, result: true };
      case 'getChat':
        return { ok: true, result: chatOf(Number(payload.chat_id)) };
      case 'getChatMember':
        return { ok: true, result: { status: 'creator', is_anonymous: false, user: { id: Number(payload.user_id), is_bot: false, first_name: '读者' } } };
      case 'getChatAdministrators':
        return { ok: true, result: [] };
      case 'getUpdates':
        return { ok: true, result: [] };
      case 'answerCallbackQuery':
      case 'answerInlineQuery':
      case 'sendChatAction':
      case 'deleteMessage':
      case 'deleteWebhook':
      case 'setWebhook':
      case 'close':
      case 'logOut':
        return { ok: true, result: true };
      default:
        return { ok: false, error_code: 404, description: `Not Found: method ${method} is not supported by the local stand-in` };
    }
  };

  const transformer = (async (_prev, method, payload) => {
    const call: LocalCall = { method, payload: structuredClone((payload ?? {}) as Record<string, unknown>) };
    calls.push(call);
    const result = answer(method, call.payload);
    options.onCall?.(call, result);
    return result;
  }) as Transformer;

  return {
    transformer,
    calls,
    messages: (chatId) => (chatId === undefined ? [...messages] : messages.filter((m) => m.chatId === chatId)),
    nextMessageId: () => ++messageId,
    asTelegramMessage,
  };
}
