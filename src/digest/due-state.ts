import { addDays, isoDateIn, minutesOfDayIn } from '../text/calendar.js';
import { minutesOfTime } from './parse-delivery-time.js';
import type { Delivery, Subscription } from './subscription.js';

/** A delivery slot on the paper's clock: the date and the minute of that day. */
export interface Slot {
  date: string;
  minutes: number;
}

/**
 * A digest is given up (until the next issue) after this many failed runs AND this long since it began, so a broken
 * chat is not retried forever while a short Telegram outage (runs come every 30 s) does not cancel the day's digest.
 */
export const MAX_ATTEMPTS = 5;
export const GIVE_UP_AFTER_MS = 6 * 60 * 60 * 1000;

/** True when a delivery that keeps failing should stop being retried. */
export function shouldGiveUp(attempts: number, startedAt: string, now: Date): boolean {
  return attempts >= MAX_ATTEMPTS && now.getTime() - Date.parse(startedAt) >= GIVE_UP_AFTER_MS;
}

export type DueState =
  | { due: true; slot: string; resume: boolean }
  | { due: false; why: 'inactive' | 'subscribed-after-slot' | 'already-delivered' | 'had-digest-this-slot' | 'gave-up' };

/** The most recent `deliveryTime` at or before `now`, in `timeZone` (today's if it has passed, else yesterday's). */
export function latestSlot(deliveryTime: string, now: Date, timeZone: string): Slot {
  const today = isoDateIn(timeZone, now);
  const minutes = minutesOfTime(deliveryTime);
  return minutesOfDayIn(timeZone, now) >= minutes ? { date: today, minutes } : { date: addDays(today, -1), minutes };
}

const slotKey = (s: Slot) => `${s.date} ${String(s.minutes).padStart(4, '0')}`;

/**
 * Whether a chat is owed the newest issue now. "Due" = the chat's delivery time has passed (today, or — after
 * downtime — on some earlier day), the chat has not received this issue, and it has not already had a digest in
 * this slot (an issue that arrives after today's digest waits for tomorrow's slot: one digest a day, and after
 * days of downtime one catch-up digest, not one per missed day). A digest left half-sent by a crash is due at once.
 */
export function dueState(subscription: Subscription, delivery: Delivery | undefined, now: Date, timeZone: string): DueState {
  if (!subscription.active) return { due: false, why: 'inactive' };
  const slot = latestSlot(subscription.deliveryTime, now, timeZone);
  if (delivery) {
    if (delivery.status === 'sending') {
      return shouldGiveUp(delivery.attempts, delivery.startedAt, now) ? { due: false, why: 'gave-up' } : { due: true, slot: delivery.slot, resume: true };
    }
    return delivery.status === 'failed' ? { due: false, why: 'gave-up' } : { due: false, why: 'already-delivered' };
  }
  const since = new Date(subscription.activeSince);
  if (slotKey(slot) < slotKey({ date: isoDateIn(timeZone, since), minutes: minutesOfDayIn(timeZone, since) })) {
    return { due: false, why: 'subscribed-after-slot' };
  }
  if (subscription.lastSlot !== undefined && subscription.lastSlot >= slot.date) return { due: false, why: 'had-digest-this-slot' };
  return { due: true, slot: slot.date, resume: false };
}
