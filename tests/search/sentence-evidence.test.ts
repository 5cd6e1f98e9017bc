import { describe, expect, it } from 'vitest';
import type { Article, Issue } from '../../src/archive/model.js';
import { sentenceEvidence, type PassageRecord } from '../../src/search/passage-index.js';
import { buildQueryModel } from '../../src/search/query-model.js';
import { createTermStats } from '../../src/search/term-stats.js';
import { profileTokenizer } from '../support/test-profile.js';

const tokenizer = profileTokenizer();

function recordOf(text: string, normTitle = ''): PassageRecord {
  return {
    key: 0,
    passage: { id: 'a#0', articleId: 'a', n: 0, text },
    article: {} as Article,
    issue: {} as Issue,
    normTitle,
  };
}

describe('sentenceEvidence', () => {
  const stats = createTermStats();
  for (const t of ['石门子水库兴建', '塔西河流域', '昌吉州会议', '灌溉面积扩大']) stats.add({ words: tokenizer.words(t), bigrams: tokenizer.bigrams(t) });
  const model = buildQueryModel(tokenizer.query('石门子水库的灌溉面积'), stats, 'q');

  it('scores the terms found together in one sentence above the same terms scattered', () => {
    const together = sentenceEvidence(model, recordOf('石门子水库的灌溉面积扩大了。昌吉州召开会议。'));
    const scattered = sentenceEvidence(model, recordOf('石门子水库位于塔西河。昌吉州召开会议。灌溉面积扩大了。'));
    expect(together).toBe(1);
    expect(scattered).toBeLessThan(together);
  });

  it('counts the headline with every sentence', () => {
    expect(sentenceEvidence(model, recordOf('灌溉面积扩大了。昌吉州召开会议。', '石门子水库'))).toBe(1);
  });
});
