import { describe, expect, it } from 'vitest';
import { expectedEvidenceOf, showsEvidence } from '../../src/search/expected-evidence.js';

describe('expectedEvidenceOf', () => {
  it('reads a purpose, a stage or several things asked', () => {
    expect(expectedEvidenceOf('这座新楼是干什么用的')).toBe('purpose');
    expect(expectedEvidenceOf('那条新路修到什么阶段了')).toBe('stage');
    expect(expectedEvidenceOf('村里种了哪些作物', true)).toBe('list');
  });

  it('expects nothing of a plain what question', () => {
    expect(expectedEvidenceOf('这次活动的主题是什么')).toBeUndefined();
  });
});

describe('showsEvidence', () => {
  it('finds a purpose stated as 以…为主 or 用于', () => {
    expect(showsEvidence('purpose', '这是一座以防洪为主的水利工程')).toBe(true);
    expect(showsEvidence('purpose', '资金专门用于道路维修')).toBe(true);
    expect(showsEvidence('purpose', '新楼今年五月竣工')).toBe(false);
  });

  it('finds a stage or a progress', () => {
    expect(showsEvidence('stage', '果园已进入盛果期')).toBe(true);
    expect(showsEvidence('stage', '基础浇筑完成84%')).toBe(true);
    expect(showsEvidence('stage', '果园位于县城东边')).toBe(false);
  });

  it('finds an enumeration or a run of titles', () => {
    expect(showsEvidence('list', '村里种植玉米、小麦、棉花')).toBe(true);
    expect(showsEvidence('list', '《文明条例》《燃气办法》被采纳')).toBe(true);
    expect(showsEvidence('list', '村里种植玉米')).toBe(false);
  });
});
