import { describe, expect, it } from 'vitest';
import { GIVE_UP_AFTER_MS, dueState, latestSlot } from '../../src/digest/due-state.js';
import type { Delivery, Subscription } from '../../src/digest/subscription.js';

const sub = (over: Partial<Subscription> = {}): Subscription => ({
  chatId: 1,
  sub: 0,
  chatKind: 'private',
  deliveryTime: '08:00',
  onThisDay: false,
  active: true,
  activeSince: '2024-11-01T00:00:00Z',
  createdAt: '2024-11-01T00:00:00Z',
  updatedAt: '2024-11-01T00:00:00Z',
  ...over,
});
const delivery = (over: Partial<Delivery> = {}): Delivery => ({
  chatId: 1,
  sub: 0,
  issueId: 'i1',
  slot: '2024-11-07',
  status: 'sent',
  parts: 1,
  attempts: 0,
  startedAt: '2024-11-07T00:00:00Z',
  ...over,
});

describe('latestSlot', () => {
  it('uses the paper time zone, not the machine one', () => {
    // 23:30 UTC on Nov 6 is 07:30 on Nov 7 in Shanghai: the 08:00 slot has not come yet, so it is Nov 6's.
    expect(latestSlot('08:00', new Date('2024-11-06T23:30:00Z'), 'Asia/Shanghai')).toEqual({ date: '2024-11-06', minutes: 480 });
    // 00:30 UTC on Nov 7 is 08:30 in Shanghai: today's slot has passed.
    expect(latestSlot('08:00', new Date('2024-11-07T00:30:00Z'), 'Asia/Shanghai')).toEqual({ date: '2024-11-07', minutes: 480 });
    // The same instant in New York is still the evening of Nov 6.
    expect(latestSlot('08:00', new Date('2024-11-07T00:30:00Z'), 'America/New_York')).toEqual({ date: '2024-11-06', minutes: 480 });
  });
});

describe('dueState', () => {
  const tz = 'Asia/Shanghai';
  const at0830 = new Date('2024-11-07T00:30:00Z');
  const at0730 = new Date('2024-11-06T23:30:00Z');

  it('is due once the delivery time has passed today and the newest issue was not received', () => {
    expect(dueState(sub({ lastSlot: '2024-11-06' }), undefined, at0830, tz)).toEqual({ due: true, slot: '2024-11-07', resume: false });
  });

  it('is not due before the delivery time when today’s digest is not owed yet', () => {
    expect(dueState(sub({ lastSlot: '2024-11-06' }), undefined, at0730, tz)).toEqual({ due: false, why: 'had-digest-this-slot' });
  });

  it('is not due when the newest issue was already delivered', () => {
    expect(dueState(sub(), delivery({ status: 'sent' }), at0830, tz).due).toBe(false);
    expect(dueState(sub(), delivery({ status: 'empty' }), at0830, tz).due).toBe(false);
  });

  it('holds an issue that arrives after today’s digest for the next slot', () => {
    expect(dueState(sub({ lastSlot: '2024-11-07' }), undefined, new Date('2024-11-07T04:00:00Z'), tz)).toEqual({
      due: false,
      why: 'had-digest-this-slot',
    });
    expect(dueState(sub({ lastSlot: '2024-11-07' }), undefined, new Date('2024-11-08T00:30:00Z'), tz).due).toBe(true);
  });

  it('owes nothing for a slot that passed before the reader subscribed', () => {
    const late = sub({ activeSince: '2024-11-07T02:00:00Z' }); // 10:00 in Shanghai, after the 08:00 slot
    expect(dueState(late, undefined, new Date('2024-11-07T03:00:00Z'), tz)).toEqual({ due: false, why: 'subscribed-after-slot' });
    expect(dueState(late, undefined, new Date('2024-11-08T00:30:00Z'), tz).due).toBe(true);
  });

  it('resumes a digest a crash left half-sent, whatever the slot', () => {
    expect(dueState(sub({ lastSlot: '2024-11-07' }), delivery({ status: 'sending' }), at0830, tz)).toEqual({
      due: true,
      slot: '2024-11-07',
      resume: true,
    });
  });

  it('keeps retrying a failing digest through a short outage, and gives up on one failing for hours', () => {
    const begun = (msAgo: number) => new Date(at0830.getTime() - msAgo).toISOString();
    expect(dueState(sub(), delivery({ status: 'sending', attempts: 5, startedAt: begun(10 * 60_000) }), at0830, tz)).toMatchObject({ due: true, resume: true });
    expect(dueState(sub(), delivery({ status: 'sending', attempts: 5, startedAt: begun(GIVE_UP_AFTER_MS) }), at0830, tz)).toEqual({ due: false, why: 'gave-up' });
    expect(dueState(sub(), delivery({ status: 'sending', attempts: 1, startedAt: begun(GIVE_UP_AFTER_MS) }), at0830, tz)).toMatchObject({ due: true });
  });

  it('is never due for an inactive subscription', () => {
    expect(dueState(sub({ active: false }), undefined, at0830, tz)).toEqual({ due: false, why: 'inactive' });
  });
});
