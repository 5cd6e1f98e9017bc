/**
 * Bot API errors as real Telegram sends them, for fault injection in the fake Bot API
 * (`fake.failNext('sendMessage', fakeErrors.tooManyRequests(1))`). The descriptions are
 * Telegram's own, so code that matches on them (e.g. "message is not modified") is tested
 * against the real wording.
 */

/** The error part of a failed Bot API response. */
export interface FakeApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export const fakeErrors = {
  /** 429 flood control; the client must wait `retryAfter` seconds. */
  tooManyRequests: (retryAfter = 1): FakeApiError => ({
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  }),
  /** 403 for a user who blocked the bot. */
  blocked: (): FakeApiError => ({ error_code: 403, description: 'Forbidden: bot was blocked by the user' }),
  /** 403 for a deleted account. */
  deactivated: (): FakeApiError => ({ error_code: 403, description: 'Forbidden: user is deactivated' }),
  /** 403 after the bot was removed from a group. */
  kicked: (): FakeApiError => ({ error_code: 403, description: 'Forbidden: bot was kicked from the group chat' }),
  /** 400 for a chat id Telegram does not know. */
  chatNotFound: (): FakeApiError => ({ error_code: 400, description: 'Bad Request: chat not found' }),
  /** 400 when a group was upgraded to a supergroup with a new id. */
  migrated: (newChatId: number): FakeApiError => ({
    error_code: 400,
    description: 'Bad Request: group chat was upgraded to a supergroup chat',
    parameters: { migrate_to_chat_id: newChatId },
  }),
  /** 400 for an edit that would change nothing. */
  notModified: (): FakeApiError => ({
    error_code: 400,
    description:
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
  }),
  /** 409 when a second instance polls with the same token. */
  conflict: (): FakeApiError => ({
    error_code: 409,
    description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
  }),
  /** 500, which clients should treat as transient. */
  internal: (): FakeApiError => ({ error_code: 500, description: 'Internal Server Error' }),
} as const;

/**
 * A network fault instead of an answer: the fake closes the connection. `before-accept` drops the call unread (the
 * client's request never took effect); `after-accept` carries the call out — a sent message is in the chat — and
 * then drops the connection before replying, so the client cannot know it worked.
 */
export interface FakeDrop {
  drop: 'before-accept' | 'after-accept';
}

export const fakeDrops = {
  beforeAccept: (): FakeDrop => ({ drop: 'before-accept' }),
  afterAccept: (): FakeDrop => ({ drop: 'after-accept' }),
} as const;

/** What a fault rule may return: one of Telegram's errors, or a dropped connection. */
export type FakeFault = FakeApiError | FakeDrop;

export const isDrop = (fault: FakeFault): fault is FakeDrop => 'drop' in fault;
