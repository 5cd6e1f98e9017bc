import { describe, expect, it } from 'vitest';
import { cleanUserDict, createTokenizer, getJieba } from '../../src/text/tokenizer.js';
import { profileTokenizer } from '../support/test-profile.js';

const tokenizer = profileTokenizer();

describe('tokenizer', () => {
  it('keeps local names from the user dictionary whole', () => {
    expect(tokenizer.words('石门子水库位于呼图壁县')).toEqual(expect.arrayContaining(['石门子水库', '呼图壁县']));
    expect(tokenizer.words('吉木萨尔县北庭镇')).toEqual(['吉木萨尔县', '北庭镇']);
  });

  it('drops stopwords, question words and punctuation from words', () => {
    const words = tokenizer.words('木垒县的冬小麦，长势喜人吗？');
    expect(words).toEqual(['木垒县', '冬小麦', '长势喜人']);
  });

  it('makes bigrams of adjacent Han characters only', () => {
    expect(tokenizer.bigrams('冬小麦，长势2024年')).toEqual(['冬小', '小麦', '长势']);
  });

  it('never makes query bigrams across a stopword or question word', () => {
    const q = tokenizer.query('塔西河水库是什么时候开始修建的');
    expect(q.words).toEqual(expect.arrayContaining(['开始', '修建']));
    expect(q.segments).toEqual(expect.arrayContaining(['开始修建']));
    expect(q.bigrams).not.toContain('库是');
    expect(q.bigrams).not.toContain('么时');
    expect(q.bigrams).toEqual(expect.arrayContaining(['水库', '始修']));
  });

  it('treats question phrases jieba keeps whole as question words', () => {
    const q = tokenizer.query('沿线设置了哪几个站点');
    expect(q.words).not.toContain('哪几个');
    expect(q.segments).toEqual(['沿线设置', '站点']);
  });

  it('treats a generic noun after a question word or ending the question as a question phrase', () => {
    for (const q of ['棉花项目由哪个单位牵头', '哪个单位牵头棉花项目', '棉花项目牵头单位']) {
      const terms = tokenizer.query(q);
      expect(terms.words).toEqual(expect.arrayContaining(['棉花', '项目', '牵头']));
      expect(terms.words).not.toContain('单位');
      expect(terms.bigrams).not.toContain('位牵');
      expect(terms.bigrams).not.toContain('头单');
    }
    expect(tokenizer.query('活动在什么地方举办').words).not.toContain('地方');
  });

  it('keeps a generic noun that does not ask', () => {
    expect(tokenizer.query('单位食堂在哪里').words).toContain('单位');
  });

  it('lists the names of places and organisations in a question', () => {
    expect(tokenizer.query('木垒县今年下了几场雪').names).toEqual(['木垒县']);
    expect(tokenizer.query('冬小麦长势如何').names).toEqual([]);
  });

  it('peels a particle off an unknown word when told which words the archive knows', () => {
    const q = tokenizer.query('潘淑是哪里人', { isKnown: (w) => w === '潘淑' });
    expect(q.words).toContain('潘淑');
    expect(q.words).not.toContain('潘淑是');
  });

  it('never peels an unknown word below two characters', () => {
    // Nothing is known, so every unknown word is a peeling candidate; none may shrink to one character.
    const q = tokenizer.query('养殖场有多少头牛', { isKnown: () => false });
    const pieces = tokenizer.query('养殖场有多少头牛').words;
    expect(q.words.length).toBeGreaterThan(0);
    for (const w of q.words) expect(Array.from(w).length >= 2 || pieces.includes(w), w).toBe(true);
  });

  it('never takes a lone Latin letter for a word', () => {
    expect(tokenizer.words('全县建成A、B级高标准农田')).not.toEqual(expect.arrayContaining(['a']));
    expect(tokenizer.words('全县建成A、B级高标准农田').some((w) => /^[a-z]$/u.test(w))).toBe(false);
    expect(tokenizer.query('b 棉花 b').words).toEqual(['棉花']);
  });

  it('drops filler, relative time words and 几 question phrases from questions', () => {
    expect(tokenizer.query('最近有什么棉花新闻').words).toEqual(['棉花']);
    expect(tokenizer.query('有关棉花的报道').words).toEqual(['棉花']);
    expect(tokenizer.query('去年新疆棉花产量是多少').words).toEqual(['新疆', '棉花', '产量']);
    expect(tokenizer.query('美团骑手叫什么名字').words).toEqual(['美团', '骑手']);
    expect(tokenizer.query('会议是几月几日召开的').words).toEqual(['会议', '召开']);
  });

  it('sets a closing 多远/多大 apart from the name before it, but keeps 很多大学 whole', () => {
    const far = tokenizer.query('黑山村离乡政府多远');
    expect(far.words.some((w) => w.includes('多远'))).toBe(false);
    expect(far.bigrams).not.toContain('府多');
    expect(tokenizer.query('很多大学开设了这门课').bigrams).toContain('大学');
  });

  it('cuts words the archive never printed into words it knows, with no bigram across the cut', () => {
    const known = new Set(['政协', '常委会', '会议', '召开']);
    const q = tokenizer.query('政协常委会议是几月几日召开的', { isKnown: (w) => known.has(w) });
    expect(q.words).toEqual(expect.arrayContaining(['政协', '常委会', '召开']));
    expect(q.words).not.toContain('政协常委会');
    expect(q.bigrams).not.toContain('协常');
    expect(q.bigrams).toEqual(expect.arrayContaining(['政协', '常委', '委会']));
  });

  it('keeps an unknown word whole when the archive knows no words to cut it into', () => {
    const q = tokenizer.query('石门子水库的坝高', { isKnown: () => false });
    expect(q.words).toContain('石门子水库');
  });

  it('uses the stopword set it is given', () => {
    const plain = createTokenizer({ stopwords: new Set() });
    expect(plain.words('冬小麦的长势')).toContain('的');
  });
});

describe('getJieba', () => {
  it('shares one instance per user dictionary', () => {
    expect(getJieba('石门子水库 3000 ns')).toBe(getJieba('石门子水库 3000 ns'));
  });
});

describe('cleanUserDict', () => {
  it('drops comments and blank lines so jieba never reads them as words', () => {
    expect(cleanUserDict('# names\n\n准东 3000 ns\n  # more\n塔西河')).toBe('准东 3000 ns\n塔西河');
  });
});
