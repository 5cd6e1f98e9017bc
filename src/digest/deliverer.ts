import type { Digest } from './compose-digest.js';

/** How one send ended, as far as the digest needs to know. Transient failures (network, 5xx) are thrown instead. */
export type SendOutcome =
  | { kind: 'sent'; messageId: number }
  /** The chat will never take messages again (blocked, deactivated user, chat not found): deactivate it. */
  | { kind: 'gone'; reason: 'blocked' | 'chat-not-found'; description: string }
  /** The group became a supergroup: move the subscription and send there. */
  | { kind: 'migrated'; toChatId: number };

/**
 * What the scheduler needs from a messenger. `render` splits a digest into the messages it will send (the scheduler
 * records each one, so a restart resumes at the next part); `send` sends one of them. The telegram side implements it
 * (src/telegram/deliver-digest.ts); tests use a recording fake. `Part` is opaque to the digest core.
 */
export interface Deliverer<Part = unknown> {
  render(digest: Digest): Part[];
  send(chatId: number, part: Part): Promise<SendOutcome>;
}
