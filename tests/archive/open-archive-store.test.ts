import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_FILE, ARCHIVE_SCHEMA } from '../../src/archive/archive-db.js';
import { openArchiveStore, type ArchiveStore } from '../../src/archive/open-archive-store.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { testProfile } from '../support/test-profile.js';
import { StoreError } from '../../src/errors.js';
import { MAX_ISSUE_BYTES } from '../../src/ingest/read-issue-file.js';
import { createSilentLogger } from '../../src/logger.js';

const paper = testProfile.paper;
const SEEDS = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();

let root: string;
let seedsDir: string;
let dataDir: string;
let configDir: string;
const open: ArchiveStore[] = [];

async function openStore(extra: { configDir?: string; now?: () => Date } = {}): Promise<ArchiveStore> {
  const store = await openArchiveStore({ seedsDir, profile: loadProfile(extra.configDir ?? configDir), dataDir, paper, logger: createSilentLogger(), ...(extra.now ? { now: extra.now } : {}) });
  open.push(store);
  return store;
}

function closeAll(): void {
  for (const s of open.splice(0)) {
    try {
      s.close();
    } catch {
      // already closed
    }
  }
}

const dbFile = () => path.join(dataDir, ARCHIVE_FILE);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'archive-store-'));
  seedsDir = path.join(root, 'seeds');
  dataDir = path.join(root, 'data');
  configDir = path.join(root, 'config');
  mkdirSync(seedsDir);
  mkdirSync(dataDir);
  cpSync('config', configDir, { recursive: true });
  for (const f of SEEDS.slice(0, 3)) copyFileSync(path.join('seeds', f), path.join(seedsDir, f));
});

afterEach(() => {
  closeAll();
  rmSync(root, { recursive: true, force: true });
});

describe('openArchiveStore', () => {
  it('builds the archive from the issue files, then skips every unchanged file on the next start', async () => {
    const first = await openStore();
    expect(first.report).toMatchObject({ files: 3, added: 3, changed: 0, removed: 0 });
    const issues = first.archive.issues().map((i) => i.id);
    expect(issues).toHaveLength(3);
    const heads = JSON.stringify(first.archive.issues());
    first.close();

    const second = await openStore();
    expect(second.report).toMatchObject({ files: 3, added: 0, changed: 0, unchanged: 3, removed: 0 });
    expect(second.archive.issues().map((i) => i.id)).toEqual(issues);
    // The reopened archive reads its article heads on first use: the same heads, in the same order.
    expect(JSON.stringify(second.archive.issues())).toBe(heads);
    const article = second.archive.issues()[0]!.articles[0]!;
    expect(second.archive.article(article.id)?.article.paragraphs.length).toBeGreaterThan(0);
  });

  it('adds a new file, replaces the rows of a changed one and removes a deleted one', async () => {
    const store = await openStore();
    copyFileSync(path.join('seeds', SEEDS[3]!), path.join(seedsDir, SEEDS[3]!));
    const added = await store.ingestFile(path.join(seedsDir, SEEDS[3]!));
    expect(added).toBeUndefined();
    expect(store.archive.issues()).toHaveLength(4);

    const changedFile = path.join(seedsDir, SEEDS[0]!);
    appendFileSync(changedFile, '\n\n## 新增的测试报道标题\n\n石河子市某测试合作社今年种植了九百九十九亩红花，亩产比去年提高两成，社员收入明显增加。\n');
    const report = await store.sync();
    expect(report).toMatchObject({ changed: 1, added: 0 });
    const titles = store.archive.issues().flatMap((i) => i.articles.map((a) => a.title));
    expect(titles).toContain('新增的测试报道标题');
    expect(store.archive.issues()).toHaveLength(4);

    unlinkSync(path.join(seedsDir, SEEDS[1]!));
    expect((await store.sync()).removed).toBe(1);
    expect(store.archive.issues()).toHaveLength(3);
    const db = new Database(dbFile(), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n).toBe((db.prepare('SELECT count(*) AS n FROM fts_docsize').get() as { n: number }).n);
    db.close();
  });

  it('takes the date of an issue whose masthead prints none from the folder it is filed in, and says so', async () => {
    const day = path.join(seedsDir, '2023', '05', '04');
    mkdirSync(day, { recursive: true });
    writeFileSync(path.join(day, '01.txt'), '## 玛纳斯县举办葡萄酒文化节\n\n本报讯 玛纳斯县葡萄酒文化节开幕，三十多家酒庄参加展销，吸引了大批游客前来品尝选购。\n');
    const store = await openStore();
    const issue = store.archive.issues().find((i) => i.file === '2023/05/04/*');
    expect(issue).toMatchObject({ date: '2023-05-04', dateSource: 'filename' });
  });

  it('follows symbolic links to issue files and folders', async () => {
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(elsewhere);
    copyFileSync(path.join('seeds', SEEDS[3]!), path.join(elsewhere, SEEDS[3]!));
    symlinkSync(path.join(elsewhere, SEEDS[3]!), path.join(seedsDir, 'linked.txt'));
    symlinkSync(root, path.join(seedsDir, 'loop'));
    const store = await openStore();
    expect(store.archive.issues().map((i) => i.file)).toContain('linked.txt');
  });

  it('names a symbolic link whose target is gone in the report and when the watcher sees it, never skipping it silently', async () => {
    symlinkSync(path.join(root, 'gone.txt'), path.join(seedsDir, 'dangling.txt'));
    const store = await openStore();
    const problem = store.report.problems.find((p) => p.kind === 'dangling');
    expect(problem?.file).toBe('dangling.txt');
    expect(problem?.message).toMatch(/dangling\.txt -> .*gone\.txt is a symbolic link whose target does not exist.*remove the link/u);
    expect(store.archive.issues()).toHaveLength(3);
    expect((await store.ingestFile(path.join(seedsDir, 'dangling.txt')))?.kind).toBe('dangling');
  });

  it('rebuilds once when a config file that shapes the index changes', async () => {
    (await openStore()).close();
    appendFileSync(path.join(configDir, 'userdict.txt'), '\n红花合作社 10 nt\n');
    const rebuilt = await openStore();
    expect(rebuilt.report.added).toBe(3);
    rebuilt.close();
    expect((await openStore()).report.added).toBe(0);
  });

  it('refuses an issue dated in the future with a warning naming the file and the date, and it never becomes the newest issue', async () => {
    copyFileSync(path.join('seeds', SEEDS[4]!), path.join(seedsDir, '2032-03-24.txt'));
    const store = await openStore({ now: () => new Date('2026-12-03T12:00:00Z') });
    expect(store.report.problems).toEqual([expect.objectContaining({ file: '2032-03-24.txt', kind: 'misdated', message: expect.stringContaining('2032-03-24 is after today') })]);
    expect(store.archive.issues().map((i) => i.file)).not.toContain('2032-03-24.txt');
    expect(store.archive.latest()?.date).not.toBe('2032-03-24');
  });

  it('refuses a file far larger than an issue with one warning naming it, and it never becomes the newest issue', async () => {
    const big = path.join(seedsDir, '2099-12-31.txt');
    const text = readFileSync(path.join('seeds', SEEDS[0]!), 'utf8').replace('2024年11月', '2099年12月');
    let body = text;
    while (Buffer.byteLength(body) <= MAX_ISSUE_BYTES) body += text;
    writeFileSync(big, body);
    const store = await openStore();
    expect(store.report.problems).toEqual([expect.objectContaining({ file: '2099-12-31.txt', kind: 'refused', message: expect.stringContaining('2099-12-31.txt') })]);
    expect(store.archive.latest()?.date).not.toBe('2099-12-31');
    expect(store.archive.issues()).toHaveLength(3);
  });

  it('refuses a file with far more articles than an issue', async () => {
    const lines = Array.from({ length: 450 }, (_, i) => `## 第${i + 1}条测试标题\n\n这是第${i + 1}条测试报道的正文，记者在现场采访了多位群众，大家纷纷表示满意。\n`);
    writeFileSync(path.join(seedsDir, 'many.txt'), lines.join('\n'));
    const store = await openStore();
    expect(store.report.problems.map((p) => [p.file, p.kind])).toEqual([['many.txt', 'refused']]);
  });

  it('reads a folder of thousands of files and sums up the bad ones by kind', async () => {
    const junk = path.join(seedsDir, 'junk');
    mkdirSync(junk);
    for (let i = 0; i < 2000; i++) writeFileSync(path.join(junk, `${i}.txt`), '');
    const store = await openStore();
    expect(store.archive.issues()).toHaveLength(3);
    expect(store.report.problems).toHaveLength(2000);
    expect(new Set(store.report.problems.map((p) => p.kind))).toEqual(new Set(['empty']));
  });

  it('warns loudly before a sync removes most of the archive (SEEDS_DIR pointed elsewhere), not for one deleted issue', async () => {
    (await openStore()).close();
    const lines: { level: number; msg: string }[] = [];
    const capture = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
    const reopen = async () => {
      const store = await openArchiveStore({ seedsDir, profile: loadProfile(configDir), dataDir, paper, logger: capture });
      open.push(store);
      return store;
    };
    unlinkSync(path.join(seedsDir, SEEDS[0]!));
    (await reopen()).close();
    expect(lines.filter((l) => /removing/.test(l.msg))).toEqual([]);
    for (const f of SEEDS.slice(1, 3)) unlinkSync(path.join(seedsDir, f));
    writeFileSync(path.join(seedsDir, 'note.txt'), '');
    (await reopen()).close();
    expect(lines.filter((l) => /removing/.test(l.msg))).toEqual([]);
    // Three of three leaving at once: said before it happens, with what to do.
    for (const f of SEEDS.slice(0, 3)) copyFileSync(path.join('seeds', f), path.join(seedsDir, f));
    (await reopen()).close();
    for (const f of SEEDS.slice(0, 3)) unlinkSync(path.join(seedsDir, f));
    const emptied = await reopen();
    expect(emptied.archive.issues()).toHaveLength(0);
    expect(lines.filter((l) => /removing/.test(l.msg)).map((l) => l.msg)).toEqual([expect.stringMatching(/^removing 3 of 3 issues from the archive: .*If SEEDS_DIR is wrong/u)]);
  });

  it('stops on a full disk with a message naming the database and the file, keeping the previous state', async () => {
    (await openStore()).close();
    const db = new Database(dbFile());
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.close();
    copyFileSync(path.join('seeds', SEEDS[3]!), path.join(seedsDir, SEEDS[3]!));
    // A disk that fills up: the database may not grow past its current size (SQLITE_FULL on the next write).
    const store = await openStore();
    store.db.pragma(`max_page_count = ${pages + 1}`);
    copyFileSync(path.join('seeds', SEEDS[4]!), path.join(seedsDir, SEEDS[4]!));
    const err = await store.sync().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/full/);
    expect((err as Error).message).toContain(SEEDS[4]!);
    expect((err as Error).message).toContain(dbFile());
    expect(store.archive.issues()).toHaveLength(4);
    store.close();
    const reopened = await openStore();
    expect(reopened.archive.issues()).toHaveLength(5);
  });
});

describe('openArchiveStore refuses a database it cannot trust', () => {
  it('refuses a file that is not SQLite, and leaves it as it was', async () => {
    writeFileSync(dbFile(), 'this is not a database, just some text that happens to be here');
    const before = readFileSync(dbFile());
    await expect(openStore()).rejects.toThrow(new RegExp(`${ARCHIVE_FILE}.*not a SQLite database.*rebuilt`, 's'));
    expect(readFileSync(dbFile())).toEqual(before);
  });

  it('refuses an empty (0-byte) file instead of starting empty', async () => {
    writeFileSync(dbFile(), '');
    await expect(openStore()).rejects.toThrow(/empty/);
  });

  it('refuses another application’s SQLite database', async () => {
    const other = new Database(dbFile());
    other.exec('CREATE TABLE subscriptions (chat INTEGER)');
    other.close();
    await expect(openStore()).rejects.toThrow(/another application/);
  });

  it('names the database exactly as it is in the remedy, capitals included', async () => {
    dataDir = path.join(root, 'Data-Archive');
    mkdirSync(dataDir);
    const other = new Database(dbFile());
    other.exec('CREATE TABLE subscriptions (chat INTEGER)');
    other.close();
    await expect(openStore()).rejects.toThrow(`rm "${dbFile()}"`);
    await expect(openStore()).rejects.toThrow(/SEEDS_DIR/u);
  });

  it('refuses a database written by a newer version', async () => {
    (await openStore()).close();
    const db = new Database(dbFile());
    db.pragma(`user_version = ${ARCHIVE_SCHEMA + 1}`);
    db.close();
    await expect(openStore()).rejects.toThrow(/newer version/);
  });

  it('refuses a database whose search index lost a passage', async () => {
    (await openStore()).close();
    const db = new Database(dbFile());
    const key = (db.prepare('SELECT max(key) AS k FROM passages').get() as { k: number }).k;
    db.prepare('DELETE FROM fts WHERE rowid = ?').run(key);
    db.close();
    await expect(openStore()).rejects.toThrow(/damaged or inconsistent/);
  });

  it('refuses a database whose self-check query fails', async () => {
    (await openStore()).close();
    const db = new Database(dbFile());
    const probe = JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'probe'").get() as { value: string }).value) as { key: number; word: string };
    // Same number of rows, wrong contents: the probe passage's postings now say something else.
    db.prepare('DELETE FROM fts WHERE rowid = ?').run(probe.key);
    db.prepare("INSERT INTO fts (rowid, words, bigrams, title_words, title_bigrams) VALUES (?, 'x', '', '', '')").run(probe.key);
    db.close();
    await expect(openStore()).rejects.toThrow(/self-check/);
  });
});
