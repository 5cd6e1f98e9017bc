import { beforeAll, describe, expect, it } from 'vitest';
import { buildPassages } from '../../src/archive/build-passages.js';
import { loadPaperConfig } from '../../src/config.js';
import { createSilentLogger } from '../../src/logger.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import type { SearchEngine } from '../../src/search/types.js';
import { toTraditional } from '../../src/text/normalize-for-match.js';
import { fixtureIssues, potatoIssue } from '../fixtures/search/issues.js';

const paper = loadPaperConfig('config');
const now = () => new Date('2024-11-09T02:00:00Z'); // 2024-11-09 10:00 in Asia/Shanghai
let engine: SearchEngine;

beforeAll(async () => {
  engine = await createSearchEngine({ issues: fixtureIssues(), paper, configDir: 'config', logger: createSilentLogger(), now });
});

const squash = (s: string) => s.replace(/\s+/g, '');

describe('createSearchEngine', () => {
  it('indexes every passage of every article', () => {
    const expected = fixtureIssues().reduce((n, i) => n + i.articles.reduce((m, a) => m + buildPassages(a).length, 0), 0);
    expect(engine.passageCount).toBe(expected);
  });

  it('puts the sentence that answers the question in the first excerpt', () => {
    const { results } = engine.search('奇台县马铃薯平均亩产多少');
    expect(results[0]?.articleId).toBe('potato');
    expect(squash(results[0]!.excerpt)).toContain('平均亩产3.2吨');
  });

  it('prefers the sentence with a figure in the unit asked for', () => {
    const { results } = engine.search('污水处理厂每天能处理多少吨污水');
    expect(results[0]?.articleId).toBe('sewage');
    expect(results[0]!.excerpt).toContain('2万吨');
  });

  it('cites headline, kicker, paper, date, how the date is known and the issue number', () => {
    const first = engine.search('奇台县马铃薯丰收').results[0]!;
    expect(first).toMatchObject({
      articleId: 'potato',
      issueId: 'iss-a',
      title: '奇台县马铃薯喜获丰收',
      kicker: '科技助农 产业兴旺',
      paper: '昌吉日报',
      date: '2024-11-07',
      dateSource: 'masthead',
      issueNumber: 12124,
    });
    expect(first.passageId.startsWith('potato#')).toBe(true);
    expect(engine.search('石城子水库').results[0]).toMatchObject({ date: '2023-05-10', dateSource: 'inferred' });
  });

  it('keeps every excerpt within 200 characters and made of whole sentences', () => {
    for (const q of ['志愿服务', '社区志愿服务队有多少名志愿者', '供暖安全检查排查了多少隐患', '石城子水库什么时候建的']) {
      for (const r of engine.search(q, { limit: 10 }).results) {
        expect(r.excerpt.length).toBeLessThanOrEqual(200);
        expect(r.excerpt).toMatch(/[。！？”]$/u);
      }
    }
  });

  it('returns the matched terms as they appear in the excerpt', () => {
    const first = engine.search('玛纳斯县污水处理厂').results[0]!;
    expect(first.highlights.length).toBeGreaterThan(0);
    for (const h of first.highlights) expect(first.excerpt).toContain(h);
    expect(first.highlights.some((h) => h.includes('污水处理厂'))).toBe(true);
  });

  it('finds the simplified archive from a question in traditional characters', () => {
    const question = toTraditional('奇台县马铃薯平均亩产多少');
    expect(question).not.toBe('奇台县马铃薯平均亩产多少');
    const first = engine.search(question).results[0]!;
    expect(first.articleId).toBe('potato');
    expect(first.excerpt).toContain('3.2吨');
    expect(first.highlights).toContain('马铃薯');
  });

  it('returns nothing rather than a random passage when nothing is relevant', () => {
    for (const q of ['今年世界杯在哪里举办', '怎么申请美国签证', '明天上海会下雨吗', '量子计算机的原理是什么']) {
      expect(engine.search(q).results).toEqual([]);
    }
  });

  it('returns nothing for a question made only of question words', () => {
    expect(engine.search('是什么呢？').results).toEqual([]);
  });

  it('never lets one article fill the top three', () => {
    const ids = engine.search('志愿服务', { limit: 3 }).results.map((r) => r.articleId);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pages through results with offset and limit', () => {
    const all = engine.search('志愿服务', { limit: 10 }).results.map((r) => r.articleId);
    const second = engine.search('志愿服务', { limit: 1, offset: 1 }).results.map((r) => r.articleId);
    expect(second).toEqual(all.slice(1, 2));
  });
});

describe('createSearchEngine query understanding', () => {
  it('turns a date in the question into a filter and lists that issue', () => {
    const answer = engine.search('2024年11月8日的报纸');
    expect(answer.filters).toEqual({ date: '2024-11-08' });
    expect(answer.results.map((r) => r.articleId).sort()).toEqual(['sewage', 'volunteer2']);
  });

  it('searches only the issues a date names', () => {
    const answer = engine.search('11月8日的志愿服务');
    expect(answer.filters).toEqual({ date: '2024-11-08' });
    expect(answer.results.map((r) => r.articleId)).toEqual(['volunteer2']);
  });

  it('turns an issue number into a filter', () => {
    const answer = engine.search('第12124期 马铃薯');
    expect(answer.filters).toEqual({ issueNumber: 12124 });
    expect(answer.results[0]?.articleId).toBe('potato');
  });

  it('turns a month into a date range', () => {
    const answer = engine.search('2024年11月有哪些关于志愿服务的报道');
    expect(answer.filters).toEqual({ dateFrom: '2024-11-01', dateTo: '2024-11-30' });
    for (const r of answer.results) expect(r.date.startsWith('2024-11')).toBe(true);
  });

  it('reads relative dates against the injected clock', () => {
    expect(engine.search('昨天的报纸').filters).toEqual({ date: '2024-11-08' });
  });

  it('searches everything when a date belongs to what is asked, not to the issue', () => {
    const answer = engine.search('1975年3月始建的水库');
    expect(answer.filters).toEqual({});
    expect(answer.results[0]?.articleId).toBe('reservoir');
  });

  it('never drops filters the caller gives', () => {
    const answer = engine.search('石城子水库', { filters: { date: '2024-11-07' } });
    expect(answer.filters).toEqual({ date: '2024-11-07' });
    expect(answer.results).toEqual([]);
  });
});

describe('createSearchEngine searchTitles', () => {
  it('finds articles by headline', () => {
    expect(engine.searchTitles('污水处理厂')[0]?.articleId).toBe('sewage');
  });

  it('ignores words that only occur in bodies', () => {
    expect(engine.searchTitles('脱毒种薯')).toEqual([]);
  });
});

describe('createSearchEngine upsertIssue', () => {
  it('adds a new issue and replaces an issue from the same file', async () => {
    const local = await createSearchEngine({ issues: [potatoIssue()], paper, configDir: 'config', logger: createSilentLogger(), now });
    expect(local.search('石城子水库').results).toEqual([]);
    const before = local.passageCount;

    const reservoir = fixtureIssues()[2]!;
    local.upsertIssue(reservoir);
    expect(local.search('石城子水库').results[0]?.articleId).toBe('reservoir');
    expect(local.passageCount).toBeGreaterThan(before);

    const replaced = { ...reservoir, id: 'iss-c2', articles: reservoir.articles.map((a) => ({ ...a, id: 'reservoir2', issueId: 'iss-c2' })) };
    local.upsertIssue(replaced);
    const ids = local.search('石城子水库', { limit: 10 }).results.map((r) => r.articleId);
    expect(ids).toEqual(['reservoir2']);
  });
});
