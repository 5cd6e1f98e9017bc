import { describe, expect, it } from 'vitest';
import { stripLeadIn } from '../../src/search/strip-lead-in.js';

describe('stripLeadIn', () => {
  it('takes a greeting and a polite lead-in off a question', () => {
    expect(stripLeadIn('您好，我想问问图书馆几点开门')).toBe('图书馆几点开门');
    expect(stripLeadIn('麻烦问下公园门票多少钱')).toBe('公园门票多少钱');
    expect(stripLeadIn('能不能告诉我大桥有多长')).toBe('大桥有多长');
  });

  it('leaves a bare topic after 帮我查一下', () => {
    expect(stripLeadIn('帮我查一下春耕')).toBe('春耕');
  });

  it('keeps a greeting alone, and words that only start like a lead-in', () => {
    expect(stripLeadIn('你好')).toBe('你好');
    expect(stripLeadIn('问问题的人多吗')).toBe('问问题的人多吗');
    expect(stripLeadIn('了解情况的人说了什么')).toBe('了解情况的人说了什么');
  });
});
