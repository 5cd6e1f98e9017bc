import { describe, expect, it } from 'vitest';
import { articleDeepLink, parseStartPayload } from '../../src/telegram/deep-link.js';

describe('articleDeepLink', () => {
  it('makes a t.me start link that parseStartPayload reads back', () => {
    const link = articleDeepLink('changji_bot', '000_79b3-c4');
    expect(link).toBe('https://t.me/changji_bot?start=a_000_79b3-c4');
    expect(parseStartPayload(new URL(link).searchParams.get('start')!)).toEqual({ articleId: '000_79b3-c4' });
  });
  it('refuses an id that cannot be a start payload', () => {
    expect(() => articleDeepLink('b', '昌吉')).toThrow(RangeError);
    expect(() => articleDeepLink('b', 'x'.repeat(63))).toThrow(RangeError);
  });
});

describe('parseStartPayload', () => {
  it('ignores payloads that are not article links', () => {
    expect(parseStartPayload('ref_123')).toBeUndefined();
    expect(parseStartPayload('a_')).toBeUndefined();
    expect(parseStartPayload('a_x y')).toBeUndefined();
  });
});
