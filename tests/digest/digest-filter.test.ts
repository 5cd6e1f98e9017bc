import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/digest/compose-digest.js';
import { filterProblem, formatDigestFilter, parseDigestFilter } from '../../src/digest/digest-filter.js';
import { issuesOnThisDay } from '../../src/digest/on-this-day.js';
import { makeArchive, makeIssue } from './support/fixtures.js';

const archive = makeArchive([makeIssue('i1', '2024-11-07', 12124)]);
const issue = archive.readIssue('i1')!;
const ids = (filter: string) => composeDigest(issue, { filter })?.items.map((i) => i.articleId) ?? [];

describe('parseDigestFilter', () => {
  it('reads keywords and -exclusions separated by spaces or Chinese punctuation', () => {
    expect(parseDigestFilter('农业 光伏、-广告，－招聘')).toEqual({ include: ['农业', '光伏'], exclude: ['广告', '招聘'] });
  });

  it('round-trips through its stored form', () => {
    const filter = parseDigestFilter('农业 光伏 -广告');
    expect(parseDigestFilter(formatDigestFilter(filter))).toEqual(filter);
    expect(formatDigestFilter({ include: [], exclude: [] })).toBeUndefined();
  });

  it('names a filter with too many or too long terms', () => {
    expect(filterProblem(parseDigestFilter('一 二 三 四 五 六 七 八 九'))).toContain('最多 8 个');
    expect(filterProblem(parseDigestFilter('这是一个远远超过二十个字的关键词而且还在继续写下去'))).toContain('20 个字');
    expect(filterProblem(parseDigestFilter('农业 -广告'))).toBeUndefined();
  });
});

describe('tag terms (a topic or place picked in /settings)', () => {
  // As ingest tags them: the farming article is about 木垒县; the energy article names 木垒 once in passing.
  const tagged = {
    ...issue,
    articles: [
      { ...issue.articles[0]!, topics: ['农业农村'], places: ['木垒县'] },
      { ...issue.articles[1]!, paragraphs: [...issue.articles[1]!.paragraphs, '木垒县的风电项目也在建设中。'], topics: ['工业能源'] },
      issue.articles[2]!,
    ],
  };
  const tagIds = (filter: string) => composeDigest(tagged, { filter })?.items.map((i) => i.articleId) ?? [];

  it('match the place tag only, as /topic selects, not an article naming the place in passing', () => {
    expect(tagIds('#木垒县')).toEqual(['i1-1']);
    // A typed keyword still matches the text.
    expect(tagIds('木垒县')).toEqual(['i1-1', 'i1-2']);
  });

  it('exclude by tag, and read a full-width mark', () => {
    expect(tagIds('-#工业能源')).toEqual(['i1-1', 'i1-3']);
    expect(tagIds('＃农业农村')).toEqual(['i1-1']);
  });
});

describe('digest filters with several keywords and exclusions', () => {
  it('keeps articles that match any of two keywords', () => {
    expect(ids('农业 读书')).toEqual(['i1-1', 'i1-3']);
  });

  it('leaves out an article that contains an excluded word, even when it matches a keyword', () => {
    expect(ids('农业 光伏 -风电')).toEqual(['i1-1']);
  });

  it('with only exclusions keeps every other article', () => {
    expect(ids('-光伏')).toEqual(['i1-1', 'i1-3']);
  });
});

describe('issuesOnThisDay', () => {
  const many = makeArchive([
    makeIssue('a', '2022-11-07', 1),
    makeIssue('b', '2023-11-07', 2),
    makeIssue('c', '2024-11-07', 3),
    makeIssue('d', '2024-11-08', 4),
    { ...makeIssue('e', '2021-11-07', 5), dateSource: 'inferred' },
  ]);

  it('lists earlier years’ issues of the same calendar day, newest year first, no guessed dates', () => {
    expect(issuesOnThisDay(many, '2025-11-07').map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(issuesOnThisDay(many, '2024-11-07').map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('finds nothing on a day no earlier year has', () => {
    expect(issuesOnThisDay(many, '2025-03-01')).toEqual([]);
  });

  it('adds the section to a digest, with how many years ago', () => {
    const digest = composeDigest(many.readIssue('c')!, { onThisDay: issuesOnThisDay(many, '2024-11-07') })!;
    expect(digest.onThisDay?.map((d) => [d.issueId, d.yearsAgo])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    expect(digest.onThisDay?.[0]?.titles[0]?.title).toBe('木垒县冬小麦播种完成');
  });
});
