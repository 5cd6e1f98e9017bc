import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listIssueFiles } from '../../src/ingest/read-issue-file.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'read-issue-file-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('listIssueFiles', () => {
  it('lists each real folder once and names the links that loop back, while following links to folders elsewhere', async () => {
    const seeds = path.join(root, 'seeds');
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(path.join(seeds, '2024', '11', '07'), { recursive: true });
    mkdirSync(elsewhere);
    writeFileSync(path.join(seeds, '2024', '11', '07', '01.txt'), '一期');
    writeFileSync(path.join(seeds, '2023-03-24.txt'), '另一期');
    writeFileSync(path.join(elsewhere, '2022-01-01.txt'), '外面的一期');
    symlinkSync('.', path.join(seeds, 'loop'));
    symlinkSync('..', path.join(seeds, '2024', 'up'));
    symlinkSync(elsewhere, path.join(seeds, 'old'));
    symlinkSync('.', path.join(elsewhere, 'back'));
    const skipped: string[] = [];
    const files = await listIssueFiles(seeds, { onSkippedLink: (rel) => skipped.push(rel) });
    expect(files.map((f) => f.rel)).toEqual(['2023-03-24.txt', '2024/11/07/01.txt', 'old/2022-01-01.txt']);
    expect(skipped.sort()).toEqual(['2024/up', 'loop', 'old/back']);
  });

  it('names a symbolic link whose target is gone, and lists the rest', async () => {
    const seeds = path.join(root, 'seeds');
    mkdirSync(seeds);
    writeFileSync(path.join(seeds, '2023-03-24.txt'), '一期');
    symlinkSync(path.join(root, 'nowhere.txt'), path.join(seeds, 'dangling.txt'));
    const dangling: [string, string][] = [];
    const files = await listIssueFiles(seeds, { onDanglingLink: (rel, target) => dangling.push([rel, target]) });
    expect(files.map((f) => f.rel)).toEqual(['2023-03-24.txt']);
    expect(dangling).toEqual([['dangling.txt', path.join(root, 'nowhere.txt')]]);
  });
});
