import { beforeAll, describe, expect, it } from 'vitest';
import type { Article, Issue } from '../../src/archive/model.js';
import { createSilentLogger } from '../../src/logger.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import type { SearchEngine } from '../../src/search/types.js';
import { testProfile } from '../support/test-profile.js';

// Invented articles: facts printed in the paper's words, asked in a reader's.
const article = (issueId: string, id: string, title: string, paragraphs: string[]): Article => ({
  id, issueId, title, paragraphs, titleDerived: false, kind: 'news', captions: [], topics: [], places: [],
});
const issue = (id: string, date: string, articles: Article[]): Issue => ({
  id, paper: '昌吉日报', date, dateSource: 'masthead', file: `${id}.txt`, boilerplate: [], warnings: [], articles,
});
const issues = (): Issue[] => [
  issue('a', '2025-03-01', [
    article('a', 'dam', '东山水库守护下游安全', [
      '东山水库位于县城以南60公里的山谷中，是一座以防洪为主的水利工程。',
      '在当时，东山水库是全县修建的第一座拱坝。最大坝高80米，坝顶宽5米。',
      '东山水库年平均来水量为0.8亿立方米，可灌溉农田12万亩。',
    ]),
    article('a', 'care', '全县关爱留守儿童', [
      '今年以来，县福利中心联合民政部门开展关爱行动。',
      '全县13个乡镇开展关爱留守儿童活动，为孩子们送去学习用品。',
    ]),
  ]),
  issue('b', '2025-03-08', [
    article('b', 'orchard', '果树修剪技术培训班开班', [
      '3月2日，果树修剪技术培训班在奇台县开班，全县50名果农参加。',
      '此次培训采取集中授课与田间实操相结合的方式，为期5天。',
    ]),
  ]),
];

let engine: SearchEngine;
beforeAll(async () => {
  engine = await createSearchEngine({ issues: issues(), paper: testProfile.paper, profile: testProfile, logger: createSilentLogger(), now: () => new Date('2025-03-10T04:00:00Z') });
});

describe('search outcome for a reader\'s own words', () => {
  it('answers a dimension only with a figure that names it', () => {
    const high = engine.search('东山水库的大坝到底有多高');
    expect(high.outcome).toBe('answer');
    expect(high.results[0]!.excerpt).toContain('80米');
    // 60公里 is a distance, not a height: no figure beside 深 answers how deep.
    expect(engine.search('东山水库有多深').outcome).toBe('related');
  });

  it('does not require a verb the archive never prints (装进来), and finds the figure beside the subject', () => {
    const answer = engine.search('东山水库一年大概能装进来多少水');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('0.8亿立方米');
  });

  it('does not take a figure that counts something else for the count asked', () => {
    // 13个乡镇 counts townships, not children.
    expect(engine.search('县福利中心一共照顾了多少个孩子').outcome).not.toBe('answer');
  });

  it('answers from a sentence that points back to the subject named before it (此次培训)', () => {
    const answer = engine.search('奇台县那个果树培训班用什么方式教果农');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('相结合');
  });

  it('lists the newest issue for a request for the latest reports', () => {
    const answer = engine.search('最新的报道是什么');
    expect(answer.outcome).toBe('answer');
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.every((r) => r.date === '2025-03-08')).toBe(true);
  });

  it('lists the oldest issue for 最早的一期是哪天, and answers 资料库有多少期报纸 from the archive’s own counts (QA A9)', () => {
    const earliest = engine.search('最早的一期是哪天');
    expect(earliest.outcome).toBe('answer');
    expect(earliest.results.length).toBeGreaterThan(0);
    expect(earliest.results.every((r) => r.date === '2025-03-01')).toBe(true);
    expect(engine.search('资料库有多少期报纸')).toMatchObject({
      outcome: 'answer',
      results: [],
      archive: { issues: 2, earliest: { date: '2025-03-01', dateSource: 'masthead' }, latest: { date: '2025-03-08', dateSource: 'masthead' } },
    });
  });

  it('answers weather talk as chat, never with an article', () => {
    expect(engine.search('今天天气怎么样')).toMatchObject({ outcome: 'none', chat: 'chat', results: [] });
  });
});
