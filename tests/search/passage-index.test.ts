import { describe, expect, it } from 'vitest';
import { createMemoryArchiveStore } from '../../src/archive/open-archive-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { createPassageIndex } from '../../src/search/passage-index.js';
import { normalizeForMatch, toTraditional } from '../../src/text/normalize-for-match.js';
import { buildQueryModel } from '../../src/search/query-model.js';
import { fixtureIssues, potatoIssue } from '../fixtures/search/issues.js';
import { profileTokenizer, testProfile } from '../support/test-profile.js';

describe('createPassageIndex', () => {
  it('reads each passage with its normalised text as stored at ingest, traditional characters simplified', () => {
    const traditional = potatoIssue();
    traditional.articles = traditional.articles.map((a) => ({ ...a, paragraphs: a.paragraphs.map(toTraditional) }));
    const store = createMemoryArchiveStore({ issues: [traditional], paper: testProfile.paper, profile: testProfile, logger: createSilentLogger() });
    const index = createPassageIndex({ db: store.db, archive: store.archive });
    const records = traditional.articles.flatMap((a) => index.passagesOfArticle(a.id));
    expect(records.length).toBeGreaterThan(3);
    expect(records.some((r) => r.passage.text.includes('種植'))).toBe(true);
    for (const r of records) expect(r.norm).toBe(normalizeForMatch(r.passage.text));
    store.close();
  });

  it('gives each candidate its own article\'s head (headline, tags) and issue', () => {
    const issue = potatoIssue();
    const store = createMemoryArchiveStore({ issues: [issue], paper: testProfile.paper, profile: testProfile, logger: createSilentLogger() });
    const index = createPassageIndex({ db: store.db, archive: store.archive });
    const records = issue.articles.flatMap((a) => index.passagesOfArticle(a.id));
    expect(records.length).toBeGreaterThan(3);
    for (const r of records) {
      const head = store.archive.issueById(issue.id)?.articles.find((a) => a.id === r.passage.articleId);
      expect(r.article).toEqual(head);
      expect(r.issue.id).toBe(issue.id);
    }
    store.close();
  });

  it('ranks within the issues of a scope exactly as over the whole archive, keeping only theirs', () => {
    const issues = fixtureIssues();
    const store = createMemoryArchiveStore({ issues, paper: testProfile.paper, profile: testProfile, logger: createSilentLogger() });
    const index = createPassageIndex({ db: store.db, archive: store.archive });
    const question = '马铃薯丰收 污水处理厂 水库加固 志愿服务';
    const model = buildQueryModel(profileTokenizer().query(question), index.stats, question, { maxPostingsRatio: Infinity, maxDfRatio: 1 });
    const all = index.rank(model).map((c) => c.record);
    const issueIds = new Set(all.map((r) => r.issue.id));
    expect(issueIds.size).toBeGreaterThan(1);
    for (const id of issueIds) {
      const scoped = index.rank(model, undefined, { issueIds: [id] }).map((c) => c.record.key);
      expect(scoped.length).toBeGreaterThan(0);
      expect(scoped).toEqual(all.filter((r) => r.issue.id === id).map((r) => r.key));
    }
    store.close();
  });
});
