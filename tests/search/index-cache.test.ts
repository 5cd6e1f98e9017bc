import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load-profile.js';
import { testProfile } from '../support/test-profile.js';
import { buildPassages } from '../../src/archive/build-passages.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import { cacheDirOf, fingerprintOf, INDEX_FORMAT, loadIndexCache } from '../../src/search/index-cache.js';
import { fixtureIssues } from '../fixtures/search/issues.js';

const paper = testProfile.paper;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'search-cache-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A logger that keeps its messages, to see whether the engine built, loaded or rebuilt. */
function recordingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s) as { level: number; msg: string }) });
  return { logger, messages: () => lines.map((l) => l.msg), warnings: () => lines.filter((l) => l.level >= 40).map((l) => l.msg) };
}

const open = (dataDir: string, configDir = 'config') => {
  const profile = loadProfile(configDir);
  const log = recordingLogger();
  return createSearchEngine({ issues: fixtureIssues(), paper, profile, dataDir, logger: log.logger }).then((engine) => ({ engine, log }));
};

const ask = (q: string) => (e: Awaited<ReturnType<typeof open>>) => e.engine.search(q).results.map((r) => [r.articleId, r.excerpt, r.score]);

describe('search index cache', () => {
  it('is written on the first start and loaded on the next, with the same answers', async () => {
    const dataDir = tempDir();
    const first = await open(dataDir);
    expect(first.log.messages()).toContain('search index built');
    expect(first.log.messages()).toContain('search index cache saved');
    const second = await open(dataDir);
    expect(second.log.messages()).toContain('search index loaded from cache');
    expect(second.log.messages()).not.toContain('search index built');
    for (const q of ['奇台县马铃薯平均亩产多少', '志愿服务', '石城子水库']) expect(ask(q)(second)).toEqual(ask(q)(first));
  });

  it('is rebuilt when the search config changes', async () => {
    const dataDir = tempDir();
    const configDir = tempDir();
    cpSync('config', configDir, { recursive: true });
    await open(dataDir, configDir);
    writeFileSync(path.join(configDir, 'stopwords.txt'), `${readFileSync(path.join(configDir, 'stopwords.txt'), 'utf8')}\n马铃薯\n`);
    const again = await open(dataDir, configDir);
    expect(again.log.messages()).toContain('search index cache is out of date: rebuilding');
    expect(again.log.messages()).toContain('search index built');
  });

  it('is rebuilt when it was written in another format', async () => {
    const dataDir = tempDir();
    await open(dataDir);
    const metaFile = path.join(cacheDirOf(dataDir), 'meta.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { format: number };
    writeFileSync(metaFile, JSON.stringify({ ...meta, format: INDEX_FORMAT - 1 }));
    const again = await open(dataDir);
    expect(again.log.messages()).toContain('search index cache is out of date: rebuilding');
  });

  it('is rebuilt with a warning, never trusted, when truncated', async () => {
    const dataDir = tempDir();
    const first = await open(dataDir);
    const body = path.join(cacheDirOf(dataDir), 'minisearch.json');
    writeFileSync(body, readFileSync(body, 'utf8').slice(0, 1000));
    const again = await open(dataDir);
    expect(again.log.warnings()).toContain('search index cache is corrupt: rebuilding it');
    expect(ask('志愿服务')(again)).toEqual(ask('志愿服务')(first));
    // …and the rebuilt cache is good again.
    const third = await open(dataDir);
    expect(third.log.messages()).toContain('search index loaded from cache');
  });

  it('is skipped with a warning when it cannot be written, and search still works', async () => {
    const notADir = path.join(tempDir(), 'file');
    writeFileSync(notADir, 'not a directory');
    const { engine, log } = await open(notADir);
    expect(log.warnings()).toContain('search index cache not written: starting without it');
    expect(engine.search('石城子水库').results[0]?.articleId).toBe('reservoir');
  });

  it('is rebuilt with a warning when its meta file is garbage', async () => {
    const dataDir = tempDir();
    await open(dataDir);
    writeFileSync(path.join(cacheDirOf(dataDir), 'meta.json'), '{"format":');
    const again = await open(dataDir);
    expect(again.log.warnings()).toContain('search index cache is corrupt: rebuilding it');
    expect(again.engine.search('石城子水库').results[0]?.articleId).toBe('reservoir');
  });
});

describe('fingerprintOf', () => {
  const config = ['stopwords', 'userdict'];
  it('changes when any indexed text changes', () => {
    const issues = fixtureIssues();
    const before = fingerprintOf({ issues, passagesOf: buildPassages, config });
    expect(fingerprintOf({ issues: fixtureIssues(), passagesOf: buildPassages, config })).toBe(before);
    issues[0]!.articles[0]!.paragraphs[0] += '补充一句。';
    expect(fingerprintOf({ issues, passagesOf: buildPassages, config })).not.toBe(before);
    const retitled = fixtureIssues();
    retitled[1]!.articles[0]!.title = '另一个标题';
    expect(fingerprintOf({ issues: retitled, passagesOf: buildPassages, config })).not.toBe(before);
  });
});

describe('loadIndexCache', () => {
  it('reports a missing cache as missing', () => {
    expect(loadIndexCache(tempDir(), 'x')).toEqual({ status: 'missing' });
  });
});
