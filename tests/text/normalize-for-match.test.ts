import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForMatch, normalizeForMatch, normalizeWithMap, simplifyFolded, toTraditional } from '../../src/text/normalize-for-match.js';

describe('normalizeForMatch', () => {
  it('folds full-width letters and digits to lowercase half-width', () => {
    expect(normalizeForMatch('ＰＭ２．５和ＡＢＣ')).toBe('pm2.5和abc');
  });

  it('converts traditional characters to simplified', () => {
    expect(normalizeForMatch('昌吉州有多少個體育場館')).toBe('昌吉州有多少个体育场馆');
    expect(normalizeForMatch('木壘縣冬小麥長勢喜人')).toBe('木垒县冬小麦长势喜人');
  });

  it('leaves simplified Chinese characters as they are', () => {
    const text = '石门子水库是1998年6月开始兴建的干部群众都来了';
    expect(normalizeForMatch(text)).toBe(text);
  });

  it('folds full-width punctuation with the rest of the text', () => {
    expect(normalizeForMatch('兴建的，干部（群众）')).toBe('兴建的,干部(群众)');
  });

  it('brings a traditional rewrite of simplified text back to the same text', () => {
    for (const text of ['昌吉州全民终身学习活动周启动', '准东煤田火区治理持续推进', '国网昌吉供电公司开展志愿服务']) {
      expect(normalizeForMatch(toTraditional(text))).toBe(text);
    }
  });
});

describe('foldForMatch', () => {
  it('folds width and case but leaves traditional characters to simplifyFolded', () => {
    expect(foldForMatch('ＡＢ臺灣，ok')).toBe('ab臺灣,ok');
    expect(simplifyFolded(foldForMatch('ＡＢ臺灣，ok'))).toBe('ab台湾,ok');
  });

  it('followed by simplifyFolded gives normalizeForMatch for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Q', 'Ｂ', '１', '臺', '灣', '乾', '隆', '县', '，', '①', '㎡', ' ', '😀', '\u0130') }), (s) => {
        expect(simplifyFolded(foldForMatch(s))).toBe(normalizeForMatch(s));
        expect(normalizeForMatch(s)).toBe(normalizeWithMap(s).text);
      }),
      { numRuns: 300 },
    );
  });
});

/** The per-character definition of the map (each unit of a character's normalisation points at it), as an oracle. */
function referenceMap(text: string): number[] {
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < n.length; k++) origin.push(i);
    i += ch.length;
  }
  return origin;
}

describe('normalizeWithMap', () => {
  it('gives the per-character map for any text, expansions and surrogate pairs included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Q', 'Ｂ', '１', '臺', '县', '，', '①', '㎡', '\ufdfa', ' ', '😀', '𝐀', '\u0130') }), (s) => {
        expect([...normalizeWithMap(s).origin]).toEqual(referenceMap(s));
      }),
      { numRuns: 300 },
    );
  });

  it('maps every normalised character back to the character it came from', () => {
    const { text, origin } = normalizeWithMap('Ａ①臺灣');
    expect(text).toBe('a1台湾');
    expect([...origin]).toEqual([0, 1, 2, 3]);
  });

  it('keeps the map ordered and in range for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Ｂ', '１', '臺', '灣', '县', '，', '①', '㎡', ' ', '😀') }), (s) => {
        const { text, origin } = normalizeWithMap(s);
        expect(origin.length).toBe(text.length);
        for (let i = 0; i < origin.length; i++) {
          expect(origin[i]).toBeGreaterThanOrEqual(i > 0 ? origin[i - 1]! : 0);
          expect(origin[i]).toBeLessThan(s.length);
        }
        expect(normalizeForMatch(s)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
