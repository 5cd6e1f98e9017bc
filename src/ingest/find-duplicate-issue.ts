import { createHash } from 'node:crypto';
import type { Issue } from '../archive/model.js';

const fingerprints = new WeakMap<Issue, string>();

/**
 * A hash of what an issue prints, independent of its file name: every article's printed headline
 * lines, lead-in, body, captions and closing line, NFKC-folded and without whitespace. Two copies of
 * one file (or the same text re-extracted with other line breaks) give the same fingerprint.
 */
export function issueFingerprint(issue: Issue): string {
  const cached = fingerprints.get(issue);
  if (cached !== undefined) return cached;
  const h = createHash('sha1');
  for (const a of issue.articles) {
    const printed = [a.kicker, a.titleDerived ? undefined : a.title, a.subtitle, a.byline, a.lead, ...a.paragraphs, ...a.captions, a.signoff];
    const text = printed.map((s) => (s ?? '').normalize('NFKC').replace(/\s+/g, '')).join('\u0001');
    h.update(`${text}\u0002`);
  }
  const fingerprint = h.digest('hex');
  fingerprints.set(issue, fingerprint);
  return fingerprint;
}

/**
 * The issue among `existing` that `issue` is another copy of, if any: the same paper with the same
 * printed issue number (总第N期), or the same date with the same article content (see issueFingerprint).
 * An issue from the same file (same id) is a new version of that file, not a duplicate, and is never
 * returned. Pure; used by loadIssues, and by the watcher before adding a file dropped in while running.
 *
 * @example
 * const dup = findDuplicateIssue(issue, archive.issues());
 * if (dup) log.warn({ file: issue.file, duplicateOf: dup.file }, 'duplicate issue skipped');
 */
export function findDuplicateIssue(issue: Issue, existing: readonly Issue[]): Issue | undefined {
  for (const other of existing) {
    if (other.id === issue.id || other === issue) continue;
    if (issue.number !== undefined && other.number === issue.number && other.paper === issue.paper) return other;
  }
  for (const other of existing) {
    if (other.id === issue.id || other === issue) continue;
    if (other.date === issue.date && issueFingerprint(other) === issueFingerprint(issue)) return other;
  }
  return undefined;
}

/** The warning for an issue skipped as a copy of `original`, naming both files. */
export function duplicateIssueMessage(issue: Pick<Issue, 'file' | 'date' | 'number' | 'paper'>, original: Pick<Issue, 'file' | 'date' | 'number' | 'paper'>): string {
  const sameNumber = issue.number !== undefined && original.number === issue.number && original.paper === issue.paper;
  const dates = original.date === issue.date ? `dated ${issue.date}` : `dated ${original.date} and ${issue.date}`;
  const why = sameNumber ? `both are ${issue.paper} 总第${issue.number}期, ${dates}` : `the same articles, both ${dates}`;
  return `${issue.file} is a duplicate of ${original.file} (${why}); skipped ${issue.file}. Remove one of the two files.`;
}
