import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/split-sentences.js';

describe('splitSentences', () => {
  it('splits at 。！？；… and keeps closing quotes with their sentence', () => {
    expect(splitSentences('他说：“好。”我们走吧！真的？是的；走……然后')).toEqual(['他说：“好。”', '我们走吧！', '真的？', '是的；', '走……', '然后']);
  });

  it('keeps a short attribution after a quotation with the quotation', () => {
    expect(splitSentences('“明年应该能有一个好收成。”小麦种植大户刘兵山说。据了解，北庭镇已完成秋播。')).toEqual([
      '“明年应该能有一个好收成。”小麦种植大户刘兵山说。',
      '据了解，北庭镇已完成秋播。',
    ]);
    expect(splitSentences('“洪峰削减到每秒60立方米。”杨军奎告诉记者。作为亲历者')).toEqual(['“洪峰削减到每秒60立方米。”杨军奎告诉记者。', '作为亲历者']);
  });

  it('keeps an attribution after a stray opening quote printed for a closing one', () => {
    expect(splitSentences('打造“超级棉种”。“杨作仁介绍。\n\n棉花作为')).toEqual(['打造“超级棉种”。“杨作仁介绍。\n\n', '棉花作为']);
  });

  it('starts a new sentence after a quotation when what follows is more than an attribution', () => {
    expect(splitSentences('他说：“好。”“我们走吧。”')).toEqual(['他说：“好。”', '“我们走吧。”']);
    expect(splitSentences('“好。”他说，大家都笑了。')).toEqual(['“好。”', '他说，大家都笑了。']);
    expect(splitSentences('“好。”会议结束后各代表团分组讨论了报告。')).toEqual(['“好。”', '会议结束后各代表团分组讨论了报告。']);
  });

  it('does not split inside a sentence at commas', () => {
    expect(splitSentences('截至目前，全州已报到党员1614名，报到率达100%。')).toEqual(['截至目前，全州已报到党员1614名，报到率达100%。']);
  });

  it('returns nothing for empty text', () => {
    expect(splitSentences('')).toEqual([]);
  });

  it('never loses or adds a character', () => {
    const piece = fc.constantFrom('昌吉', '州', '，', '。', '！', '？', '；', '…', '”', '“', '）', ' ', '\n', 'a', '1', '?', '!', '。”', '他说。', '。“');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const sentences = splitSentences(text);
        expect(sentences.join('')).toBe(text);
        expect(sentences.every((s) => s.length > 0)).toBe(true);
      }),
    );
  });

  it('never loses a character of arbitrary unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => splitSentences(text).join('') === text));
  });
});
