import { describe, expect, it } from 'vitest';
import type { PaperConfig } from '../../src/config.js';
import { isBoilerplateLine, parseMasthead } from '../../src/ingest/parse-masthead.js';

const paper: PaperConfig = { name: '昌吉日报', nameLatin: 'CHANGJI RIBAO', timeZone: 'Asia/Shanghai', mastheadMarkers: ['丝路昌吉客户端', '主管主办', '国内统一刊号'] };

describe('parseMasthead', () => {
  it('reads date, weekday, lunar date, issue number and page count from a masthead block', () => {
    const lines = ['', '丝路昌吉客户端', '昌吉日报', 'CHANGJI RIBAO', '2024年11月', '7', '星期四', '甲辰年十月初七', '总第12124期', '今日4版', '奋进强国路 阔步新征程'];
    expect(parseMasthead(lines, paper)).toEqual({
      date: '2024-11-07',
      weekday: '星期四',
      lunarDate: '甲辰年十月初七',
      number: 12124,
      pageCount: 4,
      lines: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      warnings: [],
    });
  });

  it('reads a date printed on one line', () => {
    expect(parseMasthead(['2024年11月7日 星期四', '总第12124期'], paper)).toMatchObject({ date: '2024-11-07', weekday: '星期四', number: 12124 });
  });

  it('reads several masthead parts printed on one line', () => {
    expect(parseMasthead(['昌吉日报', '2024年11月7日 星期四 农历甲辰年十月初七', '总第12124期 今日4版'], paper)).toMatchObject({
      date: '2024-11-07',
      weekday: '星期四',
      lunarDate: '甲辰年十月初七',
      number: 12124,
      pageCount: 4,
      lines: [0, 1, 2],
    });
  });

  it('warns when the weekday does not match the date', () => {
    expect(parseMasthead(['2024年11月7日', '星期五'], paper).warnings[0]).toMatch(/星期五.*星期四/);
  });

  it('stops at the first line of content and finds nothing in a page without a masthead', () => {
    expect(parseMasthead(['新春新气象好开局', '2024年11月'], paper)).toEqual({ lines: [], warnings: [] });
  });

  it('does not take a lone number for a day without a year and month before it', () => {
    expect(parseMasthead(['7', '星期四'], paper).lines).toEqual([]);
  });
});

describe('isBoilerplateLine', () => {
  it('recognises masthead markers, the paper name and editor lines', () => {
    expect(isBoilerplateLine('□国内统一刊号CN 65—0010', paper)).toBe(true);
    expect(isBoilerplateLine('昌吉日报', paper)).toBe(true);
    expect(isBoilerplateLine('责任编辑：张三', paper)).toBe(true);
    expect(isBoilerplateLine('2024年11月7日 星期四 责任编辑：张三 版式：李四', paper)).toBe(true);
    expect(isBoilerplateLine('昌吉日报社记者走进社区', paper)).toBe(false);
  });
});
