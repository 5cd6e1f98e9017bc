import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryArchiveStore } from '../../src/archive/open-archive-store.js';
import { keywordsMatchingNothing } from '../../src/digest/filter-coverage.js';
import { createSilentLogger } from '../../src/logger.js';
import { fixtureIssues } from '../fixtures/search/issues.js';
import { testProfile } from '../support/test-profile.js';

// 丰收农事: a topic name no article prints, tagged on the articles about 马铃薯.
const topics = { topics: [{ name: '丰收农事', keywords: ['马铃薯'] }, { name: '航天科技', keywords: ['火箭'] }], places: [] };
const store = createMemoryArchiveStore({ issues: fixtureIssues(), paper: testProfile.paper, profile: testProfile, logger: createSilentLogger(), topics });
afterAll(() => store.close());

describe('keywordsMatchingNothing', () => {
  it('lists the keywords no article prints and no tagged topic holds', () => {
    expect(keywordsMatchingNothing(store.archive, { include: ['马铃薯', '航天飞机', '志愿服务', 'ＸＹＺ'], exclude: [] })).toEqual(['航天飞机', 'ＸＹＺ']);
  });

  it('counts a keyword inside the name of a topic with articles as matching, but not one of a topic without', () => {
    expect(keywordsMatchingNothing(store.archive, { include: ['农事', '航天'], exclude: [] })).toEqual(['航天']);
  });

  it('has nothing to say about a filter of exclusions only', () => {
    expect(keywordsMatchingNothing(store.archive, { include: [], exclude: ['航天飞机'] })).toEqual([]);
  });
});
