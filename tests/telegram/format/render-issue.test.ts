import { describe, expect, it } from 'vitest';
import type { IssueHead } from '../../../src/archive/model.js';
import { renderIssue } from '../../../src/telegram/format/render-issue.js';

const head = (dateSource: IssueHead['dateSource']): IssueHead => ({
  id: 'i1',
  paper: '昌吉日报',
  date: '2023-06-07',
  dateSource,
  file: '2023-06/07/*',
  articles: [],
});

describe('renderIssue', () => {
  it('tells readers a date taken from the archive’s folders or file names as such', () => {
    expect(renderIssue(head('filename'), {}).text).toContain('日期取自档案存放的文件夹或文件名');
    expect(renderIssue(head('masthead'), {}).text).not.toContain('日期取自');
  });
});
