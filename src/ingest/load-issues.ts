import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Issue } from '../archive/model.js';
import type { PaperConfig } from '../config.js';
import { IngestError } from '../errors.js';
import type { Logger } from '../logger.js';
import { decodeIssueFile } from './decode-file.js';
import { duplicateIssueMessage, findDuplicateIssue } from './find-duplicate-issue.js';
import type { Manifest } from './manifest.js';
import { parseIssue } from './parse-issue.js';
import { isoDateIn } from '../text/calendar.js';

/** A file that could not be ingested, or a problem with the manifest: never fatal for the others. */
export interface IngestWarning {
  file: string;
  message: string;
}

export interface LoadIssueFileOptions {
  paper: PaperConfig;
  /** Manifest entries by file name (the paper profile's manifest). */
  manifest?: Manifest;
  logger: Logger;
}

export interface LoadIssuesOptions {
  seedsDir: string;
  /** Issue dates and numbers an editor checked (the paper profile's manifest). */
  manifest: Manifest;
  paper: PaperConfig;
  logger: Logger;
  /** Called after each file, for a progress display. */
  onProgress?: (done: number, total: number, file: string) => void;
}


/**
 * Reads, decodes and parses one issue file. Never throws for a bad file: an empty, binary, non-UTF-8
 * or article-less file gives one warning naming it and no issue. Used by loadIssues, and on its own
 * to ingest a file dropped into the seeds folder while the bot runs.
 */
export async function loadIssueFile(filePath: string, options: LoadIssueFileOptions): Promise<{ issue?: Issue; warnings: IngestWarning[] }> {
  const file = path.basename(filePath);
  const log = options.logger.child({ module: 'ingest', file });
  const skip = (message: string) => {
    log.warn({ reason: message }, 'issue file skipped');
    return { warnings: [{ file, message }] };
  };
  let bytes: Buffer;
  let modified: Date;
  try {
    [bytes, modified] = await Promise.all([readFile(filePath), stat(filePath).then((s) => s.mtime)]);
  } catch (err) {
    return skip(`${file} cannot be read (${(err as Error).message}); skipped.`);
  }
  let text: string;
  try {
    text = decodeIssueFile(bytes, file);
  } catch (err) {
    if (err instanceof IngestError) return skip(err.message);
    throw err;
  }
  let issue: Issue;
  try {
    issue = parseIssue(text, file, {
      paper: options.paper,
      manifest: options.manifest?.[file],
      fallbackDate: isoDateIn(options.paper.timeZone, modified),
    });
  } catch (err) {
    // A layout the parser has never seen must not keep the other issues (or the bot) from starting.
    log.error({ err }, 'parser failed on this file');
    return skip(`${file} could not be parsed (${(err as Error).message}); skipped. Please report this file.`);
  }
  if (issue.articles.length === 0) {
    const what = issue.boilerplate.length > 0 ? 'holds only a masthead or page furniture' : 'holds no article text';
    return skip(`${file} ${what}, no articles; skipped.`);
  }
  log.debug({ issue: issue.id, date: issue.date, dateSource: issue.dateSource, articles: issue.articles.length }, 'issue ingested');
  return { issue, warnings: [] };
}

/**
 * Ingests every `*.txt` file of the seeds folder (sorted by name) with the given manifest. Bad files
 * are skipped with a warning each; the others are still ingested. A file holding an issue already loaded from an earlier file (see findDuplicateIssue) is skipped with one warning
 * naming both files.
 */
export async function loadIssues(options: LoadIssuesOptions): Promise<{ issues: Issue[]; warnings: IngestWarning[] }> {
  const log = options.logger.child({ module: 'ingest' });
  const manifest = options.manifest;
  const warnings: IngestWarning[] = [];
  let names: string[];
  try {
    names = (await readdir(options.seedsDir)).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
  } catch (cause) {
    throw new IngestError(`Cannot list the issue folder ${options.seedsDir}: ${(cause as Error).message}. Set SEEDS_DIR to the folder of issue files.`, options.seedsDir, {
      cause,
    });
  }
  for (const name of Object.keys(manifest)) {
    if (!names.includes(name)) warnings.push({ file: 'manifest.json', message: `manifest names ${name}, which is not in ${options.seedsDir}` });
  }
  const issues: Issue[] = [];
  for (const [i, name] of names.entries()) {
    const result = await loadIssueFile(path.join(options.seedsDir, name), { paper: options.paper, manifest, logger: options.logger });
    warnings.push(...result.warnings);
    const original = result.issue && findDuplicateIssue(result.issue, issues);
    if (original) {
      // The same issue under another file name: the first file (in name order) wins. The warning is
      // returned, not logged here, so callers that log their warnings show it once.
      const message = duplicateIssueMessage(result.issue!, original);
      log.debug({ file: name, duplicateOf: original.file }, 'duplicate issue file skipped');
      warnings.push({ file: name, message });
    } else if (result.issue) issues.push(result.issue);
    options.onProgress?.(i + 1, names.length, name);
  }
  log.info({ files: names.length, issues: issues.length, skipped: names.length - issues.length }, 'issues loaded');
  return { issues, warnings };
}
