import { afterAll, describe, expect, it } from 'vitest';
import { createArchive } from '../../src/archive/archive.js';
import { createMemoryArchiveStore } from '../../src/archive/open-archive-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { toTraditional } from '../../src/text/normalize-for-match.js';
import { fixtureIssues } from '../fixtures/search/issues.js';
import { testProfile } from '../support/test-profile.js';

const paper = testProfile.paper;
const store = createMemoryArchiveStore({ issues: fixtureIssues(), paper, profile: testProfile, logger: createSilentLogger() });
const memory = createArchive(fixtureIssues(), { paper, topics: { topics: [], places: [] } });
afterAll(() => store.close());

/** Articles printing `term`, counted by reading every article (what the index must agree with). */
const byReading = (term: string) => fixtureIssues().flatMap((i) => i.articles).filter((a) => [a.kicker, a.title, a.subtitle, ...a.paragraphs, ...a.captions].join('\n').includes(term)).length;

describe('Archive.countArticlesWith', () => {
  it('counts the articles printing a word, as reading them would', () => {
    for (const term of ['马铃薯', '志愿服务', '供暖', '检查']) {
      expect(byReading(term)).toBeGreaterThan(0);
      expect(store.archive.countArticlesWith(term)).toBe(byReading(term));
      expect(memory.countArticlesWith(term)).toBe(byReading(term));
    }
  });

  it('finds a word printed only in a headline or kicker', () => {
    expect(store.archive.countArticlesWith('科技助农')).toBe(1);
    expect(memory.countArticlesWith('科技助农')).toBe(1);
  });

  it('counts nothing for a word never printed, even when its characters are printed apart', () => {
    // 薯 and 马 are both printed, never as 薯马.
    expect(byReading('薯马')).toBe(0);
    expect(store.archive.countArticlesWith('薯马')).toBe(0);
    expect(store.archive.countArticlesWith('航天飞机')).toBe(0);
    expect(memory.countArticlesWith('航天飞机')).toBe(0);
  });

  it('folds traditional characters and width as search does', () => {
    expect(store.archive.countArticlesWith(toTraditional('马铃薯'))).toBe(byReading('马铃薯'));
    expect(store.archive.countArticlesWith('１２万亩')).toBe(byReading('12万亩'));
  });

  it('stops counting at the limit', () => {
    expect(byReading('的')).toBeGreaterThan(1);
    expect(store.archive.countArticlesWith('检查', 1)).toBe(1);
    expect(store.archive.countArticlesWith('的', 1)).toBe(1);
    expect(store.archive.countArticlesWith('', 5)).toBe(0);
  });
});
