import type { Digest } from './compose-digest.js';

/** How one send ended, as far as the digest needs to know. Transient failures (network, 5xx) are thrown instead. */
export type SendOutcome =
  | { kind: 'sent'; messageId: number }
  /** The chat will never take messages again (blocked, deactivated user, chat not found): deactivate it. */
  | { kind: 'gone'; reason: 'blocked' | 'chat-not-found'; description: string }
  /** The group became a supergroup: move the subscription and send there. */
  | { kind: 'migrated'; toChatId: number };

/** What the fan-out gives each send. */
export interface SendOptions {
  /**
   * Await before every retry of this message (after a 429 or a 5xx): the fan-out's rate limiter. The first attempt
   * is already paced by the caller; a retry that skipped this would break the rate ceiling.
   */
  beforeRetry: () => Promise<void>;
}

/**
 * The send failed in a way that leaves its outcome unknown: the request was (or may have been) written and the
 * connection dropped before the answer. Telegram may hold the message. Unlike other errors — which mean the message
 * was certainly not taken — this must not be treated as "not sent".
 */
export class DeliveryUnknownError extends Error {
  override name = 'DeliveryUnknownError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * What the scheduler needs from a messenger. `render` splits a digest into the messages it will send (the scheduler
 * records each one, so a restart resumes at the next part); `send` sends one of them, retrying transient answers
 * itself (each retry after `options.beforeRetry`), and throws `DeliveryUnknownError` when it cannot know whether the
 * message arrived. The telegram side implements it (src/telegram/deliver-digest.ts); tests use a recording fake.
 * `Part` is opaque to the digest core.
 */
export interface Deliverer<Part = unknown> {
  render(digest: Digest): Part[];
  send(chatId: number, part: Part, options?: SendOptions): Promise<SendOutcome>;
}
