import { describe, expect, it } from 'vitest';
import { createArchive } from '../../../src/archive/archive.js';
import { renderNumberHint } from '../../../src/telegram/format/render-guide.js';
import { makeFixtureIssues, PAPER, TOPICS } from '../support/archive-fixture.js';

describe('renderNumberHint', () => {
  it('quotes an example question with its own ？ and no full stop doubled after it', () => {
    const archive = createArchive(makeFixtureIssues(), { paper: { ...PAPER, exampleQuestions: ['昌吉州的空气质量怎么样？'] }, topics: TOPICS });
    const text = renderNumberHint('2', archive).text;
    expect(text).toContain('例如：昌吉州的空气质量怎么样？');
    expect(text).not.toMatch(/[？?！!。]。/u);
  });
});
