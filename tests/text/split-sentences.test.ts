import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/split-sentences.js';

describe('splitSentences', () => {
  it('splits at 。！？；… and keeps closing quotes with their sentence', () => {
    expect(splitSentences('他说：“好。”我们走吧！真的？是的；走……然后')).toEqual(['他说：“好。”', '我们走吧！', '真的？', '是的；', '走……', '然后']);
  });

  it('does not split inside a sentence at commas', () => {
    expect(splitSentences('截至目前，全州已报到党员1614名，报到率达100%。')).toEqual(['截至目前，全州已报到党员1614名，报到率达100%。']);
  });

  it('returns nothing for empty text', () => {
    expect(splitSentences('')).toEqual([]);
  });

  it('never loses or adds a character', () => {
    const piece = fc.constantFrom('昌吉', '州', '，', '。', '！', '？', '；', '…', '”', '“', '）', ' ', '\n', 'a', '1', '?', '!');
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
