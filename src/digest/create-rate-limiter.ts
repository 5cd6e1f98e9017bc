/** Telegram's broadcast limits: about 30 messages a second overall, one a second per chat. We stay below. */
export interface RateOptions {
  /** Ceiling for all chats together. Default 25. */
  perSecond: number;
  /** Minimum gap between two messages to the same chat. Default 1000. */
  perChatIntervalMs: number;
}

export const DEFAULT_RATE: RateOptions = { perSecond: 25, perChatIntervalMs: 1000 };

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RateLimiter {
  /** Resolves at the moment a message to `chatId` may be sent, and returns that moment (ms). */
  acquire(chatId: number): Promise<number>;
  readonly options: RateOptions;
}

/**
 * Spaces sends evenly: each send reserves the next global slot (1000/perSecond ms apart) no sooner than its chat's
 * previous send plus `perChatIntervalMs`. No bursts, so any one-second window holds at most `perSecond` sends.
 * Reservations are computed before sleeping, so concurrent senders never share a slot.
 */
export function createRateLimiter(options: Partial<RateOptions> = {}, clock: Clock = realClock): RateLimiter {
  const opts: RateOptions = { ...DEFAULT_RATE, ...options };
  if (!(opts.perSecond > 0)) throw new RangeError(`perSecond must be positive, got ${opts.perSecond}`);
  const gap = 1000 / opts.perSecond;
  let globalNext = -Infinity;
  const chatNext = new Map<number, number>();
  return {
    options: opts,
    async acquire(chatId) {
      let now = clock.now();
      const ready = chatNext.get(chatId);
      if (ready !== undefined && ready > now) {
        await clock.sleep(ready - now);
        now = clock.now();
      }
      const at = Math.max(now, globalNext);
      globalNext = at + gap;
      chatNext.set(chatId, at + opts.perChatIntervalMs);
      // Forget chats whose gap has passed, so the map stays as small as the set of chats in flight.
      if (chatNext.size > 4096) for (const [id, t] of chatNext) if (t <= now) chatNext.delete(id);
      if (at > now) await clock.sleep(at - now);
      return at;
    },
  };
}
