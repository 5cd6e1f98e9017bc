import { createArchive, type Archive } from '../../../src/archive/archive.js';
import type { Article, DateSource, Issue } from '../../../src/archive/model.js';
import type { PaperConfig } from '../../../src/config.js';
import type { TopicsConfig } from '../../../src/archive/topics-config.js';

export const PAPER: PaperConfig = { name: '昌吉日报', timeZone: 'Asia/Shanghai', mastheadMarkers: [] };

export const TOPICS: TopicsConfig = {
  topics: [
    { name: '农业农村', keywords: ['小麦', '播种', '农田'] },
    { name: '社会治理', keywords: ['社区', '网格'] },
    { name: '文化旅游', keywords: ['旅游', '景区'] },
  ],
  places: [
    { name: '木垒县', aliases: ['木垒县', '木垒'] },
    { name: '昌吉市', aliases: ['昌吉市'] },
  ],
};

export function makeArticle(issueId: string, id: string, title: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  return { id, issueId, title, titleDerived: false, kind: 'news', paragraphs, captions: [], topics: [], places: [], ...extra };
}

export function makeIssue(id: string, date: string, articles: Article[], extra: { number?: number; dateSource?: DateSource } = {}): Issue {
  return {
    id,
    paper: PAPER.name,
    date,
    dateSource: extra.dateSource ?? 'masthead',
    number: extra.number,
    file: `${id}.txt`,
    articles,
    boilerplate: [],
    warnings: [],
  };
}

/** Sentences of about 50 characters each, numbered so a test can see none was lost. */
export function longParagraphs(paragraphs: number, sentencesEach: number): string[] {
  return Array.from({ length: paragraphs }, (_, p) =>
    Array.from({ length: sentencesEach }, (_, s) => `第${p + 1}段第${s + 1}句讲述木垒县冬小麦的田间管理和节水滴灌技术的推广情况。`).join(''),
  );
}

/**
 * Three issues: 2024-11-07 (№12124), 2024-11-08 (№12125, with an 11,000-character article and a
 * headline containing `<` and `&`), and 2024-11-11 whose date is inferred (no number). 11-09 and
 * 11-10 have none.
 */
export function makeFixtureIssues(): Issue[] {
  return [
    makeIssue(
      'i1107',
      '2024-11-07',
      [
        makeArticle('i1107', 'a1107w', '木垒县冬小麦播种面积达12万亩', ['木垒县今年冬小麦播种面积达12万亩，比去年增加1万亩。', '农技人员深入农田指导播种。'], {
          kicker: '抢抓农时',
          byline: '本报记者 杨鹤',
        }),
        makeArticle('i1107', 'a1107s', '昌吉市社区网格化治理见成效', ['昌吉市推行社区网格化治理，居民诉求办结率提升。']),
      ],
      { number: 12124 },
    ),
    makeIssue(
      'i1108',
      '2024-11-08',
      [
        makeArticle('i1108', 'a1108long', '木垒县冬小麦田间管理纪实', longParagraphs(16, 22)),
        makeArticle('i1108', 'a1108amp', '“A&B<公司>”落户准东', ['A&B<公司>的新工厂在准东投产，年产值可达10亿元。']),
      ],
      { number: 12125 },
    ),
    makeIssue(
      'i1111',
      '2024-11-11',
      [makeArticle('i1111', 'a1111t', '天山天池景区冬季旅游升温', ['天山天池景区推出冬季旅游线路，游客人数同比增长。'])],
      { dateSource: 'inferred' },
    ),
  ];
}

export function makeFixtureArchive(issues: Issue[] = makeFixtureIssues()): Archive {
  return createArchive(issues, { paper: PAPER, topics: TOPICS });
}

/** `count` small issues on consecutive days from 2024-10-01, for paging tests. */
export function makeManyIssues(count: number): Issue[] {
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(2024, 9, 1 + i)).toISOString().slice(0, 10);
    const id = `d${date.replace(/-/g, '')}`;
    return makeIssue(id, date, [makeArticle(id, `${id}a`, `第${i + 1}期头条`, [`第${i + 1}期的新闻。`])], { number: 12000 + i });
  });
}
