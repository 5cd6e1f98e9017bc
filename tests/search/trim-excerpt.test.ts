import { describe, expect, it } from 'vitest';
import { closeQuotes, tidyExcerptEdges, trimSentence, type ClauseRater } from '../../src/search/trim-excerpt.js';

/** Rates a clause by whether it holds `word`, and anchors on it. */
const raterFor = (word: string): ClauseRater => ({
  score: (text) => (text.includes(word) ? 1 : 0),
  anchorAt: (text) => Math.max(0, text.indexOf(word)),
});

describe('trimSentence', () => {
  it('keeps the best clause and its neighbours, marking both cuts', () => {
    const sentence = '第一分句很长很长很长，水库建成于2000年，第三分句也很长很长，第四分句还有内容。';
    const text = trimSentence(sentence, 24, raterFor('水库'));
    expect(text).toContain('水库建成于2000年');
    expect(text.length).toBeLessThanOrEqual(24);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });

  it('gives up rather than cut inside a clause when whole clauses are asked for', () => {
    expect(trimSentence('这是一个非常非常长而且没有任何逗号的分句关于水库的建设。', 10, raterFor('水库'), true)).toBeUndefined();
  });
});

describe('closeQuotes', () => {
  it('takes in the sentence that opens a quotation the range closes', () => {
    const sentences = ['他说：“第一句。', '第二句。”', '后来。'].map((text) => ({ text }));
    expect(closeQuotes(sentences, 1, [1, 2], 100)).toEqual([0, 2]);
  });
});

describe('tidyExcerptEdges', () => {
  it('drops a leading closer and a quotation mark left without its partner', () => {
    expect(tidyExcerptEdges('”水库建成。“他说')).toBe('水库建成。他说');
  });
});
