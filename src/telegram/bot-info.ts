import type { UserFromGetMe } from 'grammy/types';

/**
 * A complete `getMe` answer for a bot identity, for the places that must not ask Telegram:
 * the terminal chat, the fake Bot API and tests. Telegram adds capability flags over time; they live here once.
 */
export function makeBotInfo(identity: { id: number; first_name: string; username: string }): UserFromGetMe {
  return {
    ...identity,
    is_bot: true,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}
