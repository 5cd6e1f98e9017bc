import { parseTelegramHtml } from './parse-telegram-html.js';

/**
 * Checks one Bot API call against the limits real Telegram enforces, so a test notices a reply
 * that would work against a lenient fake but fail in production (a 4,097-character message, a
 * Chinese word in callback_data, an unescaped `<` from a headline).
 *
 * @example
 * checkTelegramLimits('sendMessage', { chat_id: 1, text: 'a < b', parse_mode: 'HTML' })
 * // [{ rule: 'html-invalid', description: 'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 2', rejected: true, … }]
 */

/** One broken rule. `rejected` says whether real Telegram would answer the call with this 400. */
export interface LimitViolation {
  rule: LimitRule;
  /** Telegram's error description (for rejected calls) or a precise explanation. */
  description: string;
  rejected: boolean;
  /** Where in the payload, e.g. `reply_markup.inline_keyboard[0][1].callback_data`. */
  field: string;
}

export type LimitRule =
  | 'text-missing'
  | 'text-empty'
  | 'text-too-long'
  | 'caption-too-long'
  | 'html-invalid'
  | 'html-unescaped'
  | 'keyboard-invalid'
  | 'keyboard-too-big'
  | 'button-invalid'
  | 'button-data-invalid'
  | 'button-url-invalid'
  | 'callback-answer-too-long'
  | 'inline-results-too-many'
  | 'inline-result-id-invalid'
  | 'inline-result-id-duplicate'
  | 'inline-result-invalid'
  | 'command-invalid'
  | 'chat-action-invalid'
  | 'chat-id-missing';

export const TELEGRAM_LIMITS = {
  messageText: 4096,
  caption: 1024,
  callbackData: 64,
  callbackAnswerText: 200,
  inlineResults: 50,
  inlineResultId: 64,
  buttonsPerRow: 8,
  buttonsTotal: 100,
  commands: 100,
  commandName: 32,
  commandDescription: 256,
} as const;

const BUTTON_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const;

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const CHAT_METHODS = new Set([
  'sendMessage',
  'sendChatAction',
  'sendPhoto',
  'sendDocument',
  'copyMessage',
  'forwardMessage',
  'getChat',
  'getChatMember',
  'getChatAdministrators',
]);

/** Returns every limit the call breaks (empty when it is fine). Never throws. */
export function checkTelegramLimits(method: string, payload: Record<string, unknown>): LimitViolation[] {
  const out: LimitViolation[] = [];
  if (CHAT_METHODS.has(method) && (payload.chat_id === undefined || payload.chat_id === '')) {
    out.push({ rule: 'chat-id-missing', description: 'Bad Request: chat_id is empty', rejected: true, field: 'chat_id' });
  }
  switch (method) {
    case 'sendMessage':
    case 'editMessageText':
      checkText(out, payload.text, payload.parse_mode, 'text', TELEGRAM_LIMITS.messageText);
      checkReplyMarkup(out, payload.reply_markup, 'reply_markup');
      break;
    case 'editMessageReplyMarkup':
      checkReplyMarkup(out, payload.reply_markup, 'reply_markup');
      break;
    case 'answerCallbackQuery':
      if (typeof payload.text === 'string' && payload.text.length > TELEGRAM_LIMITS.callbackAnswerText) {
        out.push({
          rule: 'callback-answer-too-long',
          description: 'Bad Request: MESSAGE_TOO_LONG',
          rejected: true,
          field: 'text',
        });
      }
      break;
    case 'answerInlineQuery':
      checkInlineResults(out, payload.results);
      break;
    case 'setMyCommands':
      checkCommands(out, payload.commands);
      break;
    case 'sendChatAction':
      if (typeof payload.action !== 'string' || !CHAT_ACTIONS.has(payload.action)) {
        out.push({ rule: 'chat-action-invalid', description: 'Bad Request: wrong parameter action in request', rejected: true, field: 'action' });
      }
      break;
    default:
      break;
  }
  if (typeof payload.caption === 'string') {
    checkText(out, payload.caption, payload.parse_mode, 'caption', TELEGRAM_LIMITS.caption);
  }
  return out;
}

/** The text a reader sees for a message body, as Telegram counts it (after HTML parsing). */
export function visibleText(text: string, parseMode: unknown): string {
  return isHtml(parseMode) ? parseTelegramHtml(text).text : text;
}

function isHtml(parseMode: unknown): boolean {
  return typeof parseMode === 'string' && parseMode.toLowerCase() === 'html';
}

function checkText(out: LimitViolation[], value: unknown, parseMode: unknown, field: string, max: number): void {
  if (typeof value !== 'string') {
    out.push({ rule: 'text-missing', description: 'Bad Request: message text is empty', rejected: true, field });
    return;
  }
  let plain = value;
  if (isHtml(parseMode)) {
    const parsed = parseTelegramHtml(value);
    if (parsed.error !== undefined) {
      out.push({ rule: 'html-invalid', description: `Bad Request: can't parse entities: ${parsed.error}`, rejected: true, field });
      return;
    }
    for (const warning of parsed.warnings) {
      out.push({ rule: 'html-unescaped', description: `HTML text has an ${warning}; escape it as an entity`, rejected: false, field });
    }
    plain = parsed.text;
  }
  if (plain.trim() === '') {
    out.push({ rule: 'text-empty', description: 'Bad Request: message text is empty', rejected: true, field });
  } else if (plain.length > max) {
    const caption = field.endsWith('caption');
    out.push({
      rule: caption ? 'caption-too-long' : 'text-too-long',
      description: `${caption ? 'Bad Request: message caption is too long' : 'Bad Request: message is too long'} (${plain.length} > ${max} characters after entity parsing)`,
      rejected: true,
      field,
    });
  }
}

function checkReplyMarkup(out: LimitViolation[], markup: unknown, field: string): void {
  if (markup === undefined || markup === null) return;
  if (typeof markup !== 'object' || Array.isArray(markup)) {
    out.push({ rule: 'keyboard-invalid', description: "Bad Request: can't parse reply keyboard markup JSON object", rejected: true, field });
    return;
  }
  const m = markup as Record<string, unknown>;
  if (!('inline_keyboard' in m)) return; // reply keyboards, remove_keyboard and force_reply are not checked here
  const rows = m.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
    out.push({
      rule: 'keyboard-invalid',
      description: 'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
      rejected: true,
      field: `${field}.inline_keyboard`,
    });
    return;
  }
  let total = 0;
  rows.forEach((row: unknown[], r) => {
    total += row.length;
    if (row.length > TELEGRAM_LIMITS.buttonsPerRow) {
      out.push({
        rule: 'keyboard-too-big',
        description: `Bad Request: too many buttons in row ${r} (${row.length} > ${TELEGRAM_LIMITS.buttonsPerRow})`,
        rejected: true,
        field: `${field}.inline_keyboard[${r}]`,
      });
    }
    row.forEach((button, b) => checkButton(out, button, `${field}.inline_keyboard[${r}][${b}]`));
  });
  if (total > TELEGRAM_LIMITS.buttonsTotal) {
    out.push({ rule: 'keyboard-too-big', description: 'Bad Request: reply markup is too long', rejected: true, field });
  }
}

function checkButton(out: LimitViolation[], button: unknown, field: string): void {
  if (typeof button !== 'object' || button === null) {
    out.push({ rule: 'button-invalid', description: "Bad Request: can't parse inline keyboard button: InlineKeyboardButton must be an Object", rejected: true, field });
    return;
  }
  const b = button as Record<string, unknown>;
  if (typeof b.text !== 'string' || b.text.trim() === '') {
    out.push({ rule: 'button-invalid', description: "Bad Request: can't parse inline keyboard button: Text must be non-empty", rejected: true, field: `${field}.text` });
  }
  const actions = BUTTON_ACTIONS.filter((key) => b[key] !== undefined);
  if (actions.length === 0) {
    out.push({
      rule: 'button-invalid',
      description: "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
      rejected: true,
      field,
    });
  } else if (actions.length > 1) {
    out.push({ rule: 'button-invalid', description: `button has several actions (${actions.join(', ')}); Telegram uses only one`, rejected: false, field });
  }
  if (b.callback_data !== undefined) {
    const bytes = typeof b.callback_data === 'string' ? Buffer.byteLength(b.callback_data, 'utf8') : 0;
    if (bytes < 1 || bytes > TELEGRAM_LIMITS.callbackData) {
      out.push({
        rule: 'button-data-invalid',
        description: `Bad Request: BUTTON_DATA_INVALID (callback_data is ${bytes} bytes; 1-${TELEGRAM_LIMITS.callbackData} allowed)`,
        rejected: true,
        field: `${field}.callback_data`,
      });
    }
  }
  if (b.url !== undefined && !isButtonUrl(b.url)) {
    out.push({
      rule: 'button-url-invalid',
      description: `Bad Request: inline keyboard button URL '${String(b.url)}' is invalid: Wrong HTTP URL`,
      rejected: true,
      field: `${field}.url`,
    });
  }
}

function isButtonUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') ? u.hostname.includes('.') || u.hostname === 'localhost' : u.protocol === 'tg:';
  } catch {
    return false;
  }
}

function checkInlineResults(out: LimitViolation[], results: unknown): void {
  if (!Array.isArray(results)) {
    out.push({ rule: 'inline-result-invalid', description: 'Bad Request: field "results" must be an Array', rejected: true, field: 'results' });
    return;
  }
  if (results.length > TELEGRAM_LIMITS.inlineResults) {
    out.push({ rule: 'inline-results-too-many', description: `Bad Request: RESULTS_TOO_MUCH (${results.length} > ${TELEGRAM_LIMITS.inlineResults})`, rejected: true, field: 'results' });
  }
  const seen = new Set<string>();
  results.forEach((result: unknown, n) => {
    const field = `results[${n}]`;
    if (typeof result !== 'object' || result === null) {
      out.push({ rule: 'inline-result-invalid', description: "Bad Request: can't parse InlineQueryResult: Object expected", rejected: true, field });
      return;
    }
    const r = result as Record<string, unknown>;
    const id = typeof r.id === 'string' ? r.id : '';
    const bytes = Buffer.byteLength(id, 'utf8');
    if (bytes < 1 || bytes > TELEGRAM_LIMITS.inlineResultId) {
      out.push({ rule: 'inline-result-id-invalid', description: `Bad Request: RESULT_ID_INVALID (id is ${bytes} bytes; 1-64 allowed)`, rejected: true, field: `${field}.id` });
    } else if (seen.has(id)) {
      out.push({ rule: 'inline-result-id-duplicate', description: 'Bad Request: RESULT_ID_DUPLICATE', rejected: true, field: `${field}.id` });
    }
    seen.add(id);
    if (r.type === 'article') {
      if (typeof r.title !== 'string' || r.title.trim() === '') {
        out.push({ rule: 'inline-result-invalid', description: 'Bad Request: RESULT_TITLE_EMPTY', rejected: true, field: `${field}.title` });
      }
      const content = r.input_message_content as Record<string, unknown> | undefined;
      if (typeof content !== 'object' || content === null) {
        out.push({ rule: 'inline-result-invalid', description: 'Bad Request: input_message_content is required for an article result', rejected: true, field: `${field}.input_message_content` });
      } else {
        checkText(out, content.message_text, content.parse_mode, `${field}.input_message_content.message_text`, TELEGRAM_LIMITS.messageText);
      }
    }
    checkReplyMarkup(out, r.reply_markup, `${field}.reply_markup`);
  });
}

function checkCommands(out: LimitViolation[], commands: unknown): void {
  if (!Array.isArray(commands) || commands.length > TELEGRAM_LIMITS.commands) {
    out.push({ rule: 'command-invalid', description: 'Bad Request: commands must be an Array of at most 100 BotCommand', rejected: true, field: 'commands' });
    return;
  }
  commands.forEach((command: unknown, n) => {
    const c = (command ?? {}) as Record<string, unknown>;
    const name = typeof c.command === 'string' ? c.command : '';
    if (!new RegExp(`^[a-z0-9_]{1,${TELEGRAM_LIMITS.commandName}}$`).test(name)) {
      out.push({ rule: 'command-invalid', description: `Bad Request: BOT_COMMAND_INVALID ("${name}")`, rejected: true, field: `commands[${n}].command` });
    }
    const description = typeof c.description === 'string' ? c.description : '';
    if (description.trim() === '' || description.length > TELEGRAM_LIMITS.commandDescription) {
      out.push({ rule: 'command-invalid', description: 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID', rejected: true, field: `commands[${n}].description` });
    }
  });
}
