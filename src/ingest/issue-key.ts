import { matchPathDate } from './path-date.js';

/** Which issue a file belongs to, and which page of it the file is (undefined: the file is the whole issue). */
export interface IssueKey {
  /** The issue's identity: the file's own path, or a pattern naming all of its pages (`2024/11/07/*`, `20241107_*.txt`). */
  key: string;
  page?: string;
}

/**
 * The issue a file under SEEDS_DIR holds, from the archive's layout. Real archives keep one file per
 * page: every file in a day's folder (`2024/11/07/01.txt`, `2024/11/07/A/02.txt`) or every file whose
 * name carries the day and a page (`20241107_01.txt`, `2024-11-07-A02.txt`) is a page of that day's
 * issue. A file named after the day alone (`2024-11-07.txt`), or with no day in its path
 * (`000_79b3c460d300cb0d.txt`), is a whole issue on its own.
 *
 * @example issueKeyOf('2024/11/07/02.txt') // { key: '2024/11/07/*', page: '02.txt' }
 * @example issueKeyOf('cjrb/20241107_02.txt') // { key: 'cjrb/20241107_*.txt', page: '02' }
 */
export function issueKeyOf(relPath: string): IssueKey {
  const rel = relPath.replaceAll('\\', '/');
  const match = matchPathDate(rel);
  if (match === undefined) return { key: rel };
  const prefix = rel.slice(0, match.end);
  const after = rel.slice(match.end);
  const slash = after.indexOf('/');
  // The day names a folder (2024/11/07/…, 2024-11-07_cjrb/…): everything under it is a page.
  if (slash !== -1) return { key: `${prefix}${after.slice(0, slash)}/*`, page: after.slice(slash + 1) };
  const ext = /\.[^./]*$/u.exec(after)?.[0] ?? '';
  const rest = after.slice(0, after.length - ext.length);
  if (rest === '') return { key: rel };
  // 20241107_01.txt, 20241107-A02.txt, 20241107p3.txt: the day, an optional separator, the page.
  const sep = /^[-_. ]/u.test(rest) ? rest[0]! : '';
  const page = rest.slice(sep.length);
  if (page === '') return { key: rel };
  return { key: `${prefix}${sep}*${ext}`, page };
}

/** Orders pages as they are printed: A01 < A02 < A10 < B01, 2 < 10. */
export function comparePages(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}
