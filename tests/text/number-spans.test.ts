import { describe, expect, it } from 'vitest';
import { hasUnit, numberSpans } from '../../src/text/number-spans.js';

const figures = (text: string) => numberSpans(text).map((s) => text.slice(s.start, s.end));

describe('numberSpans', () => {
  it('takes a figure with its magnitude and unit', () => {
    expect(figures('总库容2.35亿立方米，坝高110米，约1.5万人参加')).toEqual(['2.35亿立方米', '110米', '1.5万人']);
  });

  it('reads a date or time as one figure', () => {
    expect(figures('2024年11月5日上午10时30分')).toEqual(['2024年11月5日', '10时30分']);
    expect(figures('二〇二四年十一月')).toEqual(['二〇二四年十一月']);
  });

  it('takes percentages, ranges, ordinals and thousands', () => {
    expect(figures('占30%，工期3至5天，第27届，共12,000吨，百分之三十')).toEqual(['30%', '3至5天', '第27届', '12,000吨', '百分之三十']);
  });

  it('keeps two figures a comma lists apart', () => {
    expect(figures('第5，6名')).toEqual(['第5', '6名']);
  });

  it('does not read a Chinese numeral without a unit as a figure', () => {
    expect(figures('大家一起想一些办法')).toEqual([]);
  });
});

describe('hasUnit', () => {
  it('tells a figure with a unit from bare digits', () => {
    const text = '27个和27';
    const [withUnit, bare] = numberSpans(text);
    expect(hasUnit(text, withUnit!)).toBe(true);
    expect(hasUnit(text, bare!)).toBe(false);
  });
});
