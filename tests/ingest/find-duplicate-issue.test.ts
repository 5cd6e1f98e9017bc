import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/archive/model.js';
import type { PaperConfig } from '../../src/config.js';
import { duplicateIssueMessage, findDuplicateIssue } from '../../src/ingest/find-duplicate-issue.js';
import { parseIssue } from '../../src/ingest/parse-issue.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url)), 'utf8');
const paper: PaperConfig = { name: '昌吉日报', timeZone: 'Asia/Shanghai', mastheadMarkers: ['丝路昌吉客户端', '主管主办'] };
const parse = (text: string, file: string, date = '2025-04-02', number?: number): Issue =>
  parseIssue(text, file, { paper, manifest: { date, ...(number !== undefined ? { number } : {}) } });

describe('findDuplicateIssue', () => {
  const groups = fixture('markdown-groups.txt');
  const wrapped = fixture('hard-wrapped.txt');

  it('finds an issue with the same paper and issue number, whatever its text', () => {
    const first = parse(groups, 'a.txt', '2025-04-02', 12200);
    const other = parse(wrapped, 'b.txt', '2025-04-03', 12201);
    expect(findDuplicateIssue(parse(wrapped, 'c.txt', '2025-04-02', 12200), [other, first])).toBe(first);
  });

  it('finds an issue of the same date with the same articles under another file name', () => {
    const first = parse(groups, 'a.txt');
    const copy = parse(groups.replace(/\n/g, ' \r\n'), 'copy.txt');
    expect(copy.articles.map((x) => x.id)).not.toEqual(first.articles.map((x) => x.id));
    expect(findDuplicateIssue(copy, [first])).toBe(first);
  });

  it('finds no duplicate for other articles on the same date, or the same articles on another date', () => {
    const first = parse(groups, 'a.txt');
    expect(findDuplicateIssue(parse(wrapped, 'b.txt'), [first])).toBeUndefined();
    expect(findDuplicateIssue(parse(groups, 'c.txt', '2025-04-09'), [first])).toBeUndefined();
    expect(findDuplicateIssue(parse(wrapped, 'd.txt', '2025-04-02', 12201), [parse(groups, 'e.txt', '2025-04-03', 12200)])).toBeUndefined();
  });

  it('treats a new version of the same file as no duplicate', () => {
    const first = parse(groups, 'a.txt', '2025-04-02', 12200);
    expect(findDuplicateIssue(parse(groups, 'a.txt', '2025-04-02', 12200), [first])).toBeUndefined();
  });

  it('words a warning that names both files', () => {
    const first = parse(groups, 'a.txt', '2025-04-02', 12200);
    const copy = parse(groups, 'b.txt', '2025-04-02', 12200);
    expect(duplicateIssueMessage(copy, first)).toBe('b.txt is a duplicate of a.txt (both are 昌吉日报 总第12200期, dated 2025-04-02); skipped b.txt. Remove one of the two files.');
  });
});
