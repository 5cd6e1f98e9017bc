import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/archive/model.js';
import { formatIngestReport } from '../../src/ingest/ingest-report.js';

const issue = (over: Partial<Issue>): Issue => ({
  id: 'aaaa1111',
  paper: '昌吉日报',
  date: '2024-11-07',
  dateSource: 'masthead',
  file: '000.txt',
  articles: [],
  boilerplate: [],
  warnings: [],
  ...over,
});

describe('formatIngestReport', () => {
  it('prints one row per issue with date, how it is known, number, articles, passages and warnings', () => {
    const text = formatIngestReport(
      [issue({ number: 12124 }), issue({ id: 'bbbb2222', file: '001.txt', date: '2025-03-08', dateSource: 'inferred', warnings: ['x', 'y'] })],
      [{ file: 'bad.txt', message: 'bad.txt is empty' }],
      new Map([
        ['aaaa1111', 20],
        ['bbbb2222', 38],
      ]),
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^file\s+date\s+how known\s+no\.\s+articles\s+passages\s+warnings$/);
    expect(lines[2]).toMatch(/^000\.txt\s+2024-11-07\s+masthead\s+12124\s+0\s+20\s+0$/);
    expect(lines[3]).toMatch(/^001\.txt\s+2025-03-08\s+inferred \(approx\.\)\s+—\s+0\s+38\s+2$/);
    expect(text).toContain('2 issue(s), 0 articles, 58 passages');
    expect(text).toContain('bad.txt: bad.txt is empty');
  });

  it('names an issue kept as one file per page by its pattern and page count', () => {
    const text = formatIngestReport([issue({ file: '2024/11/07/*', pages: ['2024/11/07/01.txt', '2024/11/07/02.txt'] })], [], new Map());
    expect(text.split('\n')[2]).toMatch(/^2024\/11\/07\/\* \(2 pages\)\s+2024-11-07\s+masthead/u);
  });

  it('says "1 page" for an issue read from one page file', () => {
    const text = formatIngestReport([issue({ file: '2024/11/07/*', pages: ['2024/11/07/01.txt'] })], [], new Map());
    expect(text.split('\n')[2]).toMatch(/^2024\/11\/07\/\* \(1 page\)\s/u);
  });

  it('prints the first warnings of each issue under the table, and how many more there are', () => {
    const text = formatIngestReport([issue({ warnings: ['w1', 'w2', 'w3', 'w4', 'w5'] }), issue({ id: 'b', file: '001.txt' })], [], new Map());
    const lines = text.split('\n');
    const at = lines.indexOf('Warnings:');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 6)).toEqual(['  000.txt:', '    w1', '    w2', '    w3', '    … and 2 more (npm run ingest -- --json)']);
    expect(text).not.toContain('001.txt:');
  });
});
