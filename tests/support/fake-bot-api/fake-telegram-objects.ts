import type { FakeChat, FakeMessage, FakeUser } from './fake-bot-api-types.js';
import type { TelegramEntity } from './parse-telegram-html.js';
import type { ChatKey } from './send-rate-log.js';

/** Small pure helpers of the fake Bot API: ids, default chats and users, entities, comparisons. */

/** A user with no id given (a group member) gets this one. */
export const GROUP_USER_ID = 1_000_001;

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Normalises chat_id: numbers (also numeric strings) stay numbers, '@channel' stays a string. */
export function chatKey(value: unknown): ChatKey | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && value !== '') return /^-?\d+$/.test(value) ? Number(value) : value;
  return undefined;
}

export function defaultChat(id: ChatKey): FakeChat {
  if (typeof id === 'string') return { id, type: 'channel', title: id, username: id.replace(/^@/, '') };
  if (id > 0) return { id, type: 'private', first_name: 'Reader' };
  // Supergroup and channel ids are -100…; basic groups are small negative numbers.
  if (id <= -1_000_000_000_000) return { id, type: 'supergroup', title: `Supergroup ${id}` };
  return { id, type: 'group', title: `Group ${id}` };
}

export function completeUser(user: Partial<FakeUser> & { id?: number }): FakeUser {
  const id = user.id ?? GROUP_USER_ID;
  return { is_bot: false, first_name: `User ${id}`, ...user, id };
}

/** Entities the Telegram client adds to what a user types: a leading /command and @mentions. */
export function userEntities(text: string): TelegramEntity[] {
  const entities: TelegramEntity[] = [];
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/(^|[^A-Za-z0-9_/])(@[A-Za-z0-9_]{5,32})/g)) {
    entities.push({ type: 'mention', offset: (m.index ?? 0) + (m[1]?.length ?? 0), length: m[2]?.length ?? 0 });
  }
  return entities;
}

/** Only inline keyboards stay attached to a message; reply keyboards belong to the chat input. */
export function inlineMarkup(markup: unknown): { inline_keyboard: unknown[][] } | undefined {
  if (typeof markup !== 'object' || markup === null) return undefined;
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  return Array.isArray(rows) && rows.length > 0 ? { inline_keyboard: rows as unknown[][] } : undefined;
}


/** The Bot API view of a stored message (without the fake's bookkeeping fields). */
export function toTelegram(message: FakeMessage): Record<string, unknown> {
  const { source: _source, parse_mode: _parseMode, fromBot: _fromBot, deleted: _deleted, edits: _edits, ...rest } = message;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

export function commandsKey(scope: unknown, languageCode: unknown): string {
  return `${canonicalJson(scope ?? { type: 'default' })}|${typeof languageCode === 'string' ? languageCode : ''}`;
}

/** JSON with sorted object keys, so equal markups compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    ) ?? 'undefined'
  );
}
