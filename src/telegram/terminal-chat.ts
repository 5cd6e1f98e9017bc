import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResult, Update, User, UserFromGetMe } from 'grammy/types';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { BotContext, BotDeps, MenuCommand } from './context.js';
import { createBot } from './create-bot.js';
import { unescapeHtml } from './format/html.js';
import { createLocalBotApi, type LocalBotApi, type LocalCall } from './local-bot-api.js';
import { makeBotInfo } from './bot-info.js';

/** The identity the bot has in the terminal (no getMe call is made). */
export const TERMINAL_BOT_INFO: UserFromGetMe = makeBotInfo({ id: 1, first_name: '报纸资料库助手', username: 'archive_terminal_bot' });

const READER: User = { id: 1001, is_bot: false, first_name: '读者', language_code: 'zh-hans' };

/** Renders Telegram HTML for a terminal: bold/italic as ANSI when `color`, other tags stripped, entities decoded. */
export function renderHtmlForTerminal(html: string, color: boolean): string {
  const out = html
    .replace(/<a\s+href="([^"]*)"\s*>([\s\S]*?)<\/a>/g, (_m, href: string, label: string) => {
      const url = unescapeHtml(href);
      return unescapeHtml(label) === url ? label : `${label} (${href})`;
    })
    .replace(/<(b|strong)>/g, color ? '\x1b[1m' : '')
    .replace(/<\/(b|strong)>/g, color ? '\x1b[22m' : '')
    .replace(/<(i|em)>/g, color ? '\x1b[3m' : '')
    .replace(/<\/(i|em)>/g, color ? '\x1b[23m' : '')
    .replace(/<[^>]*>/g, '');
  return unescapeHtml(out);
}

/**
 * Prints what the bot sends: messages and edits as readable text, buttons as numbered choices
 * [1] [2] … (links are shown with their address), short callback answers as notes, inline results as a list.
 * Returns the callback buttons of the latest message that has any, for `runTerminalChat` to press.
 */
export function createTerminalPrinter(output: Writable, color: boolean) {
  let choices: { chatId: number; messageId: number; data: string[] } | undefined;
  const write = (s: string) => output.write(`${s}\n`);

  const printKeyboard = (markup: InlineKeyboardMarkup | undefined): string[] => {
    const data: string[] = [];
    for (const row of markup?.inline_keyboard ?? []) {
      const cells: string[] = [];
      for (const button of row as InlineKeyboardButton[]) {
        if ('callback_data' in button && button.callback_data !== undefined) {
          data.push(button.callback_data);
          cells.push(`[${data.length}] ${button.text}`);
        } else if ('url' in button && button.url !== undefined) {
          cells.push(`${button.text} → ${readableUrl(button.url)}`);
        }
      }
      if (cells.length > 0) write(`  ${cells.join('   ')}`);
    }
    return data;
  };

  const onCall = (call: LocalCall, result: { ok: boolean; result?: unknown }) => {
    const p = call.payload;
    if (!result.ok) return;
    switch (call.method) {
      case 'sendMessage':
      case 'editMessageText': {
        const text = p.parse_mode === 'HTML' ? renderHtmlForTerminal(String(p.text ?? ''), color) : String(p.text ?? '');
        write('');
        write(call.method === 'editMessageText' ? `🤖（更新了上一条消息）\n${text}` : `🤖 ${text}`);
        const data = printKeyboard(p.reply_markup as InlineKeyboardMarkup | undefined);
        const messageId = (result.result as { message_id?: number } | undefined)?.message_id ?? Number(p.message_id);
        if (data.length > 0) choices = { chatId: Number(p.chat_id), messageId, data };
        else if (choices?.messageId === messageId) choices = undefined;
        break;
      }
      case 'answerCallbackQuery':
        if (typeof p.text === 'string' && p.text !== '') write(`  ℹ️ ${p.text}`);
        break;
      case 'answerInlineQuery': {
        const results = (p.results as InlineQueryResult[] | undefined) ?? [];
        write('');
        write(results.length === 0 ? '🤖（内联查询没有结果）' : '🤖 内联查询结果（在 Telegram 中可以直接发送到任意聊天）：');
        results.forEach((r, i) => write(`  ${i + 1}. ${'title' in r ? r.title : r.id}${'description' in r && r.description ? ` — ${r.description}` : ''}`));
        break;
      }
    }
  };
  return { onCall, choices: () => choices, write, prompt: () => output.write('\n你：') };
}

export type TerminalPrinter = ReturnType<typeof createTerminalPrinter>;

/** A share link with its Chinese text decoded, for reading rather than clicking. */
function readableUrl(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * The terminal chat: the same bot, the same handlers, with a local stand-in for the Bot API.
 * A line of text is a private message; `/cmd …` a command; a number presses that button of the latest
 * message with buttons; `@<bot> 关键词` an inline query. Every update is handled in full before the
 * next line is read. Resolves at end of input (Ctrl+D, or the end of a piped script) with the number of
 * lines handled.
 */
export async function runTerminalChat(options: {
  bot: Bot<BotContext>;
  api: LocalBotApi;
  printer: TerminalPrinter;
  input: Readable;
  interactive: boolean;
  logger: Logger;
}): Promise<{ handled: number }> {
  const { bot, api, printer, logger } = options;
  const chat = { id: READER.id, type: 'private' as const, first_name: READER.first_name };
  let updateId = 0;
  const username = bot.botInfo.username;

  if (options.interactive) {
    printer.write(`终端聊天模式（没有设置 BOT_TOKEN）。直接输入问题，或输入 /help 查看命令；输入按钮编号按下按钮；@${username} 关键词 试用内联模式；Ctrl+D 退出。`);
  }
  const rl = createInterface({ input: options.input, terminal: false });
  const prompt = () => options.interactive && printer.prompt();
  prompt();
  let handled = 0;
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '') {
      prompt();
      continue;
    }
    handled++;
    if (!options.interactive) printer.write(`\n你：${line}`);
    const missing = missingButton(line, printer.choices()?.data.length);
    if (missing !== undefined) {
      // "7" under three buttons is a slip, not a question: say which numbers there are instead of searching for 7.
      printer.write(missing);
      prompt();
      continue;
    }
    const update = toUpdate(line, ++updateId);
    try {
      await bot.handleUpdate(update);
    } catch (err) {
      // The bot's error boundary answers the user; this only sees failures outside it.
      logger.error({ err, update_id: update.update_id }, 'update failed');
    }
    prompt();
  }
  return { handled };

  function toUpdate(line: string, update_id: number): Update {
    const choices = printer.choices();
    if (/^\d{1,3}$/.test(line) && choices) {
      const data = choices.data[Number(line) - 1];
      const message = api.messages(choices.chatId).find((m) => m.messageId === choices.messageId);
      if (data !== undefined && message) {
        return {
          update_id,
          callback_query: { id: String(update_id), from: READER, chat_instance: String(chat.id), data, message: api.asTelegramMessage(message) },
        } as Update;
      }
    }
    const inline = new RegExp(`^@${username}(?:\\s+|$)`, 'i').exec(line);
    if (inline) {
      return { update_id, inline_query: { id: String(update_id), from: READER, query: line.slice(inline[0].length), offset: '', chat_type: 'private' } };
    }
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(line);
    return {
      update_id,
      message: {
        message_id: api.nextMessageId(),
        date: Math.floor(Date.now() / 1000),
        chat,
        from: READER,
        text: line,
        ...(command ? { entities: [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] } : {}),
      },
    };
  }
}

/** The terminal chat, built and ready to read its input. */
export interface TerminalChat {
  /** The bot's Api: what it sends lands in the terminal (the digest deliverer sends through it too). */
  api: Bot<BotContext>['api'];
  /** Whether a person types at it (stdin is a terminal), rather than a script piping lines in. */
  interactive: boolean;
  /** Shows the prompt again after a message the reader did not ask for (a digest), when a person types. */
  promptAgain(): void;
  /** Chats until end of input; resolves with the number of lines handled. */
  run(): Promise<{ handled: number }>;
}

/** The note for a typed button number with no such button (undefined: the line is not one). */
export function missingButton(line: string, buttons: number | undefined): string | undefined {
  if (buttons === undefined || !/^\d{1,3}$/.test(line)) return undefined;
  const n = Number(line);
  if (n >= 1 && n <= buttons) return undefined;
  return `  ℹ️ 没有编号为 ${line} 的按钮：请输入 1–${buttons} 之间的数字按下按钮，或者直接输入问题。`;
}

/**
 * No token: builds the same bot as `createBot` against the local stand-in and sets its command menu
 * (answered locally). There is one reader and scripts pipe many lines at once, so flood protection is off.
 */
export async function createTerminalChat(
  config: Pick<Config, 'timeZone' | 'apiRoot'>,
  deps: Omit<BotDeps, 'botInfo' | 'apiTransformers'>,
  io: { input: Readable & { isTTY?: boolean }; output: Writable & { isTTY?: boolean }; commands: MenuCommand[] },
): Promise<TerminalChat> {
  const interactive = io.input.isTTY === true;
  const printer = createTerminalPrinter(io.output, io.output.isTTY === true);
  const api = createLocalBotApi({ botInfo: TERMINAL_BOT_INFO, onCall: printer.onCall });
  const bot = createBot({ botToken: undefined, apiRoot: undefined, timeZone: config.timeZone }, { ...deps, botInfo: TERMINAL_BOT_INFO, apiTransformers: [api.transformer], rateLimit: false });
  await bot.api.setMyCommands(io.commands);
  return {
    api: bot.api,
    interactive,
    promptAgain: () => {
      if (interactive) printer.prompt();
    },
    run: () => runTerminalChat({ bot, api, printer, input: io.input, interactive, logger: deps.logger }),
  };
}

/** Builds the terminal chat and chats on `io` until end of input (see createTerminalChat). */
export async function chatInTerminal(...args: Parameters<typeof createTerminalChat>): Promise<{ handled: number }> {
  return (await createTerminalChat(...args)).run();
}
