import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ARCHIVE_FILE } from '../../src/archive/archive-db.js';
import { openArchiveStore, type ArchiveStore } from '../../src/archive/open-archive-store.js';
import { createArchiveWriter, prepareIssueSync } from '../../src/archive/write-issue.js';
import { dateFromPath } from '../../src/ingest/path-date.js';
import { contentHash } from '../../src/ingest/read-issue-file.js';
import { parseIssue } from '../../src/ingest/parse-issue.js';
import { createSilentLogger } from '../../src/logger.js';
import { splitIntoPages } from '../ingest/support/split-pages.js';
import { profileTokenizer, testProfile } from '../support/test-profile.js';

const paper = testProfile.paper;
const SEED = '000_79b3c460d300cb0d.txt';
const seedText = readFileSync(path.join('seeds', SEED), 'utf8');

const pagesOf = splitIntoPages;

const wholeIssue = parseIssue(seedText, SEED, { paper });
const titles = wholeIssue.articles.map((a) => a.title);

let root: string;
let seedsDir: string;
let dataDir: string;
const open: ArchiveStore[] = [];

async function openStore(): Promise<ArchiveStore> {
  const store = await openArchiveStore({ seedsDir, profile: testProfile, dataDir, paper, logger: createSilentLogger() });
  open.push(store);
  return store;
}

function write(rel: string, text: string | Buffer): string {
  const file = path.join(seedsDir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'issue-pages-'));
  seedsDir = path.join(root, 'seeds');
  dataDir = path.join(root, 'data');
  mkdirSync(seedsDir);
  mkdirSync(dataDir);
});

afterEach(() => {
  for (const s of open.splice(0)) s.close();
  rmSync(root, { recursive: true, force: true });
});

describe('openArchiveStore with one file per page', () => {
  it('reads the pages of a day’s folder as one issue, in page order, dated by the masthead on page 1', async () => {
    const pages = pagesOf(seedText, 3);
    // 1, 2, 10: printed order, not the order of the names as strings.
    write('2024/11/07/1.txt', pages[0]!);
    write('2024/11/07/2.txt', pages[1]!);
    write('2024/11/07/10.txt', pages[2]!);
    const store = await openStore();
    expect(store.report).toMatchObject({ files: 3, added: 1, problems: [] });
    const issues = store.archive.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: '2024/11/07/*', date: wholeIssue.date, dateSource: 'masthead', number: wholeIssue.number });
    expect(issues[0]!.articles.map((a) => a.title)).toEqual(titles);
    expect(store.archive.readIssue(issues[0]!.id)?.pages).toEqual(['2024/11/07/1.txt', '2024/11/07/2.txt', '2024/11/07/10.txt']);
  });

  it('reads pages named after the day as one issue, and skips them all on the next start', async () => {
    const pages = pagesOf(seedText, 2);
    write('cjrb/20241107_01.txt', pages[0]!);
    write('cjrb/20241107_02.txt', pages[1]!);
    (await openStore()).close();
    const again = await openStore();
    expect(again.report).toMatchObject({ files: 2, added: 0, changed: 0, unchanged: 1 });
    expect(again.archive.issues().map((i) => [i.file, i.articles.length])).toEqual([['cjrb/20241107_*.txt', titles.length]]);
  });

  it('dates a page-per-file issue without a masthead from its folder, and says so', async () => {
    const body = '## 玛纳斯县举办葡萄酒文化节\n\n本报讯 玛纳斯县葡萄酒文化节开幕，三十多家酒庄参加展销，吸引了大批游客前来品尝选购。\n';
    write('2023/05/04/01.txt', body);
    write('2023/05/04/02.txt', '## 呼图壁县春耕备耕有序推进\n\n本报讯 呼图壁县各乡镇抓住有利天气，组织农机下田整地播种，春耕备耕工作有序推进。\n');
    const store = await openStore();
    expect(store.archive.issues().map((i) => [i.date, i.dateSource, i.articles.length])).toEqual([['2023-05-04', 'filename', 2]]);
  });

  it('dates issues filed under year and month folders by their day, and names a month folder that gives no day', async () => {
    const story = (title: string) => `## ${title}\n\n本报讯 玛纳斯县${title}，三十多家单位参加，吸引了大批群众前来参观。\n`;
    write('2023/05/04.txt', story('举办葡萄酒文化节'));
    write('2023-06/07/01.txt', story('举办农民丰收节'));
    write('2023-06/07/02.txt', story('举办棉花展销会'));
    write('2023/07/page-07.txt', story('举办读书月活动'));
    write('2023/08/20230907.txt', story('举办农产品展销会'));
    const store = await openStore();
    expect(store.archive.issues().map((i) => [i.file, i.date, i.dateSource, i.articles.length]).sort()).toEqual([
      ['2023-06/07/*', '2023-06-07', 'filename', 2],
      ['2023/05/04.txt', '2023-05-04', 'filename', 1],
      ['2023/08/20230907.txt', '2023-09-07', 'filename', 1],
    ]);
    // Filed under another month than its name's day: the name wins, and the issue says so.
    const misfiled = store.archive.issues().find((i) => i.file === '2023/08/20230907.txt')!;
    expect(store.archive.readIssue(misfiled.id)?.warnings).toContain("2023/08/20230907.txt: filed in the folder 2023/08 but its name gives 2023-09-07; using the name's date");
    expect(store.report.problems).toEqual([
      expect.objectContaining({ file: '2023/07/page-07.txt', kind: 'undated', message: expect.stringContaining('its folder 2023/07 names a month; page-07.txt does not name a day') }),
    ]);
  });

  it('takes an editor’s manifest entry for the issue’s pattern before the date of its folder', async () => {
    write('2023/05/04/01.txt', '## 玛纳斯县举办葡萄酒文化节\n\n本报讯 玛纳斯县葡萄酒文化节开幕，三十多家酒庄参加展销，吸引了大批游客前来品尝选购。\n');
    const manifest = { '2023/05/04/*': { date: '2023-05-05', number: 9001 } };
    const store = await openArchiveStore({ seedsDir, profile: testProfile, dataDir, paper, logger: createSilentLogger(), manifest: () => manifest });
    open.push(store);
    expect(store.archive.issues().map((i) => [i.date, i.dateSource, i.number])).toEqual([['2023-05-05', 'manifest', 9001]]);
  });

  it('names a manifest key that matches no issue file, with the manifest file, and still uses the others', async () => {
    write('2023/05/04/01.txt', '## 玛纳斯县举办葡萄酒文化节\n\n本报讯 玛纳斯县葡萄酒文化节开幕，三十多家酒庄参加展销，吸引了大批游客前来品尝选购。\n');
    const manifest = { '2023/05/04/*': { date: '2023-05-05' }, '2023/05/40/*': { date: '2023-05-06' } };
    const store = await openArchiveStore({ seedsDir, profile: testProfile, dataDir, paper, logger: createSilentLogger(), manifest: () => manifest });
    open.push(store);
    expect(store.archive.issues().map((i) => [i.date, i.dateSource])).toEqual([['2023-05-05', 'manifest']]);
    const manifestFile = path.join(testProfile.dir, 'manifest.json');
    expect(store.report.problems).toEqual([
      { file: manifestFile, kind: 'manifest', message: expect.stringMatching(new RegExp(`^${manifestFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} names "2023/05/40/\\*", which matches no issue file under SEEDS_DIR`, 'u')) },
    ]);
  });

  it('refuses an issue with no date anywhere (masthead, manifest, path, text) instead of dating it by its file time', async () => {
    write('misc/note.txt', '## 一则测试短讯\n\n本报讯 这是一则没有日期的测试短讯，用来检查没有日期的稿件不会冒充今天的报纸。\n');
    copyFileSync(path.join('seeds', SEED), path.join(seedsDir, SEED));
    const store = await openStore();
    expect(store.archive.issues().map((i) => i.file)).toEqual([SEED]);
    expect(store.report.problems).toEqual([expect.objectContaining({ file: 'misc/note.txt', kind: 'undated', message: expect.stringMatching(/misc\/note\.txt is undated.*config\/manifest\.json/u) })]);
    store.close();
    // Dated by an editor, it is ingested on the next start.
    const dated = await openArchiveStore({ seedsDir, profile: testProfile, dataDir, paper, logger: createSilentLogger(), manifest: () => ({ 'misc/note.txt': { date: '2023-01-02' } }) });
    open.push(dated);
    expect(dated.archive.issues().map((i) => [i.file, i.date, i.dateSource])).toContainEqual(['misc/note.txt', '2023-01-02', 'manifest']);
  });

  it('rewrites the issue when a page changes, is added or is deleted', async () => {
    const pages = pagesOf(seedText, 3);
    write('2024/11/07/01.txt', pages[0]!);
    const second = write('2024/11/07/02.txt', pages[1]!);
    const store = await openStore();
    const pageTitles = pages.map((p, i) => parseIssue(p, `p${i}.txt`, { paper }).articles.map((a) => a.title));
    expect(store.archive.issues()[0]!.articles.map((a) => a.title)).toEqual([...pageTitles[0]!, ...pageTitles[1]!]);

    // A page added while the bot runs (the watcher): the same issue grows.
    const third = write('2024/11/07/03.txt', pages[2]!);
    expect(await store.ingestFile(third)).toBeUndefined();
    expect(store.archive.issues()).toHaveLength(1);
    expect(store.archive.issues()[0]!.articles.map((a) => a.title)).toEqual(titles);

    // A page changed: the issue is rewritten with it.
    appendFileSync(second, '\n\n## 新增的测试报道标题\n\n石河子市某测试合作社今年种植了九百九十九亩红花，亩产比去年提高两成，社员收入明显增加。\n');
    expect((await store.sync()).changed).toBe(1);
    expect(store.archive.issues()[0]!.articles.map((a) => a.title)).toContain('新增的测试报道标题');

    // A page deleted: the issue stays, without that page's articles.
    unlinkSync(second);
    const report = await store.sync();
    expect(report).toMatchObject({ changed: 1, removed: 1 });
    const left = store.archive.issues();
    expect(left).toHaveLength(1);
    expect(left[0]!.articles.map((a) => a.title)).toEqual([...pageTitles[0]!, ...pageTitles[2]!]);
    expect(store.archive.readIssue(left[0]!.id)?.pages).toEqual(['2024/11/07/01.txt', '2024/11/07/03.txt']);

    // Every page deleted: the issue leaves the archive.
    unlinkSync(path.join(seedsDir, '2024/11/07/01.txt'));
    expect(await store.removeFile(path.join(seedsDir, '2024/11/07/01.txt'))).toBeUndefined();
    expect(store.archive.issues()).toHaveLength(1);
    unlinkSync(third);
    expect(await store.removeFile(third)).toBe(left[0]!.id);
    expect(store.archive.issues()).toHaveLength(0);
  });

  it('replaces pages an older build ingested as issues of their own with the one issue they make', async () => {
    const pages = pagesOf(seedText, 2);
    const files = [write('cjrb/20241107_01.txt', pages[0]!), write('cjrb/20241107_02.txt', pages[1]!)];
    (await openStore()).close();
    // The archive as a build that did not merge pages left it: each page file an issue of its own, recorded unchanged.
    const db = new Database(path.join(dataDir, ARCHIVE_FILE));
    const tokenizer = profileTokenizer();
    const writer = createArchiveWriter(db, tokenizer);
    writer.remove(db.prepare('SELECT id FROM issues').pluck().get() as string);
    files.forEach((file, i) => {
      const rel = path.relative(seedsDir, file);
      const stat = statSync(file);
      const issue = parseIssue(pages[i]!, rel, { paper, pathDate: dateFromPath(rel) });
      writer.put(prepareIssueSync(issue, { tokenizer, topics: testProfile.topics }), [{ path: rel, size: stat.size, mtime: Math.round(stat.mtimeMs), hash: contentHash(readFileSync(file), undefined) }]);
    });
    expect(db.prepare('SELECT count(*) FROM issues').pluck().get()).toBe(2);
    db.close();

    const store = await openStore();
    expect(store.report).toMatchObject({ changed: 1, problems: [] });
    expect(store.archive.issues().map((i) => [i.file, i.number, i.articles.length])).toEqual([['cjrb/20241107_*.txt', wholeIssue.number, titles.length]]);
  });

  it('never merges a page of another issue filed in the day’s folder: it is left out, named with both mastheads', async () => {
    const pages = pagesOf(seedText, 2);
    write('2024/11/07/01.txt', pages[0]!);
    // The next day's page 1 (its own masthead, 2024-11-08 总第12125期), misfiled among 11-07's pages.
    const nextDay = `2024年11月\n\n8\n\n星期五\n\n总第12125期\n\n${pages[1]!.replaceAll('冬小麦', '春小麦')}`;
    const misfiled = write('2024/11/07/02.txt', nextDay);
    const store = await openStore();
    expect(store.archive.issues().map((i) => [i.file, i.date, i.number])).toEqual([['2024/11/07/*', '2024-11-07', 12124]]);
    expect(store.archive.issues()[0]!.articles.map((a) => a.title)).toEqual(parseIssue(pages[0]!, 'p.txt', { paper }).articles.map((a) => a.title));
    expect(store.report.problems).toEqual([
      expect.objectContaining({ file: '2024/11/07/02.txt', kind: 'misfiled', message: expect.stringMatching(/2024-11-08 总第12125期 but 2024\/11\/07\/01\.txt prints 2024-11-07 总第12124期.*move it to 2024\/11\/08\/02\.txt/u) }),
    ]);
    expect(store.archive.readIssue(store.archive.issues()[0]!.id)?.warnings).toContain('2024/11/07/02.txt left out: its masthead names another issue (misfiled)');
    store.close();
    // Moved where the message says, it becomes the issue of its own day.
    write('2024/11/08/02.txt', nextDay);
    unlinkSync(misfiled);
    const moved = await openStore();
    expect(moved.archive.issues().map((i) => [i.file, i.date, i.number]).sort()).toEqual([
      ['2024/11/07/*', '2024-11-07', 12124],
      ['2024/11/08/*', '2024-11-08', 12125],
    ]);
    expect(moved.report.problems).toEqual([]);
  });

  it('keeps the issue when one of its pages cannot be read, naming that page', async () => {
    const pages = pagesOf(seedText, 2);
    write('2024/11/07/01.txt', pages[0]!);
    write('2024/11/07/02.txt', pages[1]!);
    write('2024/11/07/03.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]));
    const store = await openStore();
    expect(store.archive.issues()[0]!.articles.map((a) => a.title)).toEqual(titles);
    expect(store.report.problems).toEqual([expect.objectContaining({ file: '2024/11/07/03.txt', kind: 'unreadable', message: expect.stringContaining('2024/11/07/03.txt') })]);
    // The issue itself says it is incomplete, not only the list of files left out.
    expect(store.archive.readIssue(store.archive.issues()[0]!.id)?.warnings).toContain('1 of 3 page files left out (2024/11/07/03.txt): the issue is incomplete');
    store.close();
    // A 50 MB page (sparse: no disk used) is refused alone, by its size, without being read.
    truncateSync(write('2024/11/07/04.txt', ''), 50 * 1024 * 1024);
    const withHuge = await openStore();
    expect(withHuge.archive.issues()[0]!.articles.map((a) => a.title)).toEqual(titles);
    expect(withHuge.report.problems.map((p) => [p.file, p.kind])).toEqual([
      ['2024/11/07/03.txt', 'unreadable'],
      ['2024/11/07/04.txt', 'refused'],
    ]);
    withHuge.close();
    // Still named on the next start, without being read again.
    expect((await openStore()).report.problems.map((p) => p.file)).toEqual(['2024/11/07/03.txt', '2024/11/07/04.txt']);
  });

  it('finds the same issue kept once as a whole file and once as pages a duplicate, naming both', async () => {
    copyFileSync(path.join('seeds', SEED), path.join(seedsDir, SEED));
    const pages = pagesOf(seedText, 2);
    write('2024/11/07/01.txt', pages[0]!);
    write('2024/11/07/02.txt', pages[1]!);
    const store = await openStore();
    expect(store.archive.issues().map((i) => i.file)).toEqual([SEED]);
    expect(store.report.problems).toEqual([expect.objectContaining({ file: '2024/11/07/*', kind: 'duplicate', message: expect.stringMatching(/2024\/11\/07\/\*.*000_79b3c460d300cb0d\.txt/u) })]);
  });

  it('refuses a day’s folder of thousands of files far larger than an issue, naming it', async () => {
    const filler = '本报讯 这是一段用来填充的测试正文，记者在现场采访了多位群众。'.repeat(20);
    for (let i = 0; i < 2000; i++) write(`2024/11/08/${i}.txt`, `## 第${i}版测试标题\n\n${filler}\n`);
    copyFileSync(path.join('seeds', SEED), path.join(seedsDir, SEED));
    const store = await openStore();
    expect(store.archive.issues().map((i) => i.file)).toEqual([SEED]);
    expect(store.report.problems).toEqual([expect.objectContaining({ file: '2024/11/08/*', kind: 'refused', message: expect.stringMatching(/2024\/11\/08\/\*.*2000 page files.*refused/u) })]);
    expect(store.archive.latest()?.date).not.toBe('2024-11-08');
  });
});
