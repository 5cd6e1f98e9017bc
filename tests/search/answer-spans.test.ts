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

  it('takes no word before 说 that is not a name', () => {
    expect(spans('他笑着说。')).toEqual([]);
  });
});
