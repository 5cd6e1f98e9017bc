import { describe, expect, it } from 'vitest';
import { CHARACTER_CREDIT, characterWeights, looseCoverage, looseMatch } from '../../src/search/loose-coverage.js';
import type { WeightedTerm } from '../../src/search/query-model.js';

// Invented character statistics: 小 is common, 孩 rare.
const df: Record<string, number> = { 小: 90, 孩: 5, 网: 20, 上: 95, 站: 30 };
const charDf = (c: string) => df[c] ?? 0;
const term = (word: string, weight = 1): WeightedTerm => ({ term: word, weight, df: 1, chars: characterWeights(word, charDf, 100) });

describe('characterWeights', () => {
  it('weighs a rare character above a common one', () => {
    const [small, child] = characterWeights('小孩', charDf, 100)!;
    expect(child!.weight).toBeGreaterThan(small!.weight);
  });

  it('leaves single characters and Latin words without character weights', () => {
    expect(characterWeights('孩', charDf, 100)).toBeUndefined();
    expect(characterWeights('pm2.5', charDf, 100)).toBeUndefined();
  });
});

describe('looseMatch', () => {
  it('counts the word itself in full', () => {
    expect(looseMatch(term('小孩'), '社区给小孩送书')).toBe(1);
  });

  it('gives partial credit, weighted by the shared character\'s rarity, when the text says it in other words', () => {
    const shared = looseMatch(term('小孩'), '党员给孩子买了书');
    expect(shared).toBeGreaterThan(CHARACTER_CREDIT / 2);
    expect(shared).toBeLessThan(CHARACTER_CREDIT);
    // Sharing only the common character is worth less than sharing the rare one.
    expect(looseMatch(term('小孩'), '小区门口修了路')).toBeLessThan(shared);
  });

  it('gives nothing when no character is shared', () => {
    expect(looseMatch(term('网上'), '开幕式在礼堂举行')).toBe(0);
  });
});

describe('looseCoverage', () => {
  it('ranks a window that shares a reader word\'s characters above one that shares none', () => {
    const terms = [term('开幕式', 2), term('网上', 1)];
    const streamed = looseCoverage(terms, '开幕式全程进行网络直播');
    const held = looseCoverage(terms, '开幕式在礼堂举行');
    expect(streamed).toBeGreaterThan(held);
    expect(streamed).toBeLessThan(1);
  });
});
