import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';

/**
 * The archive's schema version (`PRAGMA user_version`). Bump it when the tables, the FTS columns or
 * the way passages are cut or tokenised change: an older file is rebuilt from the issue files, a
 * newer one (written by a newer build) is refused.
 */
export const ARCHIVE_SCHEMA = 5;

/** The oldest schema an archive is brought up from in place (see migrate-archive.ts); any older one is rebuilt. */
export const MIGRATABLE_SCHEMA = 2;

/** `PRAGMA application_id` of an archive file ("PArc"): tells our file from any other SQLite database. */
export const ARCHIVE_APP_ID = 0x50417263;

export const ARCHIVE_FILE = 'archive.sqlite';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Pre-made tokens, space-joined: the tokenizer keeps every letter, number, mark, punctuation and
 * symbol inside a token, so each jieba word or bigram stays one FTS5 token.
 */
const FTS_TOKENIZE = "unicode61 categories 'L* N* M* P* S* Co' remove_diacritics 0";

const FTS_HASH_SIZE = 64 * 2 ** 20;

/**
 * Schema 3: the words and bigrams of headlines (kicker, headline, subtitle: the title columns), each
 * with the number of articles whose headline holds it. The headline vocabulary (inline mode, /topic) is
 * read from here instead of cutting every headline with jieba at start (≈ 8 s of CPU at fifteen
 * years), and a word printed only in a headline is known to the search (QA Q9).
 */
export const HEADLINE_TERM_TABLES = `
CREATE TABLE title_word_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE title_bigram_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
`;

/**
 * Schema 4: the articles of issues that left the archive (a file deleted, moved or renamed), by what
 * identifies an article whatever its file is called (its issue's date, headline and first characters),
 * with the article that prints it now. A link shared before a move (`?start=a_<id>`: ids come from the
 * file's path) opens the same article after it (QA O4).
 */
export const RETIRED_ARTICLES_TABLE = `
CREATE TABLE retired_articles (id TEXT PRIMARY KEY, match_key TEXT NOT NULL, successor TEXT) WITHOUT ROWID;
CREATE INDEX retired_articles_key ON retired_articles (match_key);
`;

/**
 * Schema 5: an article's head read by its id without walking the articles table, whose rows carry the
 * whole body (WITHOUT ROWID: the tree is deep, ≈ 50–70 µs a lookup at fifteen years, against ≈ 12 µs
 * here). A question reads the heads of its ≈ 80 candidates (see PassageIndex).
 */
export const ARTICLE_HEAD_INDEX = `
CREATE INDEX IF NOT EXISTS articles_head ON articles (id, head);
`;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- One row per issue file seen (path relative to SEEDS_DIR): size, mtime and content hash, so an unchanged file is skipped.
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL, hash TEXT NOT NULL, issue_id TEXT, status TEXT NOT NULL, message TEXT) WITHOUT ROWID;
CREATE TABLE issues (
  id TEXT PRIMARY KEY, file TEXT NOT NULL UNIQUE, date TEXT NOT NULL, number INTEGER,
  fingerprint TEXT NOT NULL, head TEXT NOT NULL, extra TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX issues_date ON issues (date);
-- Schema 2: finding a duplicate by printed number is a lookup, not a scan of every issue (per file written).
CREATE INDEX issues_number ON issues (number);
CREATE TABLE articles (id TEXT PRIMARY KEY, issue_id TEXT NOT NULL, seq INTEGER NOT NULL, head TEXT NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX articles_issue ON articles (issue_id, seq);
-- key is the FTS rowid. norm (schema 2): the normalised text where traditional → simplified changes it,
-- NULL where folding alone (NFKC, lowercase: cheap) gives it, so a question never runs OpenCC over candidates.
CREATE TABLE passages (key INTEGER PRIMARY KEY, article_id TEXT NOT NULL, issue_id TEXT NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL, norm TEXT);
CREATE INDEX passages_article ON passages (article_id, n);
CREATE INDEX passages_issue ON passages (issue_id);
CREATE VIRTUAL TABLE fts USING fts5 (words, bigrams, title_words, title_bigrams, content='', contentless_delete=1, tokenize="${FTS_TOKENIZE}");
-- Document frequencies over passage text (not headlines), for choosing and weighting query terms.
CREATE TABLE word_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE bigram_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE char_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
${HEADLINE_TERM_TABLES}${RETIRED_ARTICLES_TABLE}${ARTICLE_HEAD_INDEX}`;

const TABLES = ['meta', 'files', 'issues', 'articles', 'passages', 'fts', 'word_df', 'bigram_df', 'char_df', 'title_word_df', 'title_bigram_df', 'retired_articles'];

/** What to do about a bad archive file: the database is derived data, rebuilt from SEEDS_DIR. */
function remedy(file: string): string {
  return `Move it away or delete it (rm "${file}"); the archive is then rebuilt from the issue files in SEEDS_DIR.`;
}

/** "Move it away…" → "move it away…" after "or": only the first letter (the file's path and SEEDS_DIR keep their case). */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function pragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL: a commit survives a process crash (SIGKILL); only a power cut may lose the last commits.
  db.pragma('synchronous = NORMAL');
  // The bot and a CLI (ingest, digest) may write at once: wait for the other's transaction.
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
}

/** Creates a fresh archive database at `file` (or in memory for ':memory:'). */
export function createArchiveDb(file: string): Database.Database {
  const db = new Database(file);
  try {
    pragmas(db);
    db.exec('BEGIN');
    db.exec(SCHEMA);
    // FTS5 flushes its in-memory postings to a new segment every 1 MB by default, then merges the
    // segments: 64 MB per flush makes a bulk build's writes ≈ 2.5× faster (a file's own transaction
    // stays far below it).
    db.exec(`INSERT INTO fts (fts, rank) VALUES ('hashsize', ${FTS_HASH_SIZE})`);
    db.pragma(`application_id = ${ARCHIVE_APP_ID}`);
    db.pragma(`user_version = ${ARCHIVE_SCHEMA}`);
    db.exec('COMMIT');
    return db;
  } catch (cause) {
    db.close();
    throw new StoreError(`Cannot create the archive database ${file}: ${(cause as Error).message}. Check that DATA_DIR is writable and has space.`, file, { cause });
  }
}

/** Why an existing file cannot be opened as an archive: foreign, corrupt or newer. Undefined when it can. */
function headerProblem(file: string): string | undefined {
  const size = statSync(file).size;
  if (size === 0) return `is empty (0 bytes), not an archive database`;
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.equals(SQLITE_HEADER) ? undefined : 'is not a SQLite database';
}

/**
 * An archive of an older schema is `outdated`; one of MIGRATABLE_SCHEMA or later comes with its database open
 * for writing (unless opened read-only), for the caller to migrate in place or close.
 */
export type OpenedArchiveDb = { status: 'open'; db: Database.Database } | { status: 'outdated'; version: number; db?: Database.Database };

/**
 * Opens an existing archive file after checking what it is: a non-SQLite, foreign (another
 * application's) or damaged file, or one written by a newer build, throws a StoreError naming the file
 * and what to do; the file is left untouched. An archive of an older schema is reported `outdated`
 * (the caller rebuilds it from the issue files). The deeper check of the contents is verifyArchiveDb.
 */
export function openArchiveDb(file: string, options: { readonly?: boolean } = {}): OpenedArchiveDb {
  if (!existsSync(file)) throw new StoreError(`The archive database ${file} does not exist.`, file);
  const problem = headerProblem(file);
  if (problem !== undefined) throw new StoreError(`The archive database ${file} ${problem}. ${remedy(file)}`, file);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: true });
  } catch (cause) {
    throw new StoreError(`The archive database ${file} cannot be opened (${(cause as Error).message}). ${remedy(file)}`, file, { cause });
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== ARCHIVE_APP_ID) {
      throw new StoreError(`${file} is a SQLite database of another application, not a newspaper archive. Set DATA_DIR to another folder, or ${lowerFirst(remedy(file))}`, file);
    }
    if (version > ARCHIVE_SCHEMA) {
      throw new StoreError(
        `The archive database ${file} was written by a newer version of this bot (schema ${version}, this build reads ${ARCHIVE_SCHEMA}). Run the newer version, or ${lowerFirst(remedy(file))}`,
        file,
      );
    }
    if (version < ARCHIVE_SCHEMA) {
      if (version >= MIGRATABLE_SCHEMA && !options.readonly) {
        pragmas(db);
        return { status: 'outdated', version, db };
      }
      db.close();
      return { status: 'outdated', version };
    }
    if (!options.readonly) pragmas(db);
    return { status: 'open', db };
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`The archive database ${file} is damaged (${(err as Error).message}). ${remedy(file)}`, file, { cause: err });
  }
}

/** A word of a passage recorded at the last commit, so opening can check that the index finds it. */
export interface Probe {
  key: number;
  word: string;
}

/**
 * Checks an opened archive before it is trusted, in well under a second at fifteen years: every table
 * is there, the passage, FTS and stored counts agree, and a self-check query finds a recorded word in
 * its passage. A mismatch throws a StoreError naming the file and what to do. (The full, slow check
 * of every FTS posting is `npm run ingest -- --check`.)
 */
export function verifyArchiveDb(db: Database.Database, file: string): void {
  const bad = (what: string, cause?: unknown) =>
    new StoreError(`The archive database ${file} is damaged or inconsistent: ${what}. ${remedy(file)}`, file, cause === undefined ? undefined : { cause });
  try {
    const present = new Set((db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table')`).all() as { name: string }[]).map((r) => r.name));
    const missing = TABLES.filter((t) => !present.has(t));
    if (missing.length > 0) throw bad(`missing tables ${missing.join(', ')}`);
    const passages = (db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
    const indexed = (db.prepare('SELECT count(*) AS n FROM fts_docsize').get() as { n: number }).n;
    const recorded = readMeta(db, 'passages');
    if (passages !== indexed) throw bad(`${passages} passages but ${indexed} in the search index`);
    if (recorded !== undefined && Number(recorded) !== passages) throw bad(`${passages} passages but ${recorded} recorded at the last commit`);
    const probe = readMeta(db, 'probe');
    if (probe !== undefined) {
      const { key, word } = JSON.parse(probe) as Probe;
      // BigInt: FTS5 ignores a rowid constraint bound as a float (JS numbers bind as REAL).
      const found = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? AND rowid = ?').get(`words : ${quoteTerm(word)}`, BigInt(key));
      if (found === undefined) throw bad(`the self-check query for "${word}" does not find passage ${key}`);
    }
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw bad((err as Error).message, err);
  }
}

export function readMeta(db: Database.Database, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function writeMeta(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** One pre-made token as an FTS5 string literal (it may hold quotes or operators' characters). */
export function quoteTerm(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}
