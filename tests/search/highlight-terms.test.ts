import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightsIn } from '../../src/search/highlight-terms.js';
import { buildQueryModel, type QueryModel } from '../../src/search/query-model.js';
import { createTermStats } from '../../src/search/term-stats.js';
import { highlightTerms } from '../../src/telegram/format/html.js';
import { termOccurrences } from '../../src/text/mark-terms.js';
import { normalizeForMatch } from '../../src/text/normalize-for-match.js';
import { numberSpans } from '../../src/text/number-spans.js';
import { seedSentences } from '../support/seed-sentences.js';
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

/** A question model made of the given words (weights play no part in highlighting). */
const wordsModel = (...terms: (string | { term: string; synonyms?: string[]; abbreviation?: RegExp })[]): QueryModel => ({
  ...modelOf(''),
  words: terms.map((t) => ({ weight: 1, df: 1, ...(typeof t === 'string' ? { term: t } : t) })),
  bigrams: [],
});

/** Positions of `text` where jieba's words begin or end (cut as printed). */
function wordBounds(text: string): Set<number> {
  const bounds = new Set([0]);
  let at = 0;
  for (const piece of tokenizer.cut(text)) bounds.add((at += piece.length));
  return bounds;
}

/** The word of jieba's cut of `text` (as printed) that holds position `p`. */
function wordAround(text: string, p: number): string {
  let at = 0;
  for (const piece of tokenizer.cut(text)) {
    if (at <= p && p < at + piece.length) return piece;
    at += piece.length;
  }
  return '';
}

describe('highlightsIn with the tokenizer (whole words)', () => {
  it('bolds a name as the reader wrote it where jieba cuts the text otherwise', () => {
    // jieba guesses unknown names: 户伊|红梅 in the text, 伊|红梅 in the question; 白江|涛 in both.
    expect(highlightsIn('大棚种植户伊红梅正忙着采摘。', modelOf('伊红梅在忙什么'), tokenizer)).toEqual(['伊红梅']);
    expect(highlightsIn('客商白江涛说：“我们订了300亩。”', modelOf('白江涛从哪里来'), tokenizer)).toEqual(['白江涛']);
    expect(highlightsIn('走进一条五尺巷，感受传统文化。', modelOf('五尺巷在哪里'), tokenizer)).toEqual(['五尺巷']);
  });

  it('bolds several of the reader’s words found as printed, even where jieba joins the next word to them', () => {
    // 站|长江|海平: jieba's dictionary word 长江 would cut the reader's 站长 short (管理站站).
    const shown = highlightsIn('红山水库管理站站长江海平告诉记者，水库运行平稳。', modelOf('红山水库管理站站长是谁'), tokenizer);
    expect(shown[0]).toBe('红山水库管理站站长');
    expect(shown.filter((h) => h.endsWith('管理站站'))).toEqual([]);
  });

  it('does not bold another figure that only shares the unit of the figure the reader wrote', () => {
    const text = '老君庙火区剥离土方2145.12万立方米，大黄山火区剥离土方35万立方米。';
    expect(highlightsIn(text, modelOf('哪个火区剥离土方2145.12万立方米'), tokenizer)).not.toContain('35万立方米');
    // Asked for a quantity in that unit, the figures printed in it are what the reader looks for.
    expect(highlightsIn('剥离土方35万立方米。', modelOf('剥离了多少万立方米土方'), tokenizer)).toContain('35万立方米');
  });

  it('does not cut a dictionary word for a shorter word of the reader', () => {
    expect(highlightsIn('石门子水库建成于2000年。', modelOf('水库哪年建成'), tokenizer)).toEqual(['建成']);
  });

  it('takes a word matched for most of its length whole, and leaves one it only touches', () => {
    expect(highlightsIn('石门子水库建成于2000年。', wordsModel('石门子水'), tokenizer)).toEqual(['石门子水库']);
    expect(highlightsIn('石门子水库建成于2000年。', wordsModel('子水'), tokenizer)).toEqual([]);
  });

  it('bolds a figure only with its unit, and never a bare one', () => {
    expect(highlightsIn('共建成实践站27个，2027年全部投用。', wordsModel('27'), tokenizer)).toEqual(['27个']);
    expect(highlightsIn('编号为27的展板。', wordsModel('27'), tokenizer)).toEqual([]);
    // A run trimmed to word bounds that leaves only the figure (年,10 of 2023年,10部门).
    expect(highlightsIn('2023年,10部门联合出台政策文件。', wordsModel('3年,10'), tokenizer)).not.toContain('10');
  });

  it('bolds the synonym or the longer term that matched the reader’s word', () => {
    expect(highlightsIn('群众就医更加方便。', wordsModel({ term: '看病', synonyms: ['就医'] }), tokenizer)).toEqual(['就医']);
    expect(highlightsIn('参加医疗保险的人越来越多。', wordsModel({ term: '医保', abbreviation: /医\p{Script=Han}{1,2}保/u }), tokenizer)).toEqual(['医疗保险']);
  });

  it('leaves out a Latin word whose other-case occurrence sits inside a longer word, and returns', () => {
    // The renderers bold case-insensitively: AM also marks the "am" of "camera", which is not a whole word.
    expect(highlightsIn('AM说，camera里的AM。', wordsModel('am'), tokenizer)).toEqual([]);
    expect(highlightsIn('AM说，AM留下。', wordsModel('am'), tokenizer)).toEqual(['AM']);
  });

  it('does not bold an abbreviation pattern that runs across words', () => {
    expect(highlightsIn('看病不再难。', wordsModel({ term: '不难', abbreviation: /不\p{Script=Han}{1,2}难/u }), tokenizer)).toEqual([]);
  });

  it('never bolds a stopword or a single character', () => {
    expect(highlightsIn('我们的目标是建成水库。', wordsModel('我们', '是', '库'), tokenizer)).toEqual([]);
  });

  it('marks whole words wherever the reader sees them bold, over the seed issues', () => {
    const sentences = seedSentences();
    expect(sentences.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...sentences), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 4 }), (text, picks) => {
        // Query words cut from the sentence at random places: whole words, parts of words, figures without units.
        const terms = picks.map(([at, len]) => text.slice(at % text.length, (at % text.length) + len));
        const shown = highlightsIn(text, wordsModel(...terms), tokenizer);
        const bounds = wordBounds(text);
        const figures = numberSpans(text);
        // A reader's word may cut a word jieba only guessed (户伊雪梅 of an unknown name), never a dictionary word.
        const cutsSafely = (p: number) => bounds.has(p) || tokenizer.guessed(wordAround(text, p));
        for (const o of termOccurrences(text, shown)) {
          expect(cutsSafely(o.start) && cutsSafely(o.end), `${text.slice(o.start, o.end)} is whole words of ${text}`).toBe(true);
          expect(figures.some((f) => (f.start < o.start && o.start < f.end) || (f.start < o.end && o.end < f.end)), 'a figure is bold whole').toBe(false);
        }
        for (const h of shown) {
          expect(Array.from(h).length).toBeGreaterThanOrEqual(2);
          expect(/[\p{L}\p{N}]/u.test(h) && !/^[0-9.]+$/u.test(h), `${h} is a word or a figure with its unit`).toBe(true);
          expect(tokenizer.isStopword(normalizeForMatch(h))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('markTerms', () => {
  it('does not bold a figure inside a longer one', () => {
    expect(highlightTerms('实践点127个，实践站27个。', ['27个'])).toBe('实践点127个，实践站<b>27个</b>。');
  });
});
