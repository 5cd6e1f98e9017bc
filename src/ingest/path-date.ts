import { isIsoDate } from '../text/calendar.js';

// 2024/11/07/…, 2024-11-07.txt, 2024_11_07, 20241107_01.txt: a year, month and day in a row, not inside a longer number.
const PATH_DATE = /(?<!\d)((?:19|20)\d{2})([/_.-]?)(\d{2})\2(\d{2})(?!\d)/u;

/** Where a path names a day: the ISO date and the index just past it (valid dates only). */
export interface PathDateMatch {
  date: string;
  end: number;
}

/** The first valid date in a path (see dateFromPath), with where it ends. */
export function matchPathDate(relPath: string): PathDateMatch | undefined {
  const m = PATH_DATE.exec(relPath.replaceAll('\\', '/'));
  if (m === null) return undefined;
  const date = `${m[1]}-${m[3]}-${m[4]}`;
  return isIsoDate(date) ? { date, end: m.index + m[0].length } : undefined;
}

/**
 * The issue date an archive's layout gives a file: real archives are filed by day (`2024/11/07/01.txt`,
 * `20241107_01.txt`, `2024-11-07.txt`). Undefined when the path holds no valid date.
 *
 * @example dateFromPath('2024/11/07/A01.txt') // '2024-11-07'
 */
export function dateFromPath(relPath: string): string | undefined {
  return matchPathDate(relPath)?.date;
}
