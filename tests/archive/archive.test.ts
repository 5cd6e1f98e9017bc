import { describe, expect, it } from 'vitest';
import { createArchive } from '../../src/archive/archive.js';
import type { Article, Issue } from '../../src/archive/model.js';
import type { TopicsConfig } from '../../src/archive/topics-config.js';

const paper = { name: '测试日报', timeZone: 'Asia/Shanghai', mastheadMarkers: [] };
const topics: TopicsConfig = {
  topics: [
    { name: '农业农村', keywords: ['小麦', '农田', '种植'] },
    { name: '生态环境', keywords: ['空气', '污染'] },
  ],
  places: [
    { name: '木垒县', aliases: ['木垒县', '木垒'] },
    { name: '昌吉市', aliases: ['昌吉市'] },
  ],
};

function article(id: string, title: string, paragraphs: string[]): Article {
  return { id, issueId: '', title, titleDerived: false, kind: 'news', paragraphs, captions: [], topics: [], places: [] };
}

function issue(id: string, date: string, number: number | undefined, articles: Article[]): Issue {
  return {
    id,
    paper: paper.name,
    date,
    dateSource: 'inferred',
    number,
    file: `${id}.txt`,
    articles: articles.map((a) => ({ ...a, issueId: id })),
    boilerplate: [],
    warnings: [],
  };
}

const wheat = article('a1', '木垒县冬小麦长势喜人', ['木垒县高标准农田里的冬小麦陆续出苗，种植户查看小麦。']);
const air = article('b1', '昌吉市空气质量改善', ['昌吉市空气优良率提高，污染天数减少。']);
const other = article('c1', '一则简讯', ['今天天气晴朗。']);

describe('createArchive', () => {
  const archive = createArchive([issue('i3', '2024-11-09', 3, [other]), issue('i1', '2024-11-01', 1, [wheat]), issue('i2', '2024-11-05', 2, [air])], {
    paper,
    topics,
  });

  it('keeps issues oldest first and knows the newest', () => {
    expect(archive.issues().map((i) => i.id)).toEqual(['i1', 'i2', 'i3']);
    expect(archive.latest()?.id).toBe('i3');
    expect(archive.dateRange()).toEqual({ first: '2024-11-01', last: '2024-11-09' });
  });

  it('finds issues by date and by number, and their neighbours', () => {
    expect(archive.issuesOn('2024-11-05').map((i) => i.id)).toEqual(['i2']);
    expect(archive.issueByNumber(3)?.id).toBe('i3');
    expect(archive.neighbours('i2')).toMatchObject({ previous: { id: 'i1' }, next: { id: 'i3' } });
    expect(archive.neighbours('i1').previous).toBeUndefined();
  });

  it('offers the nearest issues around a day without one', () => {
    const { before, after } = archive.nearest('2024-11-07');
    expect(before?.id).toBe('i2');
    expect(after?.id).toBe('i3');
    expect(archive.nearest('2025-01-01').after).toBeUndefined();
  });

  it('tags articles with topics and places from their content', () => {
    expect(archive.article('a1')?.article.topics).toEqual(['农业农村']);
    expect(archive.article('a1')?.article.places).toEqual(['木垒县']);
    expect(archive.article('b1')?.article.topics).toEqual(['生态环境']);
    expect(archive.article('c1')?.article.topics).toEqual([]);
    expect(archive.articlesByTopic('昌吉市').map((r) => r.article.id)).toEqual(['b1']);
    expect(archive.topics().find((t) => t.name === '农业农村')).toEqual({ name: '农业农村', kind: 'topic', count: 1 });
  });

  it('takes a new issue while running and replaces one from the same file', () => {
    const a = createArchive([issue('i1', '2024-11-01', 1, [wheat])], { paper, topics });
    const v = a.version;
    a.upsertIssue(issue('i9', '2024-12-01', 9, [air]));
    expect(a.latest()?.id).toBe('i9');
    expect(a.article('b1')?.issue.id).toBe('i9');
    expect(a.version).toBeGreaterThan(v);
    a.upsertIssue({ ...issue('i9', '2024-12-01', 9, [other]) });
    expect(a.issues()).toHaveLength(2);
    expect(a.article('b1')).toBeUndefined();
    expect(a.article('c1')?.issue.id).toBe('i9');
  });

  it('drops the issue of a deleted file', () => {
    const a = createArchive([issue('i1', '2024-11-01', 1, [wheat]), issue('i2', '2024-11-05', 2, [air])], { paper, topics });
    expect(a.removeIssue('i2.txt')?.id).toBe('i2');
    expect(a.latest()?.id).toBe('i1');
    expect(a.article('b1')).toBeUndefined();
    expect(a.removeIssue('nope.txt')).toBeUndefined();
  });

  it('tags no county from passing mentions in a report about the whole region', () => {
    const withRegion: TopicsConfig = { ...topics, region: { name: '昌吉州', aliases: ['昌吉州', '全州'] } };
    const regional = article('r1', '昌吉州社会工作一年间', ['昌吉州党委社会工作部成立一年。全州新建驿站。昌吉州推进基层治理，木垒县一处工作室运营。昌吉州表彰先进。']);
    const local = article('l1', '木垒县冬小麦长势喜人', ['木垒县种植冬小麦，全州领先。']);
    const a = createArchive([issue('i1', '2024-11-01', 1, [regional, local])], { paper, topics: withRegion });
    expect(a.article('r1')?.article.places).toEqual([]);
    expect(a.article('l1')?.article.places).toEqual(['木垒县']);
  });
});
