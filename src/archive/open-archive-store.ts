import { existsSync, renameSync, rmSync } from 'node:fs';
import { lstat, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { PaperConfig } from '../config.js';
import { StoreError } from '../errors.js';
import { duplicateIssueMessage, issueFingerprint } from '../ingest/find-duplicate-issue.js';
import type { Manifest } from '../ingest/manifest.js';
import { issueId } from '../ingest/article-id.js';
import { groupIssueFiles, type IssueFileGroup } from '../ingest/group-issue-files.js';
import { issueKeyOf } from '../ingest/issue-key.js';
import { futureDateProblem } from '../ingest/future-date-problem.js';
import { listIssueFiles, type IssueFileEntry } from '../ingest/read-issue-file.js';
import { manifestEntryOf, readIssueGroup } from '../ingest/read-issue-group.js';
import { unmatchedManifestKeys } from '../ingest/unmatched-manifest-keys.js';
import type { Logger } from '../logger.js';
import type { PaperProfile } from '../profile/paper-profile.js';
import { createTokenizer, type Tokenizer } from '../text/tokenizer.js';
import type { Archive } from './archive.js';
import { ARCHIVE_FILE, createArchiveDb, openArchiveDb, readMeta, verifyArchiveDb, writeMeta } from './archive-db.js';
import { configFingerprint } from './config-fingerprint.js';
import { migrateArchive } from './migrate-archive.js';
import type { Issue } from './model.js';
import { createStoredArchive, type StoredArchive } from './stored-archive.js';
import type { TopicsConfig } from './topics-config.js';
import { createArchiveWriter, prepareIssue, prepareIssueSync, type FileStamp, type FileStatus, type IssueFileRecord, type IssueWrite } from './write-issue.js';

/** A file that gave no issue (or a problem with the manifest), by kind for the summary. */
export interface IngestProblem {
  file: string;
  kind: 'refused' | 'unreadable' | 'duplicate' | 'manifest' | 'empty' | 'undated' | 'misfiled' | 'misdated' | 'dangling';
  message: string;
}

export interface SyncReport {
  files: number;
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  problems: IngestProblem[];
}

export interface SyncProgress {
  done: number;
  total: number;
  file: string;
}

export interface OpenArchiveOptions {
  seedsDir: string;
  /** The paper profile (word lists, dictionary, topics, manifest), loaded once by loadProfile. */
  profile: PaperProfile;
  /** The manifest as it is now (an editor may record a new issue's date while the bot runs); default: the profile's. */
  manifest?: () => Manifest;
  /** Folder of `archive.sqlite`; without it the archive lives in memory (tests, evaluations). */
  dataDir?: string;
  /** The paper, with the time zone the deployment uses (TZ override applied): one zone for ingest, search and the bot. */
  paper: PaperConfig;
  logger: Logger;
  now?: () => Date;
  /** Progress of a sync (a first build or a rebuild reads every file). */
  onProgress?: (progress: SyncProgress) => void;
  tokenizer?: Tokenizer;
  topics?: TopicsConfig;
  /**
   * Sync with SEEDS_DIR while opening (default true). The bot passes false and syncs itself (see
   * createSyncRetry), so a full disk keeps it serving the archive it has instead of stopping it.
   * A first build or a rebuild always reads every file.
   */
  syncOnOpen?: boolean;
}

/** The archive's store: the archive, its database (for the search's first stage), and the ingest side that keeps it in step with SEEDS_DIR. */
export interface ArchiveStore {
  archive: Archive;
  db: Database.Database;
  /** The tokenizer the index was built with: the search must cut questions the same way. */
  tokenizer: Tokenizer;
  /** The database file, or ':memory:'. */
  file: string;
  /** What the opening sync found (new, changed, deleted, refused files). */
  report: SyncReport;
  /** Brings the archive in line with SEEDS_DIR again: new and changed files ingested, deleted ones removed. */
  sync(): Promise<SyncReport>;
  /** A file under SEEDS_DIR was added or changed (the watcher): ingest it; returns why it gave no issue, if it did not. */
  ingestFile(absPath: string): Promise<IngestProblem | undefined>;
  /** A file under SEEDS_DIR was deleted: its issue leaves the archive. Returns the issue's id, if it had one. */
  removeFile(absPath: string): Promise<string | undefined>;
  close(): void;
}

function kindOf(message: string): IngestProblem['kind'] {
  if (/ is undated: /u.test(message)) return 'undated';
  if (/ left out \(misfiled\)/u.test(message)) return 'misfiled';
  if (/ refused as misdated: /u.test(message)) return 'misdated';
  if (/refused/u.test(message)) return 'refused';
  if (/duplicate/u.test(message)) return 'duplicate';
  if (/no articles|empty|whitespace/u.test(message)) return 'empty';
  return 'unreadable';
}

const stampOf = (entry: IssueFileEntry, hash: string): FileStamp => ({ path: entry.rel, size: entry.size, mtime: Math.round(entry.mtimeMs), hash });

/**
 * Opens the archive's store (see openArchive in src/open-archive.ts for the one function entry points
 * call): the SQLite file under DATA_DIR, checked before it is trusted, brought in line with SEEDS_DIR
 * (unchanged files skipped by size, mtime and content hash; each file written in its own
 * transaction), rebuilt once when the config that shapes it changed.
 *
 * A corrupt, foreign or newer-version database is refused with a StoreError naming the file and what
 * to do; it is never emptied or overwritten.
 */
export async function openArchiveStore(options: OpenArchiveOptions): Promise<ArchiveStore> {
  const log = options.logger.child({ module: 'archive' });
  const tokenizer = options.tokenizer ?? createTokenizer(options.profile);
  const topics = options.topics ?? options.profile.topics;
  const fingerprint = configFingerprint(options.profile, options.paper);
  const context: IngestContext = { ...options, tokenizer, topics, log };

  let db: Database.Database;
  let built: SyncReport | undefined;
  let file = ':memory:';
  if (options.dataDir === undefined) {
    db = createArchiveDb(':memory:');
    writeMeta(db, 'config', fingerprint);
  } else {
    file = path.join(options.dataDir, ARCHIVE_FILE);
    const current = await openCurrent(file, fingerprint, context);
    if (current !== undefined) db = current;
    else ({ db, report: built } = await build(file, fingerprint, context));
  }
  const ingest = createIngest(db, file, context, { stampWrites: true });
  if (options.syncOnOpen === false) {
    const report = built ?? { files: 0, added: 0, changed: 0, unchanged: 0, removed: 0, problems: [] };
    return { ...ingest, db, tokenizer, file, report, close: () => db.close() };
  }
  const report = await ingest.sync();
  if (built !== undefined) {
    // What the build did, plus anything that changed while it ran.
    report.added += built.added;
    report.changed += built.changed;
    report.unchanged = Math.max(0, report.unchanged - built.added - built.changed);
  }
  return { ...ingest, db, tokenizer, file, report, close: () => db.close() };
}

/**
 * An archive in memory holding exactly `issues` (tests, evaluations, tools that generate issues):
 * the same store, writer and index as the real one, without SEEDS_DIR or DATA_DIR.
 */
export function createMemoryArchiveStore(options: { issues: readonly Issue[]; paper: PaperConfig; profile: PaperProfile; logger: Logger; tokenizer?: Tokenizer; topics?: TopicsConfig }): Omit<ArchiveStore, 'report' | 'sync' | 'ingestFile' | 'removeFile'> {
  const tokenizer = options.tokenizer ?? createTokenizer(options.profile);
  const topics = options.topics ?? { topics: [], places: [] };
  const db = createArchiveDb(':memory:');
  const ingest = createIngest(db, ':memory:', { seedsDir: '', profile: options.profile, paper: options.paper, logger: options.logger, tokenizer, topics, log: options.logger });
  const writer = createArchiveWriter(db, tokenizer);
  for (const issue of options.issues) writer.put(prepareIssueSync(issue, { tokenizer, topics }), [{ path: issue.file, size: 0, mtime: 0, hash: `direct:${issue.id}` }]);
  ingest.refreshAll();
  return { archive: ingest.archive, db, tokenizer, file: ':memory:', close: () => db.close() };
}

interface IngestContext extends OpenArchiveOptions {
  tokenizer: Tokenizer;
  topics: TopicsConfig;
  log: Logger;
}

/** The ingest side over an open database: the stored archive and the writes that keep it in step with SEEDS_DIR. */
/**
 * `stampWrites`: each issue written records when (Archive.writtenAt), so a digest holds back an issue whose
 * file may still be arriving. A build (first or rebuild) writes every issue at once and stamps none: the
 * archive's issues were whole before it, and the first digest after it need not wait.
 */
function createIngest(db: Database.Database, file: string, options: IngestContext, writes: { stampWrites?: boolean } = {}) {
  const now = options.now ?? (() => new Date());
  const { log, tokenizer, topics } = options;
  const writer = createArchiveWriter(db, tokenizer, writes.stampWrites === true ? now : undefined);
  let stored: StoredArchive;
  const currentManifest = options.manifest ?? (() => options.profile.manifest);
  let manifest: Manifest = options.profile.manifest;
  // Writes happen one at a time, in order (the opening sync, then the watcher's files).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job).catch((err: unknown) => {
      if (err instanceof StoreError) releaseWal(db, log);
      throw err;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  /** Writes the batch's issues in one transaction (see ArchiveWriter.putMany) and lists them. */
  const flush = (batch: Batch) => {
    if (batch.items.length === 0) return;
    writeOrExplain(() => writer.putMany(batch.items), file, batch.items.map((i) => i.prepared.issue.file));
    // One re-sort of the heads for the whole batch (one per issue is quadratic over a build).
    stored.refreshIssues(batch.items.map(({ prepared, previous }) => ({ issueId: prepared.issue.id, previous })));
    batch.items = [];
    batch.seen.clear();
  };

  /** Lists an issue written (or gone) and drops the issues its files gave before. */
  const refresh = (issueId: string | undefined, previous: readonly string[]) => {
    stored.refreshIssues([...(issueId !== undefined ? [{ issueId, previous }] : []), ...previous.filter((id) => id !== issueId).map((id) => ({ issueId: id, previous: [] }))]);
  };

  /** Reads the files of one issue (one file, or its pages) and writes the issue, or records why there is none. */
  const ingestGroup = async (group: IssueFileGroup, rows: ReadonlyMap<string, FileRow>, batch?: Batch): Promise<GroupOutcome> => {
    const result = await readIssueGroup(group, { paper: options.paper, manifest });
    const gone = [...rows.keys()].filter((p) => !group.files.some((f) => f.rel === p));
    const id = issueId(group.key);
    const same = gone.length === 0 && result.files.every((f) => rows.get(f.entry.rel)?.hash === f.hash && (rows.get(f.entry.rel)?.status !== 'ok' || rows.get(f.entry.rel)?.issue_id === id));
    if (same) {
      // Touched but not changed: just remember the new mtimes.
      for (const f of result.files) db.prepare('UPDATE files SET size = ?, mtime = ? WHERE path = ?').run(f.entry.size, Math.round(f.entry.mtimeMs), f.entry.rel);
      // Another process (npm run ingest, digest --once) may have written it: make sure it is listed here too.
      if ([...rows.values()].some((r) => r.issue_id === id) && stored.issueById(id) === undefined) stored.refreshIssue(id);
      const gaveIssue = [...rows.values()].some((r) => r.status === 'ok');
      return { ...(gaveIssue ? { outcome: 'unchanged' as const } : {}), problems: problemsOfRows(group.key, rows.values()) };
    }
    const known = [...rows.values()].some((r) => r.status === 'ok');
    const previous = [...new Set([...rows.values()].flatMap((r) => (r.issue_id ? [r.issue_id] : [])))];
    const pageProblems = result.files.flatMap((f) => (f.warning === undefined ? [] : [problemOf(f.entry.rel, f.warning)]));
    for (const p of pageProblems) log.warn({ file: p.file }, p.message);
    // A message about the whole issue is kept once, on its first file without a warning of its own.
    const carrier = result.files.findIndex((f) => f.warning === undefined);
    const records = (status: FileStatus, message?: string): IssueFileRecord[] =>
      result.files.map((f, i) => ({
        ...stampOf(f.entry, f.hash),
        ...(f.warning !== undefined ? { status: 'skipped' as const, message: f.warning } : status === 'ok' ? {} : { status, ...(i === carrier && message !== undefined ? { message } : {}) }),
      }));
    const noIssue = (status: FileStatus, message: string): GroupOutcome => {
      writeOrExplain(() => writer.recordNoIssue(records(status, message), gone), file, group.key);
      refresh(undefined, previous);
      log.warn({ file: group.key }, message);
      const problem = { ...problemOf(group.key, message), ...(status === 'duplicate' ? { kind: 'duplicate' as const } : {}) };
      return { problems: [...pageProblems, problem] };
    };
    if (result.issue === undefined) {
      if (result.warning !== undefined) return noIssue('skipped', result.warning);
      // A lone file's own warning says why; record it as such.
      writeOrExplain(() => writer.recordNoIssue(records('skipped'), gone), file, group.key);
      refresh(undefined, previous);
      return { problems: pageProblems };
    }
    const issue = result.issue;
    const misdated = futureDateProblem(group.key, issue, now(), options.paper.timeZone);
    if (misdated !== undefined) return noIssue('skipped', misdated);
    const duplicate = findStoredDuplicate(db, issue, previous);
    const pendingOriginal = batch?.seen.get(duplicateKeys(issue).find((k) => batch.seen.has(k)) ?? '');
    if (duplicate !== undefined || pendingOriginal !== undefined) {
      const original = pendingOriginal ?? stored.issueById(duplicate!);
      const message = original ? duplicateIssueMessage(issue, original) : `${group.key} is a duplicate of another issue file; skipped.`;
      return noIssue('duplicate', message);
    }
    const prepared = await prepareIssue(issue, { tokenizer, topics });
    const item = { prepared, files: records('ok'), gone, previous };
    if (batch !== undefined) {
      batch.items.push(item);
      for (const k of duplicateKeys(issue)) batch.seen.set(k, issue);
      if (batch.items.length >= BATCH_FILES) flush(batch);
    } else {
      writeOrExplain(() => writer.put(prepared, item.files, gone), file, group.key);
      refresh(issue.id, previous);
    }
    log.debug({ file: group.key, issue: issue.id, date: issue.date, articles: issue.articles.length, pages: group.files.length }, 'issue ingested');
    return { outcome: known ? 'changed' : 'added', problems: pageProblems };
  };

  const readRows = () => db.prepare('SELECT path, size, mtime, hash, issue_id, status, message FROM files').all() as FileRow[];

  /** The records of the files of issue `key`, including pages since deleted. */
  const rowsOfKey = (key: string) => new Map(readRows().filter((r) => issueKeyOf(r.path).key === key).map((r) => [r.path, r]));

  // Warned once per link for the life of the bot, not at every sync.
  const warnedLinks = new Set<string>();
  const warnLoopingLink = (rel: string, target: string) => {
    if (warnedLinks.has(rel)) return;
    warnedLinks.add(rel);
    log.warn({ link: rel, target }, `${rel} -> ${target} points back into SEEDS_DIR (or to a folder already read); ignored. Remove the link if it is not needed.`);
  };

  const sync = () =>
    serial(async () => {
      manifest = currentManifest();
      const report: SyncReport = { files: 0, added: 0, changed: 0, unchanged: 0, removed: 0, problems: [] };
      const dangling: IngestProblem[] = [];
      const entries = await listIssueFiles(options.seedsDir, { onSkippedLink: warnLoopingLink, onDanglingLink: (rel, target) => dangling.push(danglingLinkProblem(rel, target)) });
      report.problems.push(...dangling);
      const groups = groupIssueFiles(entries);
      report.files = entries.length;
      report.problems.push(...unmatchedManifestKeys(manifest, groups).map((key) => manifestProblem(key, options)));
      const rowsByKey = new Map<string, Map<string, FileRow>>();
      for (const row of readRows()) {
        const { key } = issueKeyOf(row.path);
        if (!rowsByKey.has(key)) rowsByKey.set(key, new Map());
        rowsByKey.get(key)!.set(row.path, row);
      }
      const present = new Set(entries.map((e) => e.rel));
      const keys = new Set(groups.map((g) => g.key));
      warnMassRemoval(rowsByKey, keys, stored.issues().length, options.seedsDir, log);
      // Files deleted with every other file of their issue: the issue leaves. (A page deleted from an
      // issue that still has pages rewrites that issue below.)
      for (const [key, rows] of rowsByKey) {
        if (keys.has(key)) continue;
        for (const [rel, row] of rows) {
          writeOrExplain(() => (row.issue_id ? writer.remove(row.issue_id, rel) : writer.forgetFile(rel)), file, rel);
          if (row.issue_id) stored.refreshIssue(row.issue_id);
          report.removed++;
        }
      }
      const batch: Batch = { items: [], seen: new Map() };
      let done = 0;
      for (const group of groups) {
        const rows = rowsByKey.get(group.key) ?? new Map<string, FileRow>();
        // A file an editor dated in the manifest is read again (its hash covers the entry): a date recorded for an undated
        // or misdated issue takes effect on the next sync, without touching the file.
        const fresh =
          [...rows.keys()].every((p) => present.has(p)) && group.files.every((f) => isFresh(rows.get(f.rel), f, group.key)) && manifestEntryOf(group, manifest) === undefined;
        if (fresh) {
          // Files that gave no issue are counted as problems only, as on the run that found them.
          if ([...rows.values()].some((r) => r.status === 'ok')) report.unchanged++;
          // A file refused before is still refused: keep it in the summary, without reading it again.
          report.problems.push(...problemsOfRows(group.key, rows.values()));
        } else {
          report.removed += [...rows.keys()].filter((p) => !present.has(p)).length;
          const { outcome, problems } = await ingestGroup(group, rows, batch);
          if (outcome !== undefined) report[outcome]++;
          report.problems.push(...problems);
        }
        done += group.files.length;
        options.onProgress?.({ done, total: entries.length, file: group.files[group.files.length - 1]!.rel });
      }
      flush(batch);
      log.info({ files: report.files, added: report.added, changed: report.changed, removed: report.removed, problems: report.problems.length }, 'archive in step with the issue files');
      return report;
    });

  /**
   * Files left out as duplicates are read again once an issue has left: a file moved or renamed while the
   * bot watches may be seen as "added" (a duplicate of itself) before its old name is seen "deleted" (QA O4).
   */
  const readDuplicatesAgain = async () => {
    const paths = db.prepare("SELECT path FROM files WHERE status = 'duplicate'").pluck().all() as string[];
    for (const rel of paths) {
      const group = await groupOf(rel);
      writeOrExplain(() => writer.forgetFile(rel), file, rel);
      if (group === undefined) continue;
      const { outcome } = await ingestGroup(group, rowsOfKey(group.key));
      if (outcome === 'added') log.info({ file: rel, issue: group.key }, 'issue file ingested: the issue it duplicated has left');
    }
  };

  const relOf = (absPath: string) => path.relative(options.seedsDir, absPath).split(path.sep).join('/');

  /** The files of the issue `rel` belongs to, as they are now; undefined when none is left. */
  const groupOf = async (rel: string): Promise<IssueFileGroup | undefined> => {
    const { key } = issueKeyOf(rel);
    // Only the folder the issue lives in is listed: a day's folder with its sub-folders, or the folder of a file named after its day.
    const folder = path.posix.dirname(rel);
    const where = key.endsWith('/*') ? { under: key.slice(0, -2) } : { under: folder === '.' ? '' : folder, recursive: false };
    return groupIssueFiles((await listIssueFiles(options.seedsDir, where)).filter((e) => issueKeyOf(e.rel).key === key))[0];
  };

  stored = createStoredArchive(db, {
    paper: options.paper,
    topics,
    tokenizer,
    write: {
      // Direct writes (tests, tools that hold parsed issues): the issue's file name is its identity.
      upsert(issue: Issue) {
        const prepared = prepareIssueSync(issue, { tokenizer, topics });
        writeOrExplain(() => writer.put(prepared, [{ path: issue.file, size: 0, mtime: 0, hash: `direct:${issue.id}` }]), file, issue.file);
        return issue.id;
      },
      remove(issueFile: string) {
        const id = db.prepare('SELECT id FROM issues WHERE file = ?').pluck().get(issueFile) as string | undefined;
        if (id !== undefined) writeOrExplain(() => writer.remove(id, issueFile), file, issueFile);
        return id;
      },
    },
  });

  return {
    archive: stored as Archive,
    refreshAll: () => stored.reload(),
    sync,
    ingestFile: (absPath: string) =>
      serial(async (): Promise<IngestProblem | undefined> => {
        const rel = relOf(absPath);
        const group = await groupOf(rel);
        if (group === undefined) {
          const target = await danglingTarget(absPath);
          if (target === undefined) return undefined;
          const problem = danglingLinkProblem(rel, target);
          log.warn({ file: rel, target }, problem.message);
          return problem;
        }
        manifest = currentManifest();
        const { outcome, problems } = await ingestGroup(group, rowsOfKey(group.key));
        if (outcome !== undefined && outcome !== 'unchanged' && problems.length === 0) log.info({ file: rel, issue: group.key, outcome }, 'issue file ingested');
        return problems.find((p) => p.file === rel) ?? problems.find((p) => p.file === group.key) ?? problems[0];
      }),
    removeFile: (absPath: string) =>
      serial(async (): Promise<string | undefined> => {
        const rel = relOf(absPath);
        const group = await groupOf(rel);
        if (group !== undefined) {
          // A page deleted from an issue that keeps other pages: the issue is rewritten without it.
          manifest = currentManifest();
          await ingestGroup(group, rowsOfKey(group.key));
          return undefined;
        }
        const rows = rowsOfKey(issueKeyOf(rel).key);
        let gone: string | undefined;
        for (const [path, row] of rows) {
          writeOrExplain(() => (row.issue_id ? writer.remove(row.issue_id, path) : writer.forgetFile(path)), file, path);
          if (row.issue_id) {
            stored.refreshIssue(row.issue_id);
            gone = row.issue_id;
          }
        }
        if (gone !== undefined) await readDuplicatesAgain();
        return gone;
      }),
  };
}

/**
 * Says it loudly before a sync removes most of the archive (QA O5: SEEDS_DIR pointed at another or an
 * emptied folder takes every issue out of the archive, and out of readers' digests, in one run).
 */
function warnMassRemoval(rowsByKey: ReadonlyMap<string, ReadonlyMap<string, FileRow>>, keys: ReadonlySet<string>, storedIssues: number, seedsDir: string, log: Logger): void {
  const leaving = new Set<string>();
  for (const [key, rows] of rowsByKey) {
    if (keys.has(key)) continue;
    for (const row of rows.values()) if (row.issue_id) leaving.add(row.issue_id);
  }
  if (leaving.size < MASS_REMOVAL_MIN || leaving.size * 2 < storedIssues) return;
  log.warn(
    { removing: leaving.size, issues: storedIssues, seedsDir },
    `removing ${leaving.size} of ${storedIssues} issues from the archive: their files are no longer under SEEDS_DIR (${seedsDir}). If SEEDS_DIR is wrong, stop, set it right and run again: the issues come back from their files`,
  );
}

/** Fewer issues leaving than this is ordinary housekeeping, never warned about. */
const MASS_REMOVAL_MIN = 3;

/** SQLite page cache of the connection that builds an archive (KiB); the bot's connections keep archive-db's. */
const BUILD_CACHE_KIB = 256 * 1024;

/** Files written per transaction by a sync (a bulk build): see ArchiveWriter.putMany. */
const BATCH_FILES = 50;

/** Issues read but not yet written, and what makes another file their duplicate. */
interface Batch {
  items: (IssueWrite & { previous: readonly string[] })[];
  seen: Map<string, Issue>;
}

/** A file's record in the archive: how it was last seen and what it gave. */
interface FileRow {
  path: string;
  size: number;
  mtime: number;
  hash: string;
  issue_id: string | null;
  status: string;
  message: string | null;
}

/** How reading an issue's files went: counted in the sync report (files giving no issue are counted as problems only), with the problems found. */
interface GroupOutcome {
  outcome?: 'added' | 'changed' | 'unchanged';
  problems: IngestProblem[];
}

/** A file is fresh when recorded with its size and mtime and, if it gave an issue, under the issue of its key (not as an issue of its own, as pages once were). */
function isFresh(row: FileRow | undefined, entry: IssueFileEntry, key: string): boolean {
  return row !== undefined && row.size === entry.size && row.mtime === Math.round(entry.mtimeMs) && (row.status !== 'ok' || row.issue_id === issueId(key));
}

/** A manifest key naming no issue file: the manifest file, the key and how to correct it. */
function manifestProblem(key: string, options: IngestContext): IngestProblem {
  const manifestFile = path.join(options.profile.dir, 'manifest.json');
  return {
    file: manifestFile,
    kind: 'manifest',
    message: `${manifestFile} names "${key}", which matches no issue file under SEEDS_DIR (${options.seedsDir}); its date is not used. Correct the key (a path under SEEDS_DIR such as 2024/11/07/01.txt, an issue's pages as 2024/11/07/*, or a file's bare name) or remove the entry.`,
  };
}

/** A symbolic link under SEEDS_DIR whose target is gone: named, never skipped silently. */
function danglingLinkProblem(rel: string, target: string): IngestProblem {
  return {
    file: rel,
    kind: 'dangling',
    message: `${rel} -> ${target} is a symbolic link whose target does not exist; skipped. Restore what it points to, or remove the link (rm "${rel}").`,
  };
}

/** What a path links to when it is a symbolic link whose target does not exist; undefined otherwise. */
async function danglingTarget(absPath: string): Promise<string | undefined> {
  const link = await lstat(absPath).catch(() => undefined);
  if (link?.isSymbolicLink() !== true) return undefined;
  if ((await stat(absPath).catch(() => undefined)) !== undefined) return undefined;
  return readlink(absPath).catch(() => '?');
}

function problemOf(file: string, message: string): IngestProblem {
  return { file, kind: kindOf(message), message };
}

/** The problems recorded for an issue's files at the last sync (a refused file stays refused until it changes). */
function problemsOfRows(key: string, rows: Iterable<FileRow>): IngestProblem[] {
  const out: IngestProblem[] = [];
  for (const row of rows) {
    if (row.status === 'ok' || !row.message) continue;
    // A page left out is named itself; a message about the whole issue names the issue.
    const file = row.message.startsWith(row.path) ? row.path : key;
    out.push({ ...problemOf(file, row.message), ...(row.status === 'duplicate' ? { kind: 'duplicate' as const } : {}) });
  }
  return out;
}

/** The keys under which two files hold the same issue: its printed number, or its date and content. */
function duplicateKeys(issue: Issue): string[] {
  return [...(issue.number !== undefined ? [`n${issue.number}`] : []), `d${issue.date}:${issueFingerprint(issue)}`];
}

/**
 * The stored issue `issue` is another copy of (same printed number, or same date and content), if
 * any; never one that `issue` replaces (its own pages once ingested as issues of their own).
 */
function findStoredDuplicate(db: Database.Database, issue: Issue, replaces: readonly string[]): string | undefined {
  const ids = db
    .prepare('SELECT id FROM issues WHERE id != ? AND file != ? AND ((? IS NOT NULL AND number = ?) OR (date = ? AND fingerprint = ?)) ORDER BY file')
    .pluck()
    .all(issue.id, issue.file, issue.number ?? null, issue.number ?? null, issue.date, issueFingerprint(issue)) as string[];
  return ids.find((id) => !replaces.includes(id));
}

/**
 * Runs one write; a full disk (or any SQLite failure) rolls its transaction back and becomes a
 * StoreError naming the database, the file being written and what to do.
 */
function writeOrExplain(write: () => void, dbFile: string, issueFiles: string | readonly string[]): void {
  const files = typeof issueFiles === 'string' ? [issueFiles] : issueFiles;
  const issueFile = files.join(', ');
  try {
    write();
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'SQLITE_FULL') {
      const what = files.length > 1 ? `${files.length} files were not written (${issueFile})` : `${issueFile} was not written`;
      throw new StoreError(
        `The disk holding the archive ${dbFile} is full: ${what} and the archive keeps its previous state. Free some space and run the ingest again (npm run ingest)${dbFile.endsWith('.next') ? `; the partial build in ${dbFile} (with its -wal/-shm files) is resumed by that run, or may be deleted to free its space` : ''}.`,
        dbFile,
        { cause },
      );
    }
    throw new StoreError(`Writing ${issueFile} into the archive ${dbFile} failed (${(cause as Error).message}); the archive keeps its previous state.`, dbFile, { cause });
  }
}

/**
 * The archive at `file`, verified, when it was built with this config; undefined when it is missing,
 * of an older schema or built with another config (the caller rebuilds it). A corrupt, foreign or
 * newer file throws (see openArchiveDb, verifyArchiveDb).
 */
async function openCurrent(file: string, fingerprint: string, options: IngestContext): Promise<Database.Database | undefined> {
  const { log } = options;
  if (!existsSync(file)) {
    log.info({ file }, 'no archive database yet: building it from the issue files');
    return undefined;
  }
  const opened = openArchiveDb(file);
  if (opened.status === 'outdated' && opened.db !== undefined) {
    // A recent schema, built with this config: migrated in place (see migrate-archive.ts), not rebuilt.
    const db = opened.db;
    if (readMeta(db, 'config') === configFingerprint(options.profile, options.paper, opened.version)) {
      try {
        await migrateArchive(db, { file, from: opened.version, tokenizer: options.tokenizer, fingerprint, log, onProgress: options.onProgress });
        verifyArchiveDb(db, file);
      } catch (err) {
        db.close();
        throw err;
      }
      return db;
    }
    db.close();
  }
  if (opened.status === 'outdated') {
    log.warn({ file, version: opened.version }, 'the archive was written in an older format: rebuilding it once');
    return undefined;
  }
  verifyArchiveDb(opened.db, file);
  if (readMeta(opened.db, 'config') === fingerprint) return opened.db;
  opened.db.close();
  log.warn({ file }, 'the configuration that shapes the archive changed (dictionary, stopwords, topics, paper …): rebuilding it once');
  return undefined;
}

/**
 * Builds the archive into `<file>.next` and renames it over `file` when complete: an interrupted
 * build leaves the previous archive in place, and the next start resumes it (files already written
 * are skipped like any unchanged file).
 */
async function build(file: string, fingerprint: string, options: IngestContext): Promise<{ db: Database.Database; report: SyncReport }> {
  const { log } = options;
  const next = `${file}.next`;
  let db: Database.Database | undefined;
  if (existsSync(next)) {
    try {
      const opened = openArchiveDb(next);
      if (opened.status === 'open' && readMeta(opened.db, 'config') === fingerprint) {
        verifyArchiveDb(opened.db, next);
        db = opened.db;
        log.info({ file: next }, 'resuming an interrupted build');
      } else opened.db?.close();
    } catch (err) {
      log.warn({ err, file: next }, 'an interrupted build cannot be resumed: starting it again');
    }
    if (db === undefined) removeDbFiles(next);
  }
  if (db === undefined) {
    db = createArchiveDb(next);
    writeMeta(db, 'config', fingerprint);
  }
  // A build writes the whole archive: a larger page cache keeps the document-frequency tables and the
  // FTS segments being merged in memory (this connection is closed when the build ends).
  db.pragma(`cache_size = -${BUILD_CACHE_KIB}`);
  const started = performance.now();
  let report: SyncReport;
  try {
    report = await createIngest(db, next, options).sync();
  } finally {
    db.close();
  }
  removeDbFiles(file);
  renameSync(next, file);
  log.info({ file, seconds: Math.round((performance.now() - started) / 100) / 10 }, 'archive built');
  const opened = openArchiveDb(file);
  if (opened.status !== 'open') throw new StoreError(`The archive ${file} could not be built.`, file);
  verifyArchiveDb(opened.db, file);
  return { db: opened.db, report };
}

/**
 * After a failed write (a full disk), gives the space the rolled-back transaction took in the WAL
 * back to the disk: the bot keeps running on it, and the subscriptions' database needs room too.
 */
function releaseWal(db: Database.Database, log: Logger): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (err) {
    log.warn({ err }, 'the write-ahead log could not be truncated after a failed write');
  }
}

function removeDbFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}
