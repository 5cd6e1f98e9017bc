import { isIsoDate } from '../text/calendar.js';

/** What may follow a day in a path: a folder, the extension, a page after a separator, or the end. */
const DAY_END = String.raw`(?=[/._\- ]|$)`;

/**
 * The layouts whose path names a day beyond doubt: a year (19xx/20xx), a month and a day, in a row or
 * one per folder, never inside a longer number. Each gives the year, month and day groups.
 */
const LAYOUTS: readonly RegExp[] = [
  // 2024/11/07/…, 2024-11-07.txt, 2024_11_07, 20241107_01.txt: one separator throughout (or none), two digits each.
  /(?<!\d)((?:19|20)\d{2})([/_.-]?)(\d{2})\2(\d{2})(?!\d)/u,
  // One folder each: 2024/1/7.txt, 2024/11/7_01.txt, 2024年/11月/7日/01.txt.
  new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})年?()/(\d{1,2})月?/(\d{1,2})日?${DAY_END}`, 'u'),
  // A month folder, then the day: 2024-11/07.txt, 2024_11/07/…, 202411/07.txt, 2024年11月/7日.txt.
  new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})(年|[-_.]?)(\d{2}|(?<=年)\d)月?/(\d{1,2})日?${DAY_END}`, 'u'),
  // The day named in Chinese: 2024年11月7日.txt.
  /(?<!\d)((?:19|20)\d{2})年()(\d{1,2})月(\d{1,2})日/u,
  // A month folder and the month again with the day: 2024/11/1107.txt, 2024/11/1107_02.txt.
  new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})()/(\d{2})/\3(\d{2})${DAY_END}`, 'u'),
];

/** Where a path names a day: the ISO date and the index just past it (valid dates only). */
export interface PathDateMatch {
  date: string;
  /** Where the date starts in the path, and the index just past it. */
  start: number;
  end: number;
}

/**
 * The first valid date in a path (see dateFromPath), with where it ends. Of the layouts matching,
 * the one starting earliest in the path wins (the folders an archive is filed in come first).
 */
export function matchPathDate(relPath: string): PathDateMatch | undefined {
  const rel = relPath.replaceAll('\\', '/');
  let best: PathDateMatch | undefined;
  for (const layout of LAYOUTS) {
    const m = layout.exec(rel);
    if (m === null) continue;
    const date = `${m[1]}-${m[3]!.padStart(2, '0')}-${m[4]!.padStart(2, '0')}`;
    if (!isIsoDate(date)) continue;
    if (best === undefined || m.index < best.start) best = { date, end: m.index + m[0].length, start: m.index };
  }
  return best;
}

/**
 * The issue date an archive's layout gives a file: real archives are filed by day (`2024/11/07/01.txt`,
 * `20241107_01.txt`, `2024-11-07.txt`, `2024/11/07.txt`, `2024-11/07.txt`, `2024年11月7日.txt`).
 * Undefined when the path holds no valid date, or names a month and then something that is not
 * plainly a day (`2024/11/page-07.txt`: a page; `2024/11/0000.txt`: a serial number).
 *
 * @example dateFromPath('2024/11/07/A01.txt') // '2024-11-07'
 */
export function dateFromPath(relPath: string): string | undefined {
  return matchPathDate(relPath)?.date;
}

/**
 * Where the folders a file is filed in disagree with the day its name gives (`2024/12/20241107.txt`):
 * a sentence saying so, naming both; undefined when they agree or the path holds no such pair. The
 * name's day is used (it is the more specific), but an operator should see the misfiling.
 *
 * @example pathDateConflict('2024/12/20241107.txt') // 'filed in the folder 2024/12 but its name gives 2024-11-07; using the name's date'
 */
export function pathDateConflict(relPath: string): string | undefined {
  const rel = relPath.replaceAll('\\', '/');
  const match = matchPathDate(rel);
  if (match === undefined) return undefined;
  const folder = /(?<!\d)((?:19|20)\d{2})年?\/(\d{1,2})月?\//u.exec(rel);
  if (folder === null || folder.index + folder[0].length > match.start) return undefined;
  const [year, month] = match.date.split('-').map(Number);
  if (Number(folder[1]) === year && Number(folder[2]) === month) return undefined;
  return `filed in the folder ${folder[0].slice(0, -1)} but its name gives ${match.date}; using the name's date`;
}

/**
 * The month a path's folders name when they name no day (`2024/11/page-07.txt` → `2024/11`): said in
 * the message refusing an undated issue, so the operator sees why the folder did not date it.
 */
export function monthFolderOf(relPath: string): string | undefined {
  if (matchPathDate(relPath) !== undefined) return undefined;
  const m = /(?<!\d)((?:19|20)\d{2})(年?\/|[-_.]?|年)(\d{1,2})月?\//u.exec(relPath.replaceAll('\\', '/'));
  return m !== null && Number(m[3]) >= 1 && Number(m[3]) <= 12 ? m[0].slice(0, -1) : undefined;
}
