import { describe, expect, it } from 'vitest';
import { createTermStats } from '../../src/search/term-stats.js';

describe('createTermStats', () => {
  it('counts each term once per passage', () => {
    const stats = createTermStats();
    stats.add({ words: ['水库', '水库', '兴建'], bigrams: ['水库', '库兴', '兴建'] });
    stats.add({ words: ['水库'], bigrams: ['水库'] });
    expect(stats.docCount).toBe(2);
    expect(stats.wordDf('水库')).toBe(2);
    expect(stats.wordDf('兴建')).toBe(1);
    expect(stats.bigramDf('库兴')).toBe(1);
    expect(stats.charDf('水')).toBe(2);
    expect(stats.charDf('兴')).toBe(1);
  });

  it('forgets a passage that is removed', () => {
    const stats = createTermStats();
    const doc = { words: ['冬小麦'], bigrams: ['冬小', '小麦'] };
    stats.add(doc);
    stats.remove(doc);
    expect(stats.docCount).toBe(0);
    expect(stats.wordDf('冬小麦')).toBe(0);
    expect(stats.toJSON()).toEqual({ docCount: 0, words: [], bigrams: [], chars: [] });
  });

  it('survives serialisation unchanged', () => {
    const stats = createTermStats();
    stats.add({ words: ['火区', '治理'], bigrams: ['火区', '区治', '治理'] });
    const copy = createTermStats(JSON.parse(JSON.stringify(stats.toJSON())));
    expect(copy.toJSON()).toEqual(stats.toJSON());
    expect(copy.bigramDf('区治')).toBe(1);
  });
});
