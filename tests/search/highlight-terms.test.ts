import { describe, expect, it } from 'vitest';
import { highlightsIn } from '../../src/search/highlight-terms.js';
import { buildQueryModel } from '../../src/search/query-model.js';
import { createTermStats } from '../../src/search/term-stats.js';
import { normalizeForMatch } from '../../src/text/normalize-for-match.js';
import { profileTokenizer } from '../support/test-profile.js';

const tokenizer = profileTokenizer();
const stats = createTermStats();
const modelOf = (q: string) => buildQueryModel(tokenizer.query(normalizeForMatch(q)), stats, q);

describe('highlightsIn', () => {
  it('returns the matched runs as written in the text, longest first', () => {
    expect(highlightsIn('奇台县种植马铃薯12万亩，马铃薯丰收。', modelOf('奇台县马铃薯'))).toEqual(['奇台县', '马铃薯']);
  });

  it('does not bold a character only the question joined to a word', () => {
    expect(highlightsIn('木垒县40万亩冬小麦长势良好。', modelOf('多少亩冬小麦'))).toEqual(['冬小麦']);
    expect(highlightsIn('新户镇种植冬小麦4.3万亩。', modelOf('北庭镇种植了多少冬小麦'))).toEqual(['种植冬小麦']);
  });

  it('still bolds a name jieba cut into single characters', () => {
    const model = modelOf('潘淑');
    expect(highlightsIn('王潘淑，女。', { ...model, words: [{ term: '潘', weight: 1, df: 1 }, { term: '淑', weight: 1, df: 1 }], bigrams: [{ term: '潘淑', weight: 1, df: 1 }] })).toEqual(['潘淑']);
  });

  it('maps a traditional question back to the simplified text', () => {
    expect(highlightsIn('奇台县马铃薯喜获丰收', modelOf('奇台縣馬鈴薯'))).toEqual(['奇台县马铃薯']);
  });

  it('maps full-width letters back to the original characters', () => {
    expect(highlightsIn('ＰＭ２．５浓度下降', modelOf('pm2.5浓度'))).toEqual(['ＰＭ２．５浓度']);
  });
});
