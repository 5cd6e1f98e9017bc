import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/archive/model.js';
import { createMemoryArchiveStore } from '../../src/archive/open-archive-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { createHeadlineIndex } from '../../src/search/headline-index.js';
import { fixtureIssues } from '../fixtures/search/issues.js';
import { profileTokenizer, testProfile } from '../support/test-profile.js';

function open() {
  const store = createMemoryArchiveStore({ issues: fixtureIssues(), paper: testProfile.paper, profile: testProfile, logger: createSilentLogger() });
  return { store, index: createHeadlineIndex({ db: store.db, archive: store.archive, tokenizer: profileTokenizer() }) };
}

/** An issue with one headline no fixture shares a character with at its start (呼). */
function greenhouseIssue(): Issue {
  return {
    id: 'iss-d',
    paper: '昌吉日报',
    date: '2024-11-09',
    dateSource: 'masthead',
    number: 12126,
    file: 'd.txt',
    boilerplate: [],
    warnings: [],
    articles: [
      { id: 'greenhouse', issueId: 'iss-d', title: '呼图壁县新建蔬菜大棚', titleDerived: false, kind: 'news', captions: [], topics: [], places: [], paragraphs: ['本报讯 呼图壁县今年新建日光温室大棚一百座，冬季蔬菜供应更加充足。'] },
    ],
  };
}

describe('createHeadlineIndex', () => {
  it('finds a headline from the first character of a word being typed, before and after its vocabulary is loaded', async () => {
    const { store, index } = open();
    const before = index.search('玛').map((h) => h.articleId);
    expect(before.length).toBeGreaterThan(0);
    await index.load();
    expect(index.search('玛').map((h) => h.articleId)).toEqual(before);
    expect(before[0]).toBe(store.archive.issues().flatMap((i) => i.articles).find((a) => a.title.startsWith('玛纳斯县'))?.id);
    store.close();
  });

  it('answers while the vocabulary is loading', async () => {
    const { store, index } = open();
    const loading = index.load();
    expect(index.search('石城子水库').length).toBeGreaterThan(0);
    await loading;
    expect(index.search('石城子水库').length).toBeGreaterThan(0);
    store.close();
  });

  it('adds the headline words of an issue written after loading', async () => {
    const { store, index } = open();
    await index.load();
    expect(index.search('呼')).toEqual([]);
    store.archive.upsertIssue(greenhouseIssue());
    expect(index.search('呼').map((h) => h.articleId)).toEqual(['greenhouse']);
    store.close();
  });

  it('finds nothing for words printed only in article text', async () => {
    const { store, index } = open();
    await index.load();
    expect(index.search('脱毒种薯')).toEqual([]);
    store.close();
  });
});
