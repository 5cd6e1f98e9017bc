import type Database from 'better-sqlite3';
import { issueFingerprint } from '../ingest/find-duplicate-issue.js';
import { foldForMatch, normalizeForMatch } from '../text/normalize-for-match.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { readMeta, writeMeta, type Probe } from './archive-db.js';
import { articleHeadOf, headOf } from './archive.js';
import { buildPassages } from './build-passages.js';
import { classifyArticle } from './classify-article.js';
import { createHeadlineTermCounts } from './headline-term-counts.js';
import { termsOfArticle, titleTermsOf, type IndexedPassage, type PassageTerms, type TitleTerms } from './index-terms.js';
import { articleMatchKey } from '../ingest/article-id.js';
import type { Article, Issue } from './model.js';
import type { TopicsConfig } from './topics-config.js';

/** An issue ready to be written: articles tagged, passages cut and tokenised. */
export interface PreparedIssue {
  issue: Issue;
  passages: IndexedPassage[][];
}

/** Gives the event loop a turn (replies, timers) between pieces of work. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Tags each article with topics and places (once, at ingest). */
export function tagIssue(issue: Issue, topics: TopicsConfig): Issue {
  return { ...issue, articles: issue.articles.map((a) => ({ ...a, ...classifyArticle(a, topics) })) };
}

/**
 * Tags, cuts and tokenises an issue, article by article, yielding to the event loop whenever a slice
 * of `sliceMs` has been used: a large issue never holds up the bot's replies for long.
 */
export async function prepareIssue(issue: Issue, options: { tokenizer: Tokenizer; topics: TopicsConfig; sliceMs?: number }): Promise<PreparedIssue> {
  const slice = options.sliceMs ?? 15;
  const tagged = tagIssue(issue, options.topics);
  const passages: IndexedPassage[][] = [];
  let started = performance.now();
  for (const article of tagged.articles) {
    passages.push(termsOfArticle(article, buildPassages(article), options.tokenizer));
    if (performance.now() - started > slice) {
      await yieldToLoop();
      started = performance.now();
    }
  }
  return { issue: tagged, passages };
}

/** The same without yielding, for building in one go (tests, the in-memory archive). */
export function prepareIssueSync(issue: Issue, options: { tokenizer: Tokenizer; topics: TopicsConfig }): PreparedIssue {
  const tagged = tagIssue(issue, options.topics);
  return { issue: tagged, passages: tagged.articles.map((a) => termsOfArticle(a, buildPassages(a), options.tokenizer)) };
}

/** What identifies a version of an issue file: its path relative to SEEDS_DIR, size, mtime (ms) and content hash. */
export interface FileStamp {
  path: string;
  size: number;
  mtime: number;
  hash: string;
}

/** How an issue file fared, recorded so an unchanged file is not read again. */
export type FileStatus = 'ok' | 'skipped' | 'duplicate';

/** A file an issue was read from (`ok`), or a page of it left out (`skipped`, with why). */
export interface IssueFileRecord extends FileStamp {
  status?: FileStatus;
  message?: string;
}

export interface ArchiveWriter {
  /**
   * Writes an issue in one transaction with the records of the files it was read from (one file, or
   * its pages): it replaces any issue of the same id or file, and any issue those files gave before
   * (pages once ingested one issue each become one issue).
   */
  put(prepared: PreparedIssue, files: readonly IssueFileRecord[], gone?: readonly string[]): void;
  /** Writes several issues in one transaction (a bulk build), each as `put` would. */
  putMany(items: readonly IssueWrite[]): void;
  /**
   * Records files that give no issue now (all skipped, or a duplicate), in one transaction with
   * removing the issue they gave before and the records of `gone` files (pages deleted from them).
   */
  recordNoIssue(files: readonly IssueFileRecord[], gone?: readonly string[]): void;
  /** Removes an issue and its file record, in one transaction. */
  remove(issueId: string, path?: string): void;
  /** Records a file that gave no issue (skipped or a duplicate), so it is not read again until it changes. */
  recordFile(file: FileStamp, status: FileStatus, message?: string): void;
  /** Removes the record of a file that gave no issue. */
  forgetFile(path: string): void;
}

/** One issue to write with the records of its files, and the paths of its pages that were deleted. */
export interface IssueWrite {
  prepared: PreparedIssue;
  files: readonly IssueFileRecord[];
  gone?: readonly string[];
}

/** The full article minus what the head holds is not worth splitting: the body row keeps the whole article. */
function bodyJson(article: Article): string {
  return JSON.stringify(article);
}

/**
 * Writes issues into the archive database: rows, FTS postings, document frequencies and headline term counts together, one
 * transaction per issue, so a crash (or a full disk) leaves the previous consistent state. `now` (ingest from files) stamps each issue written; issues written whole (tests, tools) go unstamped.
 */
export function createArchiveWriter(db: Database.Database, tokenizer: Tokenizer, now?: () => Date): ArchiveWriter {
  const q = {
    issueIdsOf: db.prepare('SELECT id FROM issues WHERE id = ? OR file = ?').pluck(),
    issueOfFile: db.prepare('SELECT issue_id FROM files WHERE path = ? AND issue_id IS NOT NULL').pluck(),
    passagesOf: db.prepare('SELECT p.key, p.text, p.n, p.article_id, a.body FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.issue_id = ? ORDER BY p.key'),
    articlesOf: db.prepare('SELECT a.id, a.body, i.date FROM articles a JOIN issues i ON i.id = a.issue_id WHERE a.issue_id = ?'),
    retire: db.prepare('INSERT INTO retired_articles (id, match_key, successor) VALUES (?, ?, NULL) ON CONFLICT (id) DO UPDATE SET match_key = excluded.match_key, successor = NULL'),
    unretire: db.prepare('DELETE FROM retired_articles WHERE id = ?'),
    succeed: db.prepare('UPDATE retired_articles SET successor = ? WHERE match_key = ? AND id != ?'),
    deleteFts: db.prepare('DELETE FROM fts WHERE rowid = ?'),
    deletePassages: db.prepare('DELETE FROM passages WHERE issue_id = ?'),
    deleteArticles: db.prepare('DELETE FROM articles WHERE issue_id = ?'),
    deleteIssue: db.prepare('DELETE FROM issues WHERE id = ?'),
    deleteFileOfIssue: db.prepare('DELETE FROM files WHERE issue_id = ?'),
    deleteFile: db.prepare('DELETE FROM files WHERE path = ?'),
    insertIssue: db.prepare('INSERT INTO issues (id, file, date, number, fingerprint, head, extra) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertArticle: db.prepare('INSERT INTO articles (id, issue_id, seq, head, body) VALUES (?, ?, ?, ?, ?)'),
    insertPassage: db.prepare('INSERT INTO passages (article_id, issue_id, n, text, norm) VALUES (?, ?, ?, ?, ?)'),
    insertFts: db.prepare('INSERT INTO fts (rowid, words, bigrams, title_words, title_bigrams) VALUES (?, ?, ?, ?, ?)'),
    upsertFile: db.prepare(
      `INSERT INTO files (path, size, mtime, hash, issue_id, status, message) VALUES (@path, @size, @mtime, @hash, @issueId, @status, @message)
       ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, hash = excluded.hash, issue_id = excluded.issue_id, status = excluded.status, message = excluded.message`,
    ),
    bumpDf: {
      word: db.prepare('INSERT INTO word_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df'),
      bigram: db.prepare('INSERT INTO bigram_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df'),
      char: db.prepare('INSERT INTO char_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df'),
    },
    dropZeroDf: [db.prepare('DELETE FROM word_df WHERE df <= 0'), db.prepare('DELETE FROM bigram_df WHERE df <= 0'), db.prepare('DELETE FROM char_df WHERE df <= 0')],
  };

  const headlineTerms = createHeadlineTermCounts(db);

  const countPassages = (by: number) => writeMeta(db, 'passages', String(Number(readMeta(db, 'passages') ?? '0') + by));

  /**
   * Adds `by` to the document frequency of every distinct word, bigram and character of the passages.
   * One map lookup per token (the passage that last counted a term is kept beside its count, instead
   * of a Set per passage), and the upserts go in term order, so the B-tree pages they touch are visited
   * once each rather than at random: together the bulk of a batch's write time before.
   */
  const bumpDf = (passages: Iterable<{ words: readonly string[]; bigrams: readonly string[] }>, by: number) => {
    const words = new Map<string, DfCount>();
    const bigrams = new Map<string, DfCount>();
    const chars = new CharCounts();
    let passage = 0;
    for (const p of passages) {
      passage++;
      for (const w of p.words) countOnce(words, w, passage);
      for (const b of p.bigrams) {
        countOnce(bigrams, b, passage);
        // Every character of a Han run of two or more: the characters of its bigrams.
        chars.count(b.charCodeAt(0), passage);
        chars.count(b.charCodeAt(1), passage);
      }
    }
    upsertSorted(q.bumpDf.word, words, by);
    upsertSorted(q.bumpDf.bigram, bigrams, by);
    for (const [code, n] of chars.counts()) q.bumpDf.char.run(String.fromCharCode(code), by * n);
    if (by < 0) for (const s of q.dropZeroDf) s.run();
  };

  const removeIssue = (issueId: string) => {
    const rows = q.passagesOf.all(issueId) as { key: number; text: string; n: number; article_id: string; body: string }[];
    const articles = new Map<string, Article>();
    const terms: { words: string[]; bigrams: string[] }[] = [];
    for (const row of rows) {
      let article = articles.get(row.article_id);
      if (article === undefined) {
        article = JSON.parse(row.body) as Article;
        articles.set(row.article_id, article);
      }
      const [indexed] = termsOfArticle(article, [{ id: `${row.article_id}#${row.n}`, articleId: row.article_id, n: row.n, text: row.text }], tokenizer);
      terms.push(indexed!.terms);
      q.deleteFts.run(row.key);
    }
    bumpDf(terms, -1);
    const gone = (q.articlesOf.all(issueId) as { id: string; body: string; date: string }[]).map((row) => ({ ...row, article: JSON.parse(row.body) as Article }));
    headlineTerms.bump(
      gone.map((g) => titleTermsOf(g.article, tokenizer)),
      -1,
    );
    // Remembered by what identifies them beyond their file's path: a link to one still opens it once its issue is back under another name.
    for (const g of gone) q.retire.run(g.id, articleMatchKey(g.date, g.article));
    q.deletePassages.run(issueId);
    q.deleteArticles.run(issueId);
    q.deleteIssue.run(issueId);
    q.deleteFileOfIssue.run(issueId);
    countPassages(-rows.length);
  };

  /** Rows and postings of one issue; returns its passages' terms for the document frequencies. */
  /** Removes the issues the files (and the deleted files) gave before, and the deleted files' records. */
  const removeIssuesOf = (paths: Iterable<string>, gone: readonly string[], also: Iterable<string> = []) => {
    const old = new Set(also);
    for (const p of [...paths, ...gone]) for (const id of q.issueOfFile.all(p) as string[]) old.add(id);
    for (const id of old) removeIssue(id);
    for (const p of gone) q.deleteFile.run(p);
  };

  const upsertFiles = (files: readonly IssueFileRecord[], issueId: string | null) => {
    for (const { status = 'ok', message, ...stamp } of files) {
      q.upsertFile.run({ ...stamp, issueId: status === 'ok' ? issueId : null, status, message: message ?? null });
    }
  };

  const insertIssue = ({ prepared, files, gone = [] }: IssueWrite) => {
    const { issue } = prepared;
    removeIssuesOf(
      files.map((f) => f.path),
      gone,
      q.issueIdsOf.all(issue.id, issue.file) as string[],
    );
    const head = headOf(issue);
    // writtenAt: when this version of the issue was written, so a digest waits until its file has settled (see Archive.writtenAt).
    const extra = JSON.stringify({ boilerplate: issue.boilerplate, warnings: issue.warnings, ...(now !== undefined ? { writtenAt: now().toISOString() } : {}) });
    q.insertIssue.run(issue.id, issue.file, issue.date, issue.number ?? null, issueFingerprint(issue), JSON.stringify(head), extra);
    let probe: Probe | undefined;
    let count = 0;
    issue.articles.forEach((article, seq) => {
      q.insertArticle.run(article.id, issue.id, seq, JSON.stringify(articleHeadOf(article)), bodyJson(article));
      // A moved or renamed issue file: the ids its articles had before now lead here.
      q.unretire.run(article.id);
      q.succeed.run(article.id, articleMatchKey(issue.date, article), article.id);
      for (const { passage, terms, norm } of prepared.passages[seq] ?? []) {
        const stored = foldForMatch(passage.text) === norm ? null : norm;
        const key = Number(q.insertPassage.run(article.id, issue.id, passage.n, passage.text, stored).lastInsertRowid);
        q.insertFts.run(key, terms.words.join(' '), terms.bigrams.join(' '), terms.titleWords.join(' '), terms.titleBigrams.join(' '));
        if (probe === undefined && terms.words.length > 0) probe = { key, word: terms.words[0]! };
        count++;
      }
    });
    countPassages(count);
    if (probe !== undefined) writeMeta(db, 'probe', JSON.stringify(probe));
    upsertFiles(files, issue.id);
    // Every article's headline terms, cut once already with its passages (an article without passages is cut here).
    const titles = issue.articles.map((article, seq): TitleTerms => prepared.passages[seq]?.[0]?.terms ?? titleTermsOf(article, tokenizer));
    return { terms: prepared.passages.flat().map((p) => p.terms), titles };
  };

  const put = db.transaction((write: IssueWrite) => {
    const { terms, titles } = insertIssue(write);
    bumpDf(terms, 1);
    headlineTerms.bump(titles, 1);
  });

  // A bulk build writes several files per transaction: each file still whole, and the document
  // frequencies of a term shared by the batch are updated once instead of once per file (the main
  // cost of writing). A crash loses at most the batch, never part of a file.
  const putMany = db.transaction((items: readonly IssueWrite[]) => {
    const terms: PassageTerms[] = [];
    const titles: TitleTerms[] = [];
    for (const item of items) {
      const written = insertIssue(item);
      for (const t of written.terms) terms.push(t);
      for (const t of written.titles) titles.push(t);
    }
    bumpDf(terms, 1);
    headlineTerms.bump(titles, 1);
  });

  const remove = db.transaction((issueId: string, path?: string) => {
    removeIssue(issueId);
    if (path !== undefined) q.deleteFile.run(path);
    keepProbe();
  });

  const recordNoIssue = db.transaction((files: readonly IssueFileRecord[], gone: readonly string[]) => {
    removeIssuesOf(
      files.map((f) => f.path),
      gone,
    );
    upsertFiles(files, null);
    keepProbe();
  });

  const keepProbe = () => {
    // The probe may have pointed into the removed issue: point it at any passage left.
    const any = db.prepare('SELECT key, text FROM passages LIMIT 1').get() as { key: number } | undefined;
    if (any === undefined) db.prepare("DELETE FROM meta WHERE key = 'probe'").run();
    else {
      const probe = readMeta(db, 'probe');
      const key = probe === undefined ? undefined : (JSON.parse(probe) as Probe).key;
      if (key === undefined || db.prepare('SELECT 1 FROM passages WHERE key = ?').get(key) === undefined) repointProbe(db, tokenizer);
    }
  };

  return {
    put: (prepared, files, gone = []) => put({ prepared, files, gone }),
    putMany: (items) => putMany(items),
    recordNoIssue: (files, gone = []) => recordNoIssue(files, gone),
    remove: (issueId, path) => remove(issueId, path),
    recordFile: (file, status, message) => {
      q.upsertFile.run({ ...file, issueId: null, status, message: message ?? null });
    },
    forgetFile: (path) => {
      q.deleteFile.run(path);
    },
  };
}

/** A term's document count in a batch, and the last passage that counted it (so a passage counts a term once). */
interface DfCount {
  n: number;
  last: number;
}

function countOnce(map: Map<string, DfCount>, term: string, passage: number): void {
  const c = map.get(term);
  if (c === undefined) map.set(term, { n: 1, last: passage });
  else if (c.last !== passage) {
    c.n++;
    c.last = passage;
  }
}

/** Document counts of UTF-16 units (Han characters), in arrays: a map would cost more than all the rest. */
class CharCounts {
  private readonly n = new Int32Array(0x10000);
  private readonly last = new Int32Array(0x10000);
  count(code: number, passage: number): void {
    if (this.last[code] === passage) return;
    this.last[code] = passage;
    this.n[code]!++;
  }
  *counts(): Generator<[number, number]> {
    for (let code = 0; code < 0x10000; code++) if (this.n[code]! > 0) yield [code, this.n[code]!];
  }
}

/** Runs `upsert(term, by × count)` for every term, in term order (see bumpDf). */
function upsertSorted(upsert: Database.Statement, counts: Map<string, DfCount>, by: number): void {
  const rows = [...counts];
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [t, c] of rows) upsert.run(t, by * c.n);
}

/** Points the self-check probe at the first passage that has a word. */
function repointProbe(db: Database.Database, tokenizer: Tokenizer): void {
  const rows = db.prepare('SELECT key, text FROM passages ORDER BY key LIMIT 50').all() as { key: number; text: string }[];
  for (const row of rows) {
    const word = tokenizer.words(normalizeForMatch(row.text))[0];
    if (word !== undefined) {
      writeMeta(db, 'probe', JSON.stringify({ key: row.key, word }));
      return;
    }
  }
  db.prepare("DELETE FROM meta WHERE key = 'probe'").run();
}
