import type { Transformer } from 'grammy';
import type { Chat } from 'grammy/types';

/** Who administers which chat, as Telegram would answer getChat/getChatMember. */
export interface ChatMembers {
  /** Admin user ids per chat id (the bot's own id included where it is an admin). */
  admins: Record<number, number[]>;
  /** Chats getChat knows, by id and by `@username`. */
  chats?: Chat[];
  /** Admins that may not post (a demoted bot in a channel). */
  cannotPost?: number[];
  /** Every getChat/getChatMember call answered, for assertions. */
  seen?: { method: string; payload: Record<string, unknown> }[];
}

/**
 * Answers getChat and getChatMember from a table, as the harness's `inject` transformer (above the local stand-in):
 * getChat of an unknown chat is Telegram's 400 "chat not found".
 */
export function chatMembers(table: ChatMembers): Transformer {
  return async (prev, method, payload, signal) => {
    const p = payload as Record<string, unknown>;
    if (method === 'getChat' || method === 'getChatMember') table.seen?.push({ method, payload: p });
    if (method === 'getChat') {
      const chat = (table.chats ?? []).find((c) => c.id === p.chat_id || ('username' in c && `@${c.username}` === p.chat_id));
      return (chat ? { ok: true, result: chat } : { ok: false, error_code: 400, description: 'Bad Request: chat not found' }) as never;
    }
    if (method === 'getChatMember') {
      const userId = Number(p.user_id);
      const admin = (table.admins[Number(p.chat_id)] ?? []).includes(userId);
      const user = { id: userId, is_bot: false, first_name: 'x' };
      const result = admin
        ? { status: 'administrator', user, can_post_messages: !(table.cannotPost ?? []).includes(userId) }
        : { status: 'member', user };
      return { ok: true, result } as never;
    }
    return prev(method, payload, signal);
  };
}
