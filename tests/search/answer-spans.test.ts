import { describe, expect, it } from 'vitest';
import { answerSpans } from '../../src/search/answer-spans.js';
import { profileTokenizer } from '../support/test-profile.js';

const tokenizer = profileTokenizer();
const spans = (text: string) => answerSpans({ kind: 'person' }, text, tokenizer.tag).map((s) => s.text);

describe('answerSpans for a person', () => {
  it('takes the speaker named after a quotation, a name jieba does not know', () => {
    expect(spans('种植大户覃楚杰说。')).toContain('覃楚杰');
    expect(spans('养殖户邬振岚说：“今年羊价不错。”')).toContain('邬振岚');
  });

  it('takes a name jieba does not know right after a role noun (工作人员, 骑手)', () => {
    expect(spans('管理站工作人员邬振岚负责设备维护。')).toContain('邬振岚');
  });

  it('takes no word before 说 that is not a name', () => {
    expect(spans('他笑着说。')).toEqual([]);
  });
});

describe('answerSpans for an origin, a duration and a count', () => {
  it('takes only a place said to be where someone comes from when the origin is asked', () => {
    const origin = (text: string) => answerSpans({ kind: 'place', origin: true }, text, tokenizer.tag).map((s) => s.text);
    expect(origin('王老师来自安徽桐城，在县一中任教。').join()).toContain('安徽');
    expect(origin('王老师在县一中任教，家住城南社区。')).toEqual([]);
  });

  it('takes a day of the month for a date, not for how long something lasted', () => {
    const durations = answerSpans({ kind: 'duration' }, '7月16日中午，骑手来到驿站；培训为期3天。', tokenizer.tag).map((s) => s.text);
    expect(durations).not.toContain('16日');
    expect(durations.join()).toContain('3天');
  });
});

describe('answerSpans for a quantity', () => {
  it('reads a figure the layout split with a space (1100 余元, 33.6 亿元)', () => {
    const figures = (text: string) => answerSpans({ kind: 'quantity' }, text, tokenizer.tag).map((s) => s.text);
    expect(figures('人均月增薪资 1100 余元。')).toContain('1100 余元');
    expect(figures('项目总投资 33.6 亿元。')).toContain('33.6 亿元');
  });

  it('takes no ordinal (第一座) for a count', () => {
    expect(answerSpans({ kind: 'quantity' }, '这是全县第一座拱坝。', tokenizer.tag)).toEqual([]);
  });
});
