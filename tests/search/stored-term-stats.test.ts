import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/archive/model.js';
import { createMemoryArchiveStore } from '../../src/archive/open-archive-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import { createStoredTermStats } from '../../src/search/stored-term-stats.js';
import { testProfile } from '../support/test-profile.js';

/** An issue whose headline holds words its text never prints (走俏, 吐翠): QA Q9. */
function appleIssue(): Issue {
  return {
    id: 'iss-apple',
    paper: '昌吉日报',
    date: '2024-11-05',
    dateSource: 'masthead',
    number: 12122,
    file: 'apple.txt',
    boilerplate: [],
    warnings: [],
    articles: [
      {
        id: 'apple',
        issueId: 'iss-apple',
        title: '奇台苹果走俏市场 果园新苗吐翠',
        titleDerived: false,
        kind: 'news',
        captions: [],
        topics: [],
        places: [],
        paragraphs: ['本报讯 奇台县今年苹果丰收，客商纷纷上门收购，每公斤售价比去年高出两元。'],
      },
      {
        id: 'school',
        issueId: 'iss-apple',
        title: '奇台县新建一所小学',
        titleDerived: false,
        kind: 'news',
        captions: [],
        topics: [],
        places: [],
        paragraphs: ['本报讯 奇台县新建的第五小学今年秋季开学，可容纳学生一千二百名。'],
      },
    ],
  };
}

describe('createStoredTermStats', () => {
  it('counts a word printed only in a headline by the articles whose headline holds it', () => {
    const store = createMemoryArchiveStore({ issues: [appleIssue()], paper: testProfile.paper, profile: testProfile, logger: createSilentLogger() });
    const stats = createStoredTermStats(store.db);
    expect(stats.wordDf('走俏')).toBe(1);
    expect(stats.bigramDf('吐翠')).toBe(1);
    // A word of the text keeps its count over passages.
    expect(stats.wordDf('苹果')).toBeGreaterThan(0);
    expect(stats.wordDf('从未出现')).toBe(0);
    store.close();
  });

  it('lets a question made of headline-only words find that article (QA Q9)', async () => {
    const engine = await createSearchEngine({ issues: [appleIssue()], paper: testProfile.paper, profile: testProfile, logger: createSilentLogger() });
    for (const question of ['走俏', '新苗吐翠']) {
      const answer = engine.search(question);
      expect(answer.outcome, question).not.toBe('none');
      expect(answer.results[0]?.articleId, question).toBe('apple');
    }
  });
});
