import { describe, expect, it } from 'vitest';
import { createHeadlineVocabulary } from '../../src/search/headline-vocabulary.js';

describe('createHeadlineVocabulary', () => {
  it('expands the word being typed to the headline words it begins', () => {
    const vocabulary = createHeadlineVocabulary();
    vocabulary.add(['马铃薯', '马匹', '供暖']);
    expect(vocabulary.expand('马', { prefix: true }, 10).sort()).toEqual(['马匹', '马铃薯']);
    expect(vocabulary.expand('马', { prefix: false }, 10)).toEqual([]);
  });

  it('puts the word itself before longer words it begins', () => {
    const vocabulary = createHeadlineVocabulary();
    vocabulary.add(['水库群', '水库']);
    expect(vocabulary.expand('水库', { prefix: true }, 10)).toEqual(['水库', '水库群']);
  });

  it('matches a word of four characters or more one character away, a shorter one only exactly', () => {
    const vocabulary = createHeadlineVocabulary();
    vocabulary.add(['污水处理厂', '马铃薯']);
    expect(vocabulary.expand('污水处理场', { prefix: false }, 10)).toEqual(['污水处理厂']);
    expect(vocabulary.expand('马铃署', { prefix: false }, 10)).toEqual([]);
  });

  it('keeps at most the number of words asked for', () => {
    const vocabulary = createHeadlineVocabulary();
    vocabulary.add(['新建', '新疆', '新闻', '新春']);
    expect(vocabulary.expand('新', { prefix: true }, 2)).toHaveLength(2);
  });

  it('adds words in chunks, each once', async () => {
    const vocabulary = createHeadlineVocabulary();
    const words = Array.from({ length: 4500 }, (_, i) => `词${i}`);
    await vocabulary.addInChunks([...words, ...words.slice(0, 10)]);
    expect(vocabulary.size).toBe(4500);
    expect(vocabulary.expand('词4499', { prefix: false }, 5)).toContain('词4499');
  });
});
