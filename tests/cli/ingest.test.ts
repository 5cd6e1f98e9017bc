import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitIntoPages } from '../ingest/support/split-pages.js';
import { runCli, type CliRun } from '../support/run-cli.js';

let root: string;
let seedsDir: string;
let dataDir: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
  seedsDir = path.join(root, 'seeds');
  dataDir = path.join(root, 'data');
  mkdirSync(seedsDir);
  mkdirSync(dataDir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Runs `npm run ingest` as an operator would. */
function ingest(args: string[] = []): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: dataDir, SEEDS_DIR: seedsDir, CONFIG_DIR: 'config', BOT_TOKEN: '' };
  return runCli(['src/cli/ingest.ts', ...args], env);
}

function write(rel: string, text: string): string {
  const file = path.join(seedsDir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('npm run ingest', () => {
  it('ingests a tree of pages and whole issues, sums the files left out up by kind, and skips it all the next time', async () => {
    const pages = splitIntoPages(readFileSync('seeds/000_79b3c460d300cb0d.txt', 'utf8'), 2);
    write('2024/11/07/01.txt', pages[0]!);
    write('2024/11/07/02.txt', pages[1]!);
    copyFileSync('seeds/001_644e3a6e511fa5db.txt', path.join(seedsDir, '001_644e3a6e511fa5db.txt'));
    write('junk/empty.txt', '');
    // 50 MB (sparse: no disk used): refused by its size before a byte is read.
    truncateSync(write('2024/11/09.txt', ''), 50 * 1024 * 1024);

    const first = await ingest();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^2024\/11\/07\/\* \(2 pages\)\s+2024-11-07\s+masthead\s+12124/mu);
    expect(first.stdout).toContain('This run: 2 added, 0 changed, 0 removed, 0 unchanged');
    expect(first.stdout).toMatch(/^ {2}refused: 1 /mu);
    expect(first.stdout).toContain('2024/11/09.txt is 50.0 MB, far larger than one issue');
    expect(first.stdout).toMatch(/^ {2}empty: 1 /mu);
    expect(first.stdout).toContain('junk/empty.txt is empty');

    const again = await ingest(['--summary']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('2 issue(s)');
    // The two issues are unchanged; the two files left out are counted as problems only, as on the first run.
    expect(again.stdout).toContain('This run: 0 added, 0 changed, 0 removed, 2 unchanged');
    // Still named: a file left out stays in the summary until it is fixed.
    expect(again.stdout).toContain('2024/11/09.txt is 50.0 MB');
  });

  it('refuses an issue with no date anywhere instead of dating it by its file time, saying how to date it', async () => {
    copyFileSync('seeds/001_644e3a6e511fa5db.txt', path.join(seedsDir, '001.txt'));
    write('misc/note.txt', '## 一则测试短讯\n\n本报讯 这是一则没有日期的测试短讯，用来检查没有日期的稿件不会冒充今天的报纸。\n');
    const { status, stdout, stderr } = await ingest();
    expect(status, stderr).toBe(0);
    expect(stdout).toContain('1 issue(s)');
    expect(stdout).toMatch(/^ {2}undated: 1 /mu);
    expect(stdout).toContain('misc/note.txt is undated');
    expect(stdout).toContain('config/manifest.json under "issues" ("misc/note.txt": {"date": "YYYY-MM-DD"})');
  });

  it('refuses a damaged archive database with a message naming it and what to do, and leaves it as it was', async () => {
    copyFileSync('seeds/001_644e3a6e511fa5db.txt', path.join(seedsDir, '001.txt'));
    const db = path.join(dataDir, 'archive.sqlite');
    writeFileSync(db, 'SQLite format 3\u0000'.padEnd(4096, '\u00ff'));
    const before = readFileSync(db);
    const { status, stdout, stderr } = await ingest();
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(db);
    expect(stderr).toMatch(/Move it away or delete it/u);
    expect(stderr).not.toMatch(/\n\s+at /u);
    expect(readFileSync(db)).toEqual(before);
  });

  it('says so when the issue folder holds no issue files, instead of an empty archive', async () => {
    const { status, stderr } = await ingest();
    expect(status).toBe(1);
    expect(stderr).toContain(`no issue files (*.txt) under ${seedsDir}`);
    expect(stderr).toContain('SEEDS_DIR');
  });

  it('refuses an unknown option or a folder argument with the usage, exit 2, and leaves the archive alone', async () => {
    const wrong = await ingest(['--jsn']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('unknown option --jsn');
    expect(wrong.stderr).toContain('usage:');
    const folder = await ingest([root]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain(`SEEDS_DIR=${root} npm run ingest`);
    expect(existsSync(path.join(dataDir, 'archive.sqlite'))).toBe(false);
  });
});
