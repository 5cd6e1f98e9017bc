import { describe, expect, it } from 'vitest';
import { parseSearchSyntax } from '../../src/search/parse-search-syntax.js';

describe('parseSearchSyntax', () => {
  it('reads a plain question as the question, with no conditions', () => {
    expect(parseSearchSyntax('木垒县有多少亩冬小麦')).toEqual({ kind: 'query', text: '木垒县有多少亩冬小麦', phrases: [], exclude: [] });
  });

  it('keeps a quoted phrase in the question and requires it as written', () => {
    expect(parseSearchSyntax('"冬小麦" 播种')).toEqual({ kind: 'query', text: '冬小麦 播种', phrases: ['冬小麦'], exclude: [] });
  });

  it.each(['“红色驿站”', '「红色驿站」', '＂红色驿站＂'])('accepts Chinese and full-width quotes: %s', (q) => {
    expect(parseSearchSyntax(q)).toMatchObject({ kind: 'query', text: '红色驿站', phrases: ['红色驿站'] });
  });

  it('cuts -词 out of the question and excludes it', () => {
    expect(parseSearchSyntax('志愿服务 -大学生 －广告')).toEqual({ kind: 'query', text: '志愿服务', phrases: [], exclude: ['大学生', '广告'] });
  });

  it('leaves a dash inside a word or a date alone', () => {
    expect(parseSearchSyntax('2024-11-07 PM2.5-监测')).toEqual({ kind: 'query', text: '2024-11-07 PM2.5-监测', phrases: [], exclude: [] });
  });

  it('reads a quote mark without its pair as punctuation, and still finds the pairs around it', () => {
    expect(parseSearchSyntax('他说“头一回种生姜')).toEqual({ kind: 'query', text: '他说“头一回种生姜', phrases: [], exclude: [] });
    expect(parseSearchSyntax('冬小麦” 播种')).toEqual({ kind: 'query', text: '冬小麦” 播种', phrases: [], exclude: [] });
    expect(parseSearchSyntax('"冬小麦" 播种 "木垒')).toEqual({ kind: 'query', text: '冬小麦 播种 "木垒', phrases: ['冬小麦'], exclude: [] });
  });

  it.each([
    ['-广告 -招聘', 'only-exclusions'],
    ['"" 冬小麦', 'empty-term'],
  ])('reports %s as %s instead of failing', (q, problem) => {
    expect(parseSearchSyntax(q)).toEqual({ kind: 'problem', problem });
  });
});
