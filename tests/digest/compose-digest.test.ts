import { describe, expect, it } from 'vitest';
import { composeDigest, leadOf } from '../../src/digest/compose-digest.js';
import { makeArchive, makeArticle, makeIssue } from './support/fixtures.js';

const issue = makeArchive([makeIssue('i1', '2024-11-07', 12124)]).latest()!;

describe('composeDigest', () => {
  it('lists every article with its headline, lead and tags', () => {
    const digest = composeDigest(issue)!;
    expect(digest).toMatchObject({ issueId: 'i1', date: '2024-11-07', number: 12124, issueArticles: 3 });
    expect(digest.items.map((i) => i.title)).toEqual(issue.articles.map((a) => a.title));
    expect(digest.items[0]!.tags).toEqual(expect.arrayContaining(['农业农村', '木垒县']));
  });

  it('keeps only articles tagged with the filter topic', () => {
    const digest = composeDigest(issue, { filter: '农业' })!;
    expect(digest.filter).toBe('农业');
    expect(digest.items.map((i) => i.articleId)).toEqual(['i1-1']);
  });

  it('falls back to the article text for a keyword that is no tag', () => {
    expect(composeDigest(issue, { filter: '读书' })!.items.map((i) => i.articleId)).toEqual(['i1-3']);
  });

  it('matches a keyword typed in traditional characters or full width', () => {
    expect(composeDigest(issue, { filter: '農業' })!.items.map((i) => i.articleId)).toEqual(['i1-1']);
    expect(composeDigest(issue, { filter: '讀書' })!.items.map((i) => i.articleId)).toEqual(['i1-3']);
  });

  it('gives nothing when no article matches, so nothing is sent', () => {
    expect(composeDigest(issue, { filter: '航天' })).toBeUndefined();
  });
});

describe('leadOf', () => {
  it('takes the first sentence after the dateline', () => {
    const article = { ...makeArticle('x', 1, '标题', '新华社北京11月6日电 第一句话。第二句话。'), dateline: '新华社北京11月6日电' };
    expect(leadOf(article)).toBe('第一句话。');
  });

  it('shortens a very long sentence', () => {
    const lead = leadOf(makeArticle('x', 1, '标题', '长'.repeat(200)));
    expect(lead.length).toBe(60);
    expect(lead.endsWith('…')).toBe(true);
  });
});
