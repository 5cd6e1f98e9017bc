import { describe, expect, it } from 'vitest';
import { withIssueYear } from '../../src/search/years-of-issue.js';

describe('withIssueYear', () => {
  it('adds the year a relative word names in the issue\'s own time', () => {
    expect(withIssueYear(['去年', '上年', '上一年'], 2025)).toContain('2024年');
    expect(withIssueYear(['明年', '来年', '下一年'], 2023)).toContain('2024年');
  });

  it('adds the relative words an issue uses for a year the question names', () => {
    expect(withIssueYear(['2024'], 2025)).toEqual(expect.arrayContaining(['2024', '去年']));
    expect(withIssueYear(['2025'], 2025)).toContain('今年');
  });

  it('leaves ordinals, and everything when the issue\'s year is unknown, unchanged', () => {
    expect(withIssueYear(['二期'], 2025)).toEqual(['二期']);
    expect(withIssueYear(['去年', '上年'], undefined)).toEqual(['去年', '上年']);
  });
});
