import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { CALLBACK_DATA_LIMIT } from './callback-codec.js';

/** A button as renderers describe it: callback data made by a feature's codec, or a link. */
export type Button = { text: string; data: string } | { text: string; url: string };

/** Turns rows of buttons into Telegram's inline keyboard; empty rows are dropped. */
export function toReplyMarkup(rows: readonly (readonly Button[])[] | undefined): InlineKeyboardMarkup | undefined {
  const keyboard: InlineKeyboardButton[][] = (rows ?? [])
    .filter((row) => row.length > 0)
    .map((row) => row.map((b) => ('url' in b ? { text: b.text, url: b.url } : { text: b.text, callback_data: checked(b.data) })));
  return keyboard.length > 0 ? { inline_keyboard: keyboard } : undefined;
}

function checked(data: string): string {
  const bytes = Buffer.byteLength(data, 'utf8');
  if (bytes < 1 || bytes > CALLBACK_DATA_LIMIT) throw new RangeError(`callback data "${data}" must be 1–${CALLBACK_DATA_LIMIT} bytes`);
  return data;
}
