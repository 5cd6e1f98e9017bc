import { describe, expect, it } from 'vitest';
import { replicateArchive } from '../tools/evaluation/replicate-archive.js';
import { fixtureIssues } from '../fixtures/search/issues.js';

describe('replicateArchive', () => {
  it('makes re-dated copies with their own ids', () => {
    const issues = fixtureIssues();
    const copies = replicateArchive(issues, 3);
    expect(copies).toHaveLength(issues.length * 3);
    const articleIds = copies.flatMap((i) => i.articles.map((a) => a.id));
    expect(new Set(articleIds).size).toBe(articleIds.length);
    expect(new Set(copies.map((i) => i.file)).size).toBe(copies.length);
    const copy = copies.find((i) => i.id === 'iss-a-2')!;
    expect(copy.date).toBe('2024-10-24');
    expect(copy.number).toBe(12124 - 14);
    expect(copy.articles.every((a) => a.issueId === 'iss-a-2' && a.id.length <= 24)).toBe(true);
  });
});
