import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_FILE, ARCHIVE_SCHEMA, MIGRATABLE_SCHEMA } from '../../src/archive/archive-db.js';
import { configFingerprint } from '../../src/archive/config-fingerprint.js';
import { openArchiveStore, type ArchiveStore } from '../../src/archive/open-archive-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { createSearchEngineCore } from '../../src/search/search-engine-core.js';
import { splitSentences } from '../../src/text/split-sentences.js';
import { testProfile } from '../support/test-profile.js';

const paper = testProfile.paper;
const SEEDS = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();

let root: string;
let seedsDir: string;
const open: ArchiveStore[] = [];
type LogLine = { level: number; msg: string };

async function openStore(dataDir: string, lines: LogLine[] = []): Promise<ArchiveStore> {
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  const store = await openArchiveStore({ seedsDir, profile: testProfile, dataDir, paper, logger });
  open.push(store);
  return store;
}

function newDataDir(name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  return dir;
}

/** Every stored headline term with its count, for comparing two archives. */
function headlineTerms(dataDir: string): { words: unknown[]; bigrams: unknown[] } {
  const db = new Database(path.join(dataDir, ARCHIVE_FILE), { readonly: true });
  try {
    return {
      words: db.prepare('SELECT term, df FROM title_word_df ORDER BY term').all(),
      bigrams: db.prepare('SELECT term, df FROM title_bigram_df ORDER BY term').all(),
    };
  } finally {
    db.close();
  }
}

/** Turns an archive back into what an older schema wrote: without the tables added since, with its schema number and config fingerprint. */
function downgrade(dataDir: string, version: number): void {
  const db = new Database(path.join(dataDir, ARCHIVE_FILE));
  if (version < 5) db.exec('DROP INDEX articles_head');
  if (version < 4) db.exec('DROP TABLE retired_articles');
  if (version < 3) db.exec('DROP TABLE title_word_df; DROP TABLE title_bigram_df');
  db.prepare("UPDATE meta SET value = ? WHERE key = 'config'").run(configFingerprint(testProfile, paper, version));
  db.pragma(`user_version = ${version}`);
  db.close();
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'archive-migrate-'));
  seedsDir = path.join(root, 'seeds');
  mkdirSync(seedsDir);
  for (const f of SEEDS.slice(0, 3)) copyFileSync(path.join('seeds', f), path.join(seedsDir, f));
});

afterEach(() => {
  for (const s of open.splice(0)) s.close();
  rmSync(root, { recursive: true, force: true });
});

describe('openArchiveStore on an archive of the previous schema', () => {
  it('adds the headline words in place, with a log line, and reads no issue file again', async () => {
    const dataDir = newDataDir('data');
    (await openStore(dataDir)).close();
    const fresh = headlineTerms(dataDir);
    expect(fresh.words.length).toBeGreaterThan(0);
    downgrade(dataDir, MIGRATABLE_SCHEMA);

    const lines: LogLine[] = [];
    const store = await openStore(dataDir, lines);
    expect(store.report).toMatchObject({ added: 0, changed: 0, unchanged: 3, removed: 0 });
    expect(store.archive.issues()).toHaveLength(3);
    expect(lines.map((l) => l.msg)).toContain('archive migrated');
    expect(lines.find((l) => l.level === 40)?.msg).toMatch(/older format: adding its headline words/u);
    store.close();
    expect(headlineTerms(dataDir)).toEqual(fresh);
    const db = new Database(path.join(dataDir, ARCHIVE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(ARCHIVE_SCHEMA);
    db.close();
  });

  it('brings an archive of schema 3 up to date in place too', async () => {
    const dataDir = newDataDir('data');
    (await openStore(dataDir)).close();
    downgrade(dataDir, 3);
    const lines: LogLine[] = [];
    const store = await openStore(dataDir, lines);
    expect(store.report).toMatchObject({ added: 0, unchanged: 3 });
    expect(lines.find((l) => l.level === 40)?.msg).toMatch(/links to moved issues/u);
    expect(lines.find((l) => l.level === 40)?.msg).not.toMatch(/headline words/u);
  });

  it('indexes the article heads of an archive of schema 4 in place, and its search reads through them', async () => {
    const dataDir = newDataDir('data');
    (await openStore(dataDir)).close();
    downgrade(dataDir, 4);
    const lines: LogLine[] = [];
    const store = await openStore(dataDir, lines);
    expect(store.report).toMatchObject({ added: 0, unchanged: 3 });
    expect(lines.find((l) => l.level === 40)?.msg).toMatch(/indexing its article heads/u);
    const indexes = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'articles'").pluck().all();
    expect(indexes).toContain('articles_head');
    const search = createSearchEngineCore({ archive: store.archive, db: store.db, paper, profile: testProfile, logger: createSilentLogger(), tokenizer: store.tokenizer, splitSentences });
    expect(search.search('冬小麦').results.length).toBeGreaterThan(0);
  });

  it('rebuilds an archive of an older schema still, saying so', async () => {
    const dataDir = newDataDir('data');
    (await openStore(dataDir)).close();
    downgrade(dataDir, MIGRATABLE_SCHEMA - 1);
    const lines: LogLine[] = [];
    const store = await openStore(dataDir, lines);
    expect(store.report).toMatchObject({ added: 3 });
    expect(lines.map((l) => l.msg)).toContain('the archive was written in an older format: rebuilding it once');
  });
});

describe('headline term counts', () => {
  it('follow an issue removed, as a fresh build of the files left counts them', async () => {
    const dataDir = newDataDir('data');
    const store = await openStore(dataDir);
    unlinkSync(path.join(seedsDir, SEEDS[0]!));
    await store.sync();
    store.close();
    const other = newDataDir('other');
    (await openStore(other)).close();
    expect(headlineTerms(dataDir)).toEqual(headlineTerms(other));
  });
});
