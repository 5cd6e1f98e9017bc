import { describe, expect, it } from 'vitest';
import { createArchive } from '../../../src/archive/archive.js';
import { renderArchiveFacts, renderNumberHint } from '../../../src/telegram/format/render-guide.js';
import { makeFixtureIssues, PAPER, TOPICS } from '../support/archive-fixture.js';

describe('renderNumberHint', () => {
  it('quotes an example question with its own ？ and no full stop doubled after it', () => {
    const archive = createArchive(makeFixtureIssues(), { paper: { ...PAPER, exampleQuestions: ['昌吉州的空气质量怎么样？'] }, topics: TOPICS });
    const text = renderNumberHint('2', archive).text;
    expect(text).toContain('例如：昌吉州的空气质量怎么样？');
    expect(text).not.toMatch(/[？?！!。]。/u);
  });
});

describe('renderArchiveFacts', () => {
  it('says how many articles and which years the archive holds, besides its issues', () => {
    const issues = makeFixtureIssues();
    const archive = createArchive(issues, { paper: PAPER, topics: TOPICS });
    const text = renderArchiveFacts(archive).text;
    const articles = issues.reduce((n, i) => n + i.articles.length, 0);
    expect(articles).toBeGreaterThan(0);
    expect(text).toContain(`共 ${articles} 篇文章`);
    for (const year of new Set(issues.map((i) => i.date.slice(0, 4)))) expect(text).toContain(`${year}年`);
  });
});
