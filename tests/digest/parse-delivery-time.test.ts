import { describe, expect, it } from 'vitest';
import { looksLikeTime, parseDeliveryTime } from '../../src/digest/parse-delivery-time.js';

describe('parseDeliveryTime', () => {
  it.each([
    ['7:30', '07:30'],
    ['07:30', '07:30'],
    ['7：30', '07:30'],
    ['7点30', '07:30'],
    ['7点30分', '07:30'],
    ['7点半', '07:30'],
    ['8点', '08:00'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['七点半', '07:30'],
    ['十二点', '12:00'],
    ['二十三点', '23:00'],
    ['下午3点', '15:00'],
    ['晚上8点半', '20:30'],
    ['早上7点', '07:00'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseDeliveryTime(input)).toEqual({ ok: true, time: expected });
  });

  it.each(['25:00', '24:00', '7:75', '7:3', '早上15点', 'abc'])('rejects %s with a Chinese reason', (input) => {
    const result = parseDeliveryTime(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/07:30/);
  });

  it('names the hour that does not exist', () => {
    const result = parseDeliveryTime('25:00');
    expect(result.ok || result.reason).toContain('25 点');
  });
});

describe('looksLikeTime', () => {
  it('treats an impossible time as a time, so it is answered as an error rather than used as a keyword', () => {
    expect(looksLikeTime('25:00')).toBe(true);
    expect(looksLikeTime('7点半')).toBe(true);
  });

  it('leaves topic words alone', () => {
    expect(looksLikeTime('农业')).toBe(false);
    expect(looksLikeTime('木垒县')).toBe(false);
  });
});
