import { describe, expect, it } from 'vitest';
import { buildQueryModel, coverage, evidence, idf, READER_WORD_WEIGHT, unseenShare } from '../../src/search/query-model.js';
import { createTermStats } from '../../src/search/term-stats.js';
import { profileTokenizer } from '../support/test-profile.js';

const tokenizer = profileTokenizer();

/** Stats over passages given as text. */
function statsOf(texts: string[]) {
  const stats = createTermStats();
  for (const t of texts) stats.add({ words: tokenizer.words(t), bigrams: tokenizer.bigrams(t) });
  return stats;
}

const corpus = [
  '昌吉州冬小麦长势良好',
  '昌吉州召开会议',
  '昌吉州推进社会工作',
  '昌吉州马铃薯丰收',
  '昌吉州志愿服务',
  '昌吉州生态环境改善',
  '昌吉州全域旅游',
  '昌吉州火区治理',
  '昌吉州风电项目',
  '昌吉州教育局主办学习活动周',
  '昌吉州养老服务',
  '石门子水库兴建',
];

describe('buildQueryModel', () => {
  const stats = statsOf(corpus);

  it('weighs rare words above common ones and unknown words highest', () => {
    const m = buildQueryModel(tokenizer.query('昌吉州冬小麦奥运会'), stats, 'q');
    const w = Object.fromEntries(m.words.map((t) => [t.term, t.weight]));
    expect(w['冬小麦']!).toBeGreaterThan(w['昌吉州']!);
    expect(w['奥运会']!).toBeGreaterThan(w['冬小麦']!);
    expect(w['奥运会']).toBeCloseTo(idf(0, stats.docCount));
  });

  it('does not look up terms found in more than a tenth of passages', () => {
    const m = buildQueryModel(tokenizer.query('昌吉州冬小麦'), stats, 'q');
    expect(m.retrievalWords).toEqual(['冬小麦']);
    expect(m.retrievalBigrams).not.toContain('昌吉');
  });

  it('still looks up the rarest word and the rarest bigram when every term is common', () => {
    // The bigram also finds passages where jieba kept the word inside a longer name (昌吉州融媒体中心).
    const m = buildQueryModel(tokenizer.query('昌吉州'), stats, 'q');
    expect(m.retrievalWords).toEqual(['昌吉州']);
    expect(m.retrievalBigrams).toHaveLength(1);
  });

  it('looks up at most maxTerms terms', () => {
    const m = buildQueryModel(tokenizer.query('冬小麦马铃薯社会工作志愿服务生态环境全域旅游火区治理风电项目'), stats, 'q', { maxTerms: 5, maxPostingsRatio: Infinity });
    expect(m.retrievalWords.length + m.retrievalBigrams.length).toBe(5);
  });

  it('stops looking up terms once their postings exceed the budget, keeping the rarest three', () => {
    const q = tokenizer.query('冬小麦马铃薯社会工作志愿服务生态环境全域旅游火区治理风电项目');
    const all = buildQueryModel(q, stats, 'q', { maxPostingsRatio: Infinity });
    const bounded = buildQueryModel(q, stats, 'q', { maxPostingsRatio: 0.2 });
    const looked = [...bounded.retrievalWords, ...bounded.retrievalBigrams];
    expect(looked.length).toBeGreaterThanOrEqual(3);
    expect(looked.length).toBeLessThan(all.retrievalWords.length + all.retrievalBigrams.length);
  });

  it('reads the shape of a numeric answer from the question', () => {
    expect(buildQueryModel(tokenizer.query('培训多少天'), stats, '培训多少天').answerShape?.test('共9天')).toBe(true);
    expect(buildQueryModel(tokenizer.query('办结率是多少'), stats, '办结率是多少').answerShape?.test('办结率87%')).toBe(true);
    expect(buildQueryModel(tokenizer.query('石门子水库'), stats, '石门子水库').answerShape).toBeUndefined();
  });

  it('expects a date for a question asking when, and another name for one asking what else it is called', () => {
    for (const q of ['石门子水库什么时候建成', '石门子水库哪一年建成', '会议是几月几日召开的']) {
      const shape = buildQueryModel(tokenizer.query(q), stats, q).answerShape;
      expect(shape?.test('2000年10月建成')).toBe(true);
      expect(shape?.test('是一座中型水利枢纽工程')).toBe(false);
    }
    const name = buildQueryModel(tokenizer.query('香妃海棠又叫什么'), stats, '香妃海棠又叫什么').answerShape;
    expect(name?.test('状似鸡心，又称“鸡心果”')).toBe(true);
    expect(name?.test('大小如鸡蛋')).toBe(false);
  });
});

describe('evidence', () => {
  const stats = statsOf(corpus);
  const model = buildQueryModel(tokenizer.query('石门子水库什么时候兴建'), stats, 'q');

  it('is the share of the question found in the text', () => {
    expect(evidence(model, '石门子水库于1998年兴建')).toBe(1);
    expect(evidence(model, '昌吉州马铃薯丰收')).toBe(0);
    const part = evidence(model, '石门子水库位于塔西河');
    expect(part).toBeGreaterThan(0);
    expect(part).toBeLessThan(1);
  });

  it('also counts what the headline holds', () => {
    expect(coverage(model.words, '于1998年兴建', '石门子水库')).toBe(1);
  });
});

describe('unseenShare', () => {
  const stats = statsOf(corpus);

  it('is the weighted share of the question the archive never printed', () => {
    expect(unseenShare(buildQueryModel(tokenizer.query('石门子水库兴建'), stats, 'q'))).toBe(0);
    expect(unseenShare(buildQueryModel(tokenizer.query('奥运会'), stats, 'q'))).toBe(1);
    const mixed = unseenShare(buildQueryModel(tokenizer.query('昌吉州奥运会'), stats, 'q'));
    expect(mixed).toBeGreaterThan(0.5);
    expect(mixed).toBeLessThan(1);
  });
});

describe('buildQueryModel on a question in traditional characters', () => {
  const stats = statsOf(corpus);
  const model = (q: string) => buildQueryModel(tokenizer.query(q), stats, q);

  it('reads the kind of answer after converting to simplified characters', () => {
    expect(model('石門子水庫什麼時候建成').answerShape?.test('2000年10月建成')).toBe(true);
    expect(model('昌吉市人大建了幾個實踐站').asksNumber).toBe(true);
    expect(model('全域旅遊培訓班培訓幾天').answerShape?.test('培训时间共9天')).toBe(true);
  });
});

describe('buildQueryModel focus', () => {
  const stats = statsOf(corpus);
  // In this corpus 昌吉州 is in 11 passages of 12, 石门子水库 in one.
  const model = (q: string) => buildQueryModel(tokenizer.query(q), stats, q, { scopeRatio: 0.2 });

  it('is what a question scoped by a common place name asks about', () => {
    expect(model('昌吉州的马铃薯产量').focus.map((w) => w.term)).toEqual(['马铃薯', '产量']);
  });

  it('is empty for a question naming nothing, or only a rare name', () => {
    expect(model('马铃薯产量').focus).toEqual([]);
    expect(model('石门子水库什么时候兴建').focus).toEqual([]);
  });
});

describe('buildQueryModel with part-of-speech tags', () => {
  const stats = statsOf(corpus);
  const tagged = (question: string) => {
    const tags = new Map(tokenizer.tag(question).map((t) => [t.word, t.tag]));
    return buildQueryModel(tokenizer.query(question), stats, question, { tagOf: (w) => tags.get(w), isStopword: (w) => tokenizer.isStopword(w) });
  };

  it('weighs a verb the archive never printed below an unseen noun', () => {
    // 碰到 (a reader's verb) and 奥运会 (a topic the paper never covered) are both unseen.
    const w = Object.fromEntries(tagged('昌吉州碰到奥运会').words.map((t) => [t.term, t.weight]));
    expect(w['奥运会']).toBeCloseTo(idf(0, stats.docCount));
    expect(w['碰到']).toBeCloseTo(idf(0, stats.docCount) * READER_WORD_WEIGHT);
  });

  it('counts a reader\'s unseen verbs less towards what the archive never printed', () => {
    const plain = unseenShare(buildQueryModel(tokenizer.query('冬小麦碰到'), stats, 'q'));
    expect(unseenShare(tagged('冬小麦碰到'))).toBeLessThan(plain);
    expect(unseenShare(tagged('冬小麦奥运会'))).toBeCloseTo(unseenShare(buildQueryModel(tokenizer.query('冬小麦奥运会'), stats, 'q')));
  });

  it('weighs an unseen bigram joining two question words as the reader\'s phrasing', () => {
    const m = tagged('冬小麦奥运会');
    const across = m.bigrams.find((b) => b.term === '麦奥')!;
    const inside = m.bigrams.find((b) => b.term === '奥运')!;
    expect(across.weight).toBeLessThan(inside.weight);
  });
});

describe('buildQueryModel with an absolute posting budget', () => {
  /** Stats of a large archive given as document frequencies (words and bigrams alike). */
  const bigArchive = (df: Record<string, number>) => ({
    docCount: 1_000_000,
    wordDf: (w: string) => df[w] ?? 0,
    bigramDf: (b: string) => df[b] ?? 0,
    charDf: () => 0,
    add: () => undefined,
    remove: () => undefined,
    toJSON: () => ({ docCount: 1_000_000, words: [], bigrams: [], chars: [] }),
  });
  const terms = (words: string[]) => ({ words, bigrams: [], segments: words, names: [] });

  it('looks up a synonym only while the postings stay within the absolute budget', () => {
    const stats = bigArchive({ 地址: 500, 所在地: 900, 位于: 50_000 });
    const synonyms = new Map([['地址', ['所在地', '位于']]]);
    const bounded = buildQueryModel(terms(['地址']), stats, 'q', { synonyms, maxPostings: 20_000 });
    expect(bounded.retrievalWords).toEqual(['地址', '所在地']);
    const unbounded = buildQueryModel(terms(['地址']), stats, 'q', { synonyms });
    expect(unbounded.retrievalWords).toEqual(['地址', '所在地', '位于']);
  });

  it('does not look up a term that alone exceeds the budget, even among the rarest three', () => {
    const stats = bigArchive({ 教堂: 9_000, 设计: 30_000 });
    const bounded = buildQueryModel(terms(['教堂', '设计']), stats, 'q', { maxPostings: 20_000 });
    expect(bounded.retrievalWords).toEqual(['教堂']);
    expect(bounded.words.map((w) => w.term)).toEqual(['教堂', '设计']);
  });
});

describe('buildQueryModel for a compound the archive never printed', () => {
  const stats = statsOf(corpus);

  it('matches the paper\'s shorter word at its start, at less than full weight', () => {
    const m = buildQueryModel(tokenizer.query('风电场'), stats, 'q');
    const word = m.words.find((w) => w.term === '风电场');
    expect(word?.head).toBe('风电');
    expect(coverage(m.words, '昌吉州风电项目')).toBeGreaterThan(0);
    expect(coverage(m.words, '昌吉州风电项目')).toBeLessThan(1);
  });
});
