/** The subscription model: what a chat asked for, and what it has been sent. */

export type ChatKind = 'private' | 'group' | 'supergroup' | 'channel';

/** Why a subscription stopped: the reader asked, or Telegram told us the chat is gone. */
export type DeactivationReason = 'unsubscribed' | 'blocked' | 'chat-not-found' | 'removed' | 'migrated';

export interface Subscription {
  chatId: number;
  /** Which of the chat's subscriptions (0 for the first; a chat may have a morning full digest and an evening topic one). */
  sub: number;
  chatKind: ChatKind;
  /** `HH:MM` on the paper's clock (its time zone, not the server's). */
  deliveryTime: string;
  /** Keywords, topics or places and `-` exclusions (`农业 棉花 -广告`, see parseDigestFilter). Undefined = the whole issue. */
  filter?: string;
  /** Whether the digest ends with "N年前的今天": the paper on this calendar day in earlier years. */
  onThisDay: boolean;
  active: boolean;
  /** ISO instant the subscription (re)started: slots before it are not owed a digest. */
  activeSince: string;
  /** Paper-time date (`YYYY-MM-DD`) of the last slot a digest was started for: one digest per day at most. */
  lastSlot?: string;
  deactivatedReason?: DeactivationReason;
  createdAt: string;
  updatedAt: string;
}

/** `sending` = started and not finished (a crash leaves it so); `empty` = the filter matched nothing. */
export type DeliveryStatus = 'sending' | 'sent' | 'empty' | 'failed';

/** One digest (one issue) for one subscription. The primary key (chat, sub, issue) makes a second digest of an issue impossible. */
export interface Delivery {
  chatId: number;
  sub: number;
  issueId: string;
  slot: string;
  status: DeliveryStatus;
  parts: number;
  attempts: number;
  startedAt: string;
  finishedAt?: string;
}

/** One Telegram message of a digest. `sending` is written before the call, `sent` after Telegram acknowledged it. */
export interface DeliveryPart {
  chatId: number;
  sub: number;
  issueId: string;
  part: number;
  status: 'sending' | 'sent';
  messageId?: number;
  updatedAt: string;
}

/** The default delivery time when `/subscribe` names none. */
export const DEFAULT_DELIVERY_TIME = '08:00';

/** Active subscriptions one chat may have (each is at most one digest a day). */
export const MAX_SUBSCRIPTIONS_PER_CHAT = 5;
