import { comparePages, issueKeyOf } from './issue-key.js';
import type { IssueFileEntry } from './read-issue-file.js';

/** The files that make one issue: one file, or its pages in printed order. */
export interface IssueFileGroup {
  /** The issue's identity (see issueKeyOf): the file's path, or a pattern naming its pages. */
  key: string;
  files: IssueFileEntry[];
}

/**
 * Gathers the files found under SEEDS_DIR into issues: the pages of one day's issue (see
 * issueKeyOf) together, in page order; any other file alone. Groups come in path order.
 *
 * @example groupIssueFiles(await listIssueFiles(seedsDir)).map((g) => [g.key, g.files.length])
 */
export function groupIssueFiles(entries: readonly IssueFileEntry[]): IssueFileGroup[] {
  const groups = new Map<string, { files: IssueFileEntry[]; pages: Map<IssueFileEntry, string> }>();
  for (const entry of entries) {
    const { key, page } = issueKeyOf(entry.rel);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { files: [], pages: new Map() }));
    group.files.push(entry);
    group.pages.set(entry, page ?? entry.rel);
  }
  return [...groups].map(([key, { files, pages }]) => ({ key, files: files.sort((a, b) => comparePages(pages.get(a)!, pages.get(b)!)) }));
}
