import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDateExpressions, parseDateExpression } from '../../src/text/parse-date-expression.js';

const today = '2025-03-10';
const parse = (text: string) => parseDateExpression(text, { today });

describe('parseDateExpression', () => {
  it.each([
    ['2024-11-07'],
    ['2024/11/7'],
    ['2024.11.7'],
    ['20241107'],
    ['2024年11月7日'],
    ['2024年11月7号'],
    ['２０２４年１１月７日'],
    ['二〇二四年十一月七日'],
  ])('reads %s as 7 November 2024', (text) => {
    expect(parse(text)).toEqual({ kind: 'day', date: '2024-11-07' });
  });

  it('gives a day without a year the most recent year in which it is not in the future', () => {
    expect(parse('11月7日')).toEqual({ kind: 'day', date: '2024-11-07', yearless: true });
    expect(parse('3月9日')).toEqual({ kind: 'day', date: '2025-03-09', yearless: true });
    expect(parse('3月11日')).toEqual({ kind: 'day', date: '2024-03-11', yearless: true });
    expect(parse('2月29日')).toEqual({ kind: 'day', date: '2024-02-29', yearless: true });
  });

  it('reads month/day written with a slash as a day without a year, and refuses an impossible one', () => {
    expect(parse('11/7')).toEqual({ kind: 'day', date: '2024-11-07', yearless: true });
    expect(parse('13/7')).toMatchObject({ kind: 'invalid' });
    expect(parse('2/30')).toMatchObject({ kind: 'invalid', reason: '2月没有30日' });
  });

  it('counts 今年, 去年 and 前年 back from today', () => {
    expect(parse('去年11月7日')).toEqual({ kind: 'day', date: '2024-11-07' });
    expect(parse('前年3月')).toEqual({ kind: 'month', year: 2023, month: 3 });
    expect(parse('今年2月30日')).toMatchObject({ kind: 'invalid' });
  });

  it('reads today, yesterday and the day before relative to the injected today', () => {
    expect(parse('今天')).toEqual({ kind: 'day', date: '2025-03-10' });
    expect(parse('昨天')).toEqual({ kind: 'day', date: '2025-03-09' });
    expect(parseDateExpression('前天', { today: '2025-03-01' })).toEqual({ kind: 'day', date: '2025-02-27' });
  });

  it('reads issue numbers', () => {
    expect(parse('第12124期')).toEqual({ kind: 'issueNumber', number: 12124 });
    expect(parse('总第12124期')).toEqual({ kind: 'issueNumber', number: 12124 });
  });

  it('refuses an absurdly long issue number instead of rounding it', () => {
    expect(parse('第99999999999999999999期')).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('期号最多7位数') });
    expect(parse('第0000012124期')).toEqual({ kind: 'issueNumber', number: 12124 });
  });

  it('reads a month and a year', () => {
    expect(parse('2024年11月')).toEqual({ kind: 'month', year: 2024, month: 11 });
    expect(parse('2024年')).toEqual({ kind: 'year', year: 2024 });
  });

  it('explains impossible dates in Chinese', () => {
    const feb = parse('2024-02-30');
    expect(feb).toMatchObject({ kind: 'invalid', text: '2024-02-30' });
    expect(feb?.kind === 'invalid' && feb.reason).toMatch(/2月没有30日/);
    const month13 = parse('13月1日');
    expect(month13).toMatchObject({ kind: 'invalid' });
    expect(month13?.kind === 'invalid' && month13.reason).toMatch(/没有13月/);
  });

  it('returns undefined for text that is not a date', () => {
    expect(parse('冬小麦')).toBeUndefined();
    expect(parse('')).toBeUndefined();
    expect(parse('11月7日木垒县冬小麦长势')).toBeUndefined();
  });

  it('reads any real day written as 年月日 back to the same date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-').map(Number);
        expect(parse(`${y}年${m}月${day}日`)).toEqual({ kind: 'day', date: iso });
        expect(parse(iso)).toEqual({ kind: 'day', date: iso });
      }),
      { numRuns: 200 },
    );
  });
});

describe('findDateExpressions', () => {
  it('pulls a date out of a question and returns the rest', () => {
    const { found, rest } = findDateExpressions('11月7日的报纸说了什么', { today });
    expect(found.map((f) => f.expression)).toEqual([{ kind: 'day', date: '2024-11-07', yearless: true }]);
    expect(rest).toBe('的报纸说了什么');
  });

  it('reads the longest form first', () => {
    const { found } = findDateExpressions('2024年11月7日木垒县', { today });
    expect(found.map((f) => f.text)).toEqual(['2024年11月7日']);
  });

  it('finds issue numbers and months in free text', () => {
    const { found, rest } = findDateExpressions('第12124期和2024年11月有哪些关于小麦的报道', { today });
    expect(found.map((f) => f.expression)).toEqual([
      { kind: 'issueNumber', number: 12124 },
      { kind: 'month', year: 2024, month: 11 },
    ]);
    expect(rest).toBe('和 有哪些关于小麦的报道');
  });

  it('finds 去年11月 in a question but never reads a slash in a question as a date', () => {
    expect(findDateExpressions('去年11月的冬小麦', { today }).found.map((f) => f.expression)).toEqual([{ kind: 'month', year: 2024, month: 11 }]);
    expect(findDateExpressions('占比达到1/3', { today }).found).toEqual([]);
  });

  it('leaves numbers that are not dates in the text', () => {
    const { found, rest } = findDateExpressions('剥离了35万立方米土方，引进400套系统', { today });
    expect(found).toEqual([]);
    expect(rest).toBe('剥离了35万立方米土方，引进400套系统');
  });
});
