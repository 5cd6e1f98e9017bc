import { describe, expect, it } from 'vitest';
import { expansionOf, parseSynonyms } from '../../src/search/expand-query.js';

describe('parseSynonyms', () => {
  it('makes every word of a group stand for the others, comments and blank lines skipped', () => {
    const s = parseSynonyms('# 注释\n\n看病 就医 就诊\n');
    expect(s.get('看病')).toEqual(['就医', '就诊']);
    expect(s.get('就诊')).toEqual(['看病', '就医']);
    expect(s.has('# 注释')).toBe(false);
  });

  it('never offers a single character as an expansion, but lets it look up its group', () => {
    const s = parseSynonyms('盖 修建 建设');
    expect(s.get('盖')).toEqual(['修建', '建设']);
    expect(s.get('修建')).toEqual(['建设']);
  });
});

describe('expansionOf', () => {
  it('matches a two-character word inside a longer term holding its characters in order', () => {
    const { abbreviation } = expansionOf('医保', new Map());
    expect(abbreviation?.test('城乡居民医疗保险参保率')).toBe(true);
    expect(abbreviation?.test('医保')).toBe(false);
    expect(abbreviation?.test('保险医疗')).toBe(false);
  });
});
