import { isoDateIn } from '../text/calendar.js';

/** A per-chat allowance that starts again each day on the paper's clock. */
export interface DailyQuota {
  /** Takes one use for `chatId` today; false when today's are used up. */
  take(chatId: number): boolean;
  readonly perDay: number;
}

/**
 * Counts uses per chat and day (in `timeZone`), in memory: a restart gives a chat its allowance again, which at
 * worst doubles a day's cap — acceptable for a flood guard, and it needs no database.
 *
 * @example
 * const previews = createDailyQuota(3, () => new Date(), 'Asia/Shanghai');
 * if (!previews.take(chatId)) return ctx.reply('今天的预览次数已用完');
 */
export function createDailyQuota(perDay: number, now: () => Date, timeZone: string): DailyQuota {
  let day = '';
  const used = new Map<number, number>();
  return {
    perDay,
    take(chatId) {
      const today = isoDateIn(timeZone, now());
      if (today !== day) {
        day = today;
        used.clear();
      }
      const n = used.get(chatId) ?? 0;
      if (n >= perDay) return false;
      used.set(chatId, n + 1);
      return true;
    },
  };
}
