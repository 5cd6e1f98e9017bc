import { describe, expect, it } from 'vitest';
import { groupIssueFiles } from '../../src/ingest/group-issue-files.js';
import { issueKeyOf } from '../../src/ingest/issue-key.js';
import type { IssueFileEntry } from '../../src/ingest/read-issue-file.js';

const entry = (rel: string): IssueFileEntry => ({ rel, abs: `/seeds/${rel}`, size: 1, mtimeMs: 0 });

describe('issueKeyOf', () => {
  it('makes every file in a day’s folder a page of that day’s issue', () => {
    expect(issueKeyOf('2024/11/07/01.txt')).toEqual({ key: '2024/11/07/*', page: '01.txt' });
    expect(issueKeyOf('2024/11/07/A/02.txt')).toEqual({ key: '2024/11/07/*', page: 'A/02.txt' });
    expect(issueKeyOf('cjrb/2024-11-07_pages/3.txt')).toEqual({ key: 'cjrb/2024-11-07_pages/*', page: '3.txt' });
  });

  it('makes a file named after the day and a page a page of that day’s issue', () => {
    expect(issueKeyOf('20241107_01.txt')).toEqual({ key: '20241107_*.txt', page: '01' });
    expect(issueKeyOf('cjrb/2024-11-07-A02.txt')).toEqual({ key: 'cjrb/2024-11-07-*.txt', page: 'A02' });
    expect(issueKeyOf('20241107p3.TXT')).toEqual({ key: '20241107*.TXT', page: 'p3' });
  });

  it('reads the pages of days filed under year and month folders alike', () => {
    expect(issueKeyOf('2024-11/07/02.txt')).toEqual({ key: '2024-11/07/*', page: '02.txt' });
    expect(issueKeyOf('2024/11/7_02.txt')).toEqual({ key: '2024/11/7_*.txt', page: '02' });
    expect(issueKeyOf('2024年/11月/7日/A01.txt')).toEqual({ key: '2024年/11月/7日/*', page: 'A01.txt' });
    expect(issueKeyOf('2024/11/07.txt')).toEqual({ key: '2024/11/07.txt' });
    // A page under a month folder names no day: each such file stands alone (dated by its masthead, or refused as undated).
    expect(issueKeyOf('2024/11/page-07.txt')).toEqual({ key: '2024/11/page-07.txt' });
  });

  it('keeps a file named after the day alone, or with no day in its path, a whole issue', () => {
    expect(issueKeyOf('2024-11-07.txt')).toEqual({ key: '2024-11-07.txt' });
    expect(issueKeyOf('2024/11/2024-11-07.txt')).toEqual({ key: '2024/11/2024-11-07.txt' });
    expect(issueKeyOf('000_79b3c460d300cb0d.txt')).toEqual({ key: '000_79b3c460d300cb0d.txt' });
    expect(issueKeyOf('2024/13/40/01.txt')).toEqual({ key: '2024/13/40/01.txt' });
  });
});

describe('groupIssueFiles', () => {
  it('gathers the pages of each issue in printed order and leaves other files alone', () => {
    const groups = groupIssueFiles(['000_a.txt', '2024/11/07/10.txt', '2024/11/07/2.txt', '2024/11/07/1.txt', '20241108_B01.txt', '20241108_A02.txt', '20241108_A01.txt'].map(entry));
    expect(groups.map((g) => [g.key, g.files.map((f) => f.rel)])).toEqual([
      ['000_a.txt', ['000_a.txt']],
      ['2024/11/07/*', ['2024/11/07/1.txt', '2024/11/07/2.txt', '2024/11/07/10.txt']],
      ['20241108_*.txt', ['20241108_A01.txt', '20241108_A02.txt', '20241108_B01.txt']],
    ]);
  });
});
