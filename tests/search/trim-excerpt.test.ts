import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeQuotes, tidyExcerptEdges, trimExcerpt, trimSentence, type ClauseRater } from '../../src/search/trim-excerpt.js';
import { numberSpans } from '../../src/text/number-spans.js';
import { pairedSpans } from '../../src/text/paired-spans.js';
import { seedSentences } from '../support/seed-sentences.js';
import { profileTokenizer } from '../support/test-profile.js';

const words = profileTokenizer();

/** Rates a clause by whether it holds `word`, and anchors on it. */
const raterFor = (word: string): ClauseRater => ({
  score: (text) => (text.includes(word) ? 1 : 0),
  anchorAt: (text) => Math.max(0, text.indexOf(word)),
});

/** Positions strictly inside a jieba word of `text` (cut as printed). */
function insideWords(text: string): Set<number> {
  const inside = new Set<number>();
  let at = 0;
  for (const piece of words.cut(text)) {
    for (let q = at + 1; q < at + piece.length; q++) inside.add(q);
    at += piece.length;
  }
  return inside;
}

/**
 * Every way the shown pieces of `excerpt` (the text between … marks) can sit in `source`, in order.
 * A piece printed twice in the source ("2024年11月5日" early and late) has several placements, and
 * the excerpt is safe when one of them is: it does not say which copy it was cut from.
 */
function placements(source: string, excerpt: string): [number, number][][] {
  const pieces = excerpt.split('…').filter((p) => p !== '');
  const out: [number, number][][] = [];
  const place = (i: number, from: number, acc: [number, number][]): void => {
    if (i === pieces.length) {
      out.push(acc);
      return;
    }
    for (let at = source.indexOf(pieces[i]!, from); at >= 0; at = source.indexOf(pieces[i]!, at + 1)) {
      place(i + 1, at + pieces[i]!.length, [...acc, [at, at + pieces[i]!.length]]);
    }
  };
  place(0, 0, []);
  return out;
}

/** The first unsafe cut of one placement: inside a word, or inside a figure or quotation that fits. */
function unsafeCut(source: string, placed: [number, number][], max: number): string | undefined {
  const inside = insideWords(source);
  // A figure or quotation the limit leaves room for is never cut (a longer one has to be).
  const figures = numberSpans(source).filter((s) => s.end - s.start <= max - 2);
  const quotes = pairedSpans(source).filter((s) => s.end - s.start <= max - 2);
  // A clause boundary's pause (，；：) may be dropped before a …; the cut then sits after it.
  const cuts = placed.flatMap(([a, b]) => [a, /[，,；;：:、\s]/u.test(source[b] ?? '') ? b + 1 : b]).filter((p) => p > 0 && p < source.length);
  for (const p of cuts) {
    if (inside.has(p)) return `cut inside a word at ${p}`;
    if (figures.some((f) => f.start < p && p < f.end)) return `cut inside a figure at ${p}`;
    if (quotes.some((q) => q.start < p && p < q.end)) return `cut inside a quotation at ${p}`;
  }
  return undefined;
}

/** What every trimmed excerpt must hold: the limit, its source's characters, and cuts only where cutting is safe. */
function expectSafeCuts(source: string, excerpt: string, max: number, keep?: string): void {
  expect(excerpt.length).toBeLessThanOrEqual(max);
  const ways = placements(source, excerpt);
  expect(ways.length, `pieces of ${excerpt} come from the source`).toBeGreaterThan(0);
  const problems = ways.map((placed) => unsafeCut(source, placed, max));
  expect(problems.some((p) => p === undefined), `${problems[0]} of ${source} (excerpt ${excerpt})`).toBe(true);
  if (keep !== undefined) expect(excerpt).toContain(keep);
}

describe('trimExcerpt', () => {
  it('leaves a text within the limit as it is', () => {
    expect(trimExcerpt({ text: '水库建成。', max: 10 })).toBe('水库建成。');
  });

  it('drops whole clauses from the end farthest from what it keeps, and marks the cuts', () => {
    const text = '会议在北京召开，水库总库容2.35亿立方米，坝高110米，灌溉面积1.5万亩，工程建设进展顺利。';
    const keep = { start: text.indexOf('坝高'), end: text.indexOf('坝高') + 6 };
    expect(trimExcerpt({ text, max: 20, keep, words })).toBe('…坝高110米，灌溉面积1.5万亩…');
    expect(trimExcerpt({ text, max: 34, keep, words })).toBe('…水库总库容2.35亿立方米，坝高110米，灌溉面积1.5万亩…');
  });

  it('takes back a clause dropped from one end when the other end leaves room for it', () => {
    const text = '会议在北京召开，水库总库容2.35亿立方米，坝高110米，灌溉面积1.5万亩，工程建设进展顺利。';
    const keep = { start: text.indexOf('坝高'), end: text.indexOf('坝高') + 6 };
    expect(trimExcerpt({ text, max: 40, keep, words })).toBe('会议在北京召开，水库总库容2.35亿立方米，坝高110米，灌溉面积1.5万亩…');
  });

  it('never cuts inside a date, a figure or a title, even between words', () => {
    const text = '据悉，2024年11月5日，《昌吉回族自治州水资源保护条例》正式施行，全州水库总库容达到2.35亿立方米。';
    for (const max of [12, 16, 20, 24, 30, 40]) {
      for (const keep of ['2024年11月5日', '2.35亿立方米', '条例']) {
        const at = text.indexOf(keep);
        expectSafeCuts(text, trimExcerpt({ text, max, keep: { start: at, end: at + keep.length }, words }), max);
      }
    }
  });

  it('cuts a quotation too long to show whole at its clauses', () => {
    const text = `他说：“${'我们要坚持绿色发展理念，'.repeat(8)}让果树自然生长。”`;
    const excerpt = trimExcerpt({ text, max: 40, keep: { start: text.indexOf('让果树'), end: text.indexOf('让果树') + 3 }, words });
    expect(excerpt.length).toBeLessThanOrEqual(40);
    expect(excerpt).toContain('让果树自然生长');
  });

  it('holds its guarantees over synthetic text of figures, quotations and clauses', () => {
    const piece = fc.constantFrom('水库', '石门子水库', '2.35亿立方米', '2024年11月5日', '110米', '1.5万', '“绿色发展”', '《昌吉日报》', '（试行）', '，', '；', '：', '。', '建成', '灌溉面积', '唐浩文说');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.integer({ min: 12, max: 200 }), fc.nat(), (pieces, max, k) => {
        const text = pieces.join('');
        const at = Math.min(k % text.length, text.length - 1);
        expectSafeCuts(text, trimExcerpt({ text, max, keep: { start: at, end: at + 1 }, words }), max);
      }),
      // A fixed seed keeps CI repeatable. Seed 1668346445 once failed here: its excerpt was the
      // text's second "2024年11月5日", which the check placed at the first copy, inside a figure.
      { numRuns: 300, seed: 1668346445 },
    );
  });

  it('holds its guarantees over the seed issues, keeping the figure asked about', () => {
    const sentences = seedSentences().filter((s) => s.length > 60 && numberSpans(s).length > 0);
    expect(sentences.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...sentences), fc.integer({ min: 30, max: 200 }), fc.nat(), (text, max, k) => {
        const figures = numberSpans(text);
        const figure = figures[k % figures.length]!;
        const keep = text.slice(figure.start, figure.end);
        expectSafeCuts(text, trimExcerpt({ text, max, keep: figure, words }), max, keep.length <= max - 2 ? keep : undefined);
      }),
      { numRuns: 300 },
    );
  });
});

describe('trimSentence', () => {
  it('keeps the best clause whole and marks the cuts', () => {
    const sentence = '第一分句很长很长很长，水库建成于2000年，第三分句也很长很长，第四分句还有内容。';
    const text = trimSentence(sentence, 24, raterFor('水库'), false, words);
    expect(text).toContain('水库建成于2000年');
    expect(text.length).toBeLessThanOrEqual(24);
    expect(text.startsWith('…')).toBe(true);
  });

  it('gives up rather than cut inside a clause when whole clauses are asked for', () => {
    expect(trimSentence('这是一个非常非常长而且没有任何逗号的分句关于水库的建设。', 10, raterFor('水库'), true, words)).toBeUndefined();
  });

  it('cuts one enormous clause between words, around the question word', () => {
    const sentence = `${'全面推进乡村振兴战略实施'.repeat(6)}石门子水库蓄水2.35亿立方米${'持续改善农村人居环境'.repeat(6)}。`;
    const text = trimSentence(sentence, 40, raterFor('石门子'), false, words);
    expectSafeCuts(sentence, text, 40, '石门子水库');
  });
});

describe('closeQuotes', () => {
  it('takes in the sentence that opens a quotation the range closes', () => {
    const sentences = ['他说：“第一句。', '第二句。”', '后来。'].map((text) => ({ text }));
    expect(closeQuotes(sentences, 1, [1, 2], 100)).toEqual([0, 2]);
  });

  it('takes in the sentence that closes a title the range opens', () => {
    const sentences = ['前言。', '他读了《长篇。', '报告》。'].map((text) => ({ text }));
    expect(closeQuotes(sentences, 1, [0, 1], 100)).toEqual([0, 2]);
  });
});

describe('tidyExcerptEdges', () => {
  it('drops a leading closer and a quotation mark left without its partner', () => {
    expect(tidyExcerptEdges('”水库建成。“他说')).toBe('水库建成。他说');
  });
});
