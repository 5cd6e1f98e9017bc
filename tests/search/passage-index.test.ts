import { describe, expect, it } from 'vitest';
import { createMemoryArchiveStore } from '../../src/archive/open-archive-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { createPassageIndex } from '../../src/search/passage-index.js';
import { normalizeForMatch, toTraditional } from '../../src/text/normalize-for-match.js';
import { potatoIssue } from '../fixtures/search/issues.js';
import { testProfile } from '../support/test-profile.js';

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
});
