/**
 * Timestamps of the messages a bot sent, per chat and overall, so a test or benchmark can check
 * Telegram's flood limits (about 1 message/s per chat, about 30/s overall) and the fake can
 * answer 429 when a configured limit is exceeded. Appends are O(1); window queries are one
 * linear pass (timestamps arrive in order).
 *
 * @example
 * const log = createSendRateLog();
 * log.record(42, 1000); log.record(42, 1500);
 * log.maxInWindow(1000, 42) // 2
 */

export type ChatKey = number | string;

export interface SendRateLog {
  record(chatId: ChatKey | undefined, time: number): void;
  /** Send times (ms), in order, for one chat or for all chats. */
  times(chatId?: ChatKey): readonly number[];
  /** The most sends that fell inside any window of `windowMs` (one chat, or all chats together). */
  maxInWindow(windowMs: number, chatId?: ChatKey): number;
  /** The chat with the most sends inside any window of `windowMs`, and that count. */
  busiestChat(windowMs: number): { chatId: ChatKey; count: number } | undefined;
  /** Sends in the window (time - windowMs, time], for flood control. */
  countSince(windowMs: number, time: number, chatId?: ChatKey): number;
  /** Overall achieved rate: sends per second between the first and the last send. */
  ratePerSecond(chatId?: ChatKey): number;
  clear(): void;
}

export function createSendRateLog(): SendRateLog {
  let all: number[] = [];
  let byChat = new Map<ChatKey, number[]>();

  const series = (chatId?: ChatKey): number[] => (chatId === undefined ? all : (byChat.get(chatId) ?? []));

  return {
    record(chatId, time) {
      all.push(time);
      if (chatId === undefined) return;
      let list = byChat.get(chatId);
      if (!list) byChat.set(chatId, (list = []));
      list.push(time);
    },
    times: (chatId) => series(chatId),
    maxInWindow: (windowMs, chatId) => maxInWindow(series(chatId), windowMs),
    busiestChat(windowMs) {
      let best: { chatId: ChatKey; count: number } | undefined;
      for (const [chatId, list] of byChat) {
        const count = maxInWindow(list, windowMs);
        if (!best || count > best.count) best = { chatId, count };
      }
      return best;
    },
    countSince(windowMs, time, chatId) {
      const list = series(chatId);
      let n = 0;
      // Newest first: stop at the first send outside the window.
      for (let i = list.length - 1; i >= 0 && (list[i] ?? 0) > time - windowMs; i -= 1) n += 1;
      return n;
    },
    ratePerSecond(chatId) {
      const list = series(chatId);
      const first = list[0];
      const last = list[list.length - 1];
      if (first === undefined || last === undefined || last === first) return list.length;
      return ((list.length - 1) * 1000) / (last - first);
    },
    clear() {
      all = [];
      byChat = new Map();
    },
  };
}

/** Two-pointer sweep over sorted timestamps: the largest count within any [t, t + windowMs). */
function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
