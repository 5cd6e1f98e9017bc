import { GrammyError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { htmlToPlainText } from './format/html.js';
import { splitHtmlMessage } from './format/split-html-message.js';
import type { View } from './format/view.js';
import type { BotContext } from './context.js';
import { toReplyMarkup } from './keyboards.js';

const NO_PREVIEW = { is_disabled: true } as const;

/**
 * Sends a view as HTML. Text longer than Telegram's limit goes out as several messages and the
 * buttons ride on the last one. In groups the reply quotes the message that asked.
 */
export async function replyView(ctx: BotContext, view: View): Promise<void> {
  const parts = splitHtmlMessage(view.text);
  const markup = toReplyMarkup(view.buttons);
  const quote = ctx.chat?.type !== 'private' && ctx.msg?.message_id !== undefined && ctx.callbackQuery === undefined
    ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
    : {};
  for (const [i, text] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(text, { parse_mode: 'HTML', link_preview_options: NO_PREVIEW, ...(i === 0 ? quote : {}), ...(last && markup ? { reply_markup: markup } : {}) });
  }
}

/**
 * Replaces the message a button was pressed on with a view. An edit that would change nothing is
 * skipped (Telegram answers it with 400 "message is not modified"); if one slips through — the
 * message changed meanwhile — that answer is harmless and ignored.
 * Returns false when nothing was edited.
 */
export async function editView(ctx: BotContext, view: View): Promise<boolean> {
  const text = splitHtmlMessage(view.text)[0] ?? '…';
  const markup = toReplyMarkup(view.buttons);
  const shown = ctx.callbackQuery?.message;
  if (shown && 'text' in shown && shown.text !== undefined) {
    if (shown.text.trim() === htmlToPlainText(text) && sameKeyboard(shown.reply_markup, markup)) {
      ctx.log.debug('edit skipped: nothing changed');
      return false;
    }
  }
  try {
    await ctx.editMessageText(text, { parse_mode: 'HTML', link_preview_options: NO_PREVIEW, reply_markup: markup ?? { inline_keyboard: [] } });
    return true;
  } catch (err) {
    if (isNotModified(err)) {
      ctx.log.debug('edit was a no-op');
      return false;
    }
    throw err;
  }
}

/** True for Telegram's 400 "message is not modified". */
export function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /message is not modified/i.test(err.description);
}

function sameKeyboard(a: InlineKeyboardMarkup | undefined, b: InlineKeyboardMarkup | undefined): boolean {
  const flat = (m: InlineKeyboardMarkup | undefined) =>
    JSON.stringify(
      (m?.inline_keyboard ?? []).map((row) =>
        row.map((btn) => [btn.text, 'callback_data' in btn ? btn.callback_data : 'url' in btn ? btn.url : '']),
      ),
    );
  return flat(a) === flat(b);
}
