import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Issue } from '../archive/model.js';
import type { PaperConfig } from '../config.js';
import { IngestError } from '../errors.js';
import { decodeIssueFile } from './decode-file.js';
import { findForeignPages } from './find-foreign-pages.js';
import type { IssueFileGroup } from './group-issue-files.js';
import type { Manifest, ManifestEntry } from './manifest.js';
import { isUndated, parseIssue } from './parse-issue.js';
import { dateFromPath, monthFolderOf, pathDateConflict } from './path-date.js';
import { MAX_ISSUE_ARTICLES, MAX_ISSUE_BYTES, contentHash, sizeHash, type IssueFileEntry } from './read-issue-file.js';

/** One file of an issue as read: the hash that decides whether it changed, and why it was left out, if it was. */
export interface PageRead {
  entry: IssueFileEntry;
  hash: string;
  warning?: string;
}

/** What reading the files of one issue gave: the issue, or a warning saying why there is none; and each file as read. */
export interface IssueGroupResult {
  key: string;
  files: PageRead[];
  issue?: Issue;
  /** Why the files gave no issue (a file left out on its own carries its own warning). */
  warning?: string;
}

const readablePages = (pages: readonly (PageRead & { text?: string })[]) =>
  pages.filter((p): p is PageRead & { text: string } => p.text !== undefined);

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** What an editor recorded for this issue: under its key, a page's path, or (a lone file) its bare name. */
export function manifestEntryOf(group: IssueFileGroup, manifest: Manifest): ManifestEntry | undefined {
  const lone = group.files.length === 1 && group.files[0]!.rel === group.key;
  for (const name of [group.key, ...group.files.map((f) => f.rel), ...(lone ? [path.posix.basename(group.key)] : [])]) {
    const entry = manifest[name];
    if (entry !== undefined) return entry;
  }
  return undefined;
}

/** Reads and decodes one file; a file too large, unreadable or not text gives a warning naming it. */
async function readPage(entry: IssueFileEntry, manifestEntry: ManifestEntry | undefined): Promise<PageRead & { text?: string }> {
  const file = entry.rel;
  if (entry.size > MAX_ISSUE_BYTES) {
    return {
      entry,
      hash: sizeHash(entry),
      warning: `${file} is ${mb(entry.size)} MB, far larger than one issue (at most ${MAX_ISSUE_BYTES / 1024 / 1024} MB); refused. Split it into one file per issue (or per page).`,
    };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(entry.abs);
  } catch (err) {
    return { entry, hash: sizeHash(entry), warning: `${file} cannot be read (${(err as Error).message}); skipped.` };
  }
  const hash = contentHash(bytes, manifestEntry);
  try {
    return { entry, hash, text: decodeIssueFile(bytes, file) };
  } catch (err) {
    if (err instanceof IngestError) return { entry, hash, warning: err.message };
    throw err;
  }
}

/**
 * Reads, checks and parses the files of one issue (see groupIssueFiles): one file, or its pages in
 * page order, read as one text, so the masthead on page 1 dates the whole issue and an article
 * carried over to the next page stays one article. Never throws for bad files: a page that cannot be
 * read is left out with a warning naming it (the other pages still make the issue); an issue too
 * large, article-less or with far too many articles gives a warning naming it and what to do.
 */
export async function readIssueGroup(group: IssueFileGroup, options: { paper: PaperConfig; manifest: Manifest }): Promise<IssueGroupResult> {
  const { key } = group;
  // A page far too large on its own is refused on its own below: it must not take the other pages down with it.
  const total = group.files.reduce((n, f) => n + (f.size > MAX_ISSUE_BYTES ? 0 : f.size), 0);
  if (group.files.length > 1 && total > MAX_ISSUE_BYTES) {
    // Thousands of files in one day's folder, or a dump split into pages: never parsed as one issue.
    return {
      key,
      files: group.files.map((entry) => ({ entry, hash: sizeHash(entry) })),
      warning: `${key} names ${group.files.length} page files, ${mb(total)} MB together, far larger than one issue (at most ${MAX_ISSUE_BYTES / 1024 / 1024} MB); refused. Keep only the pages of one issue in each day's folder (or under each day's name).`,
    };
  }
  const manifestEntry = manifestEntryOf(group, options.manifest);
  // One file at a time: a day's folder may hold thousands of files, more than may be open at once.
  const pages: (PageRead & { text?: string })[] = [];
  for (const f of group.files) pages.push(await readPage(f, manifestEntry));
  const lone = group.files.length === 1 && group.files[0]!.rel === key;
  // A page whose masthead names another issue (misfiled in this day's folder) is never merged into it.
  const { foreign, misprints } = lone ? { foreign: new Map<string, string>(), misprints: [] } : findForeignPages(
        readablePages(pages).map((p) => ({ rel: p.entry.rel, text: p.text })),
        dateFromPath(key),
        options.paper,
        (rel) => existsSync(path.join(seedsDirOf(group.files[0]!), rel)),
      );
  for (const page of pages) {
    const warning = foreign.get(page.entry.rel);
    if (warning !== undefined) {
      page.warning = warning;
      delete page.text;
    }
  }
  const files: PageRead[] = pages.map(({ entry, hash, warning }) => (warning === undefined ? { entry, hash } : { entry, hash, warning }));
  const readable = readablePages(pages);
  if (readable.length === 0) {
    // A lone file's own warning says it all; an issue of pages says none of them could be read.
    if (lone) return { key, files };
    return { key, files, warning: `${key}: none of its ${group.files.length} page files could be read; skipped.` };
  }
  let issue: Issue;
  try {
    const text = readable.map((p) => p.text).join('\n\n');
    // No fallback date: an issue with no date evidence is refused below, never dated by its file's time.
    issue = parseIssue(text, key, { paper: options.paper, manifest: manifestEntry, pathDate: dateFromPath(key) });
  } catch (err) {
    // A layout the parser has never seen must not keep the other issues (or the bot) from starting.
    return { key, files, warning: `${key} could not be parsed (${(err as Error).message}); skipped. Please report this file.` };
  }
  if (issue.articles.length === 0) {
    const what = issue.boilerplate.length > 0 ? 'holds only a masthead or page furniture' : 'holds no article text';
    return { key, files, warning: `${key} ${what}, no articles; skipped.` };
  }
  if (issue.articles.length > MAX_ISSUE_ARTICLES) {
    return {
      key,
      files,
      warning: `${key} holds ${issue.articles.length} articles, far more than one issue (at most ${MAX_ISSUE_ARTICLES}); refused. Split it into one file per issue.`,
    };
  }
  if (isUndated(issue)) {
    const month = monthFolderOf(key);
    const why = month === undefined ? '' : ` (its folder ${month} names a month; ${key.slice(month.length + 1)} does not name a day: a page or a serial number is not read as one)`;
    return {
      key,
      files,
      warning: `${key} is undated: no date in its masthead, no manifest entry, no date in its path${why} and none in its text; not ingested (an undated issue would pass for today's paper). Record its date in config/manifest.json under "issues" ("${key}": {"date": "YYYY-MM-DD"}) or file it under its day (e.g. 2024/11/07/01.txt).`,
    };
  }
  const misfiled = pathDateConflict(key);
  if (misfiled !== undefined) issue = { ...issue, warnings: [...issue.warnings, `${key}: ${misfiled}`] };
  if (!lone) {
    // A page left out (unreadable, far too large) is said on the issue too, not only in the list of files left out.
    const missing = pages.filter((p) => p.warning !== undefined && !foreign.has(p.entry.rel)).map((p) => p.entry.rel);
    const warnings = [
      ...issue.warnings,
      ...misprints,
      ...(missing.length > 0 ? [`${missing.length} of ${group.files.length} page files left out (${missing.join(', ')}): the issue is incomplete`] : []),
      ...[...foreign.keys()].map((rel) => `${rel} left out: its masthead names another issue (misfiled)`),
    ];
    issue = { ...issue, pages: readable.map((p) => p.entry.rel), warnings };
  }
  return { key, files, issue };
}

/** SEEDS_DIR, from a file's absolute and relative paths. */
function seedsDirOf(entry: IssueFileEntry): string {
  return entry.abs.slice(0, entry.abs.length - entry.rel.split('/').join(path.sep).length);
}
