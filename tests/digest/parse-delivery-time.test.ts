import { describe, expect, it } from 'vitest';
import { extractDeliveryTime, looksLikeTime, parseDeliveryTime } from '../../src/digest/parse-delivery-time.js';

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

describe('parseDeliveryTime, as readers also write times', () => {
  it.each([
    ['７：３０', '07:30'],
    ['８点半', '08:30'],
    ['8am', '08:00'],
    ['8:00am', '08:00'],
    ['8 PM', '20:00'],
    ['8:30 p.m.', '20:30'],
    ['８ａｍ', '08:00'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['上午8点', '08:00'],
    ['晚上8点半', '20:30'],
    ['晚8点', '20:00'],
    ['下午3:30', '15:30'],
    ['凌晨12点', '00:00'],
    ['8点一刻', '08:15'],
    ['8点钟', '08:00'],
    ['8', '08:00'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseDeliveryTime(input)).toEqual({ ok: true, time: expected });
  });

  it.each(['13pm', '0am', '早上9pm', '30'])('rejects %s with a Chinese reason', (input) => {
    const result = parseDeliveryTime(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/07:30/);
  });

  it('treats am/pm and full-width forms as times', () => {
    for (const t of ['8am', '8:00am', '７：３０', '13pm']) expect(looksLikeTime(t)).toBe(true);
  });
});

describe('extractDeliveryTime', () => {
  it.each([
    ['７：３０', '07:30', ''],
    ['7:30农业', '07:30', '农业'],
    ['农业7:30', '07:30', '农业'],
    ['8am 农业', '08:00', '农业'],
    ['农业 晚上8点', '20:00', '农业'],
    ['07:30 农业', '07:30', '农业'],
    ['农业 6点', '06:00', '农业'],
    ['8点三农', '08:00', '三农'],
    ['七点半 农业', '07:30', '农业'],
    ['7:30 PM2.5', '07:30', 'PM2.5'],
    ['8 木垒县', '08:00', '木垒县'],
    ['7:30 乡村 振兴', '07:30', '乡村 振兴'],
  ])('splits %s into time %s and keyword "%s"', (input, time, rest) => {
    expect(extractDeliveryTime(input)).toEqual({ time: { ok: true, time }, rest });
  });

  it.each(['农业', '不存在的关键词xyz', '一点一滴', '十点读书', 'PM2.5', '第3点', '２０２４'])('finds no time in %s', (input) => {
    const found = extractDeliveryTime(input);
    expect(found.time).toBeUndefined();
    expect(found.rest).toBe(input.normalize('NFKC'));
  });

  it('reports a time that does not exist even when glued to a keyword', () => {
    const found = extractDeliveryTime('25:00农业');
    expect(found.time?.ok).toBe(false);
    expect(found.time?.ok === false && found.time.reason).toContain('25 点');
  });

  it('refuses two times at once', () => {
    const found = extractDeliveryTime('7:30 农业 8:00');
    expect(found.time?.ok).toBe(false);
    expect(found.time?.ok === false && found.time.reason).toContain('一个推送时间');
  });
});
