import type { PaperConfig } from '../config.js';
import { matchPathDate } from './path-date.js';
import { readUnits } from './read-units.js';

/** A page of an issue as read: its path under SEEDS_DIR and its text. */
export interface PageText {
  rel: string;
  text: string;
}

/** What the mastheads of an issue's pages say about belonging together. */
export interface ForeignPages {
  /** Pages whose masthead names another issue, each with a warning naming both files and what to do. */
  foreign: Map<string, string>;
  /** Pages kept whose masthead disagrees in one detail only (a misprint): a warning for the issue. */
  misprints: string[];
}

interface PageIdentity {
  rel: string;
  date?: string;
  number?: number;
}

const describe = (p: PageIdentity) => [p.date, p.number !== undefined ? `总第${p.number}期` : undefined].filter((s) => s !== undefined).join(' ');

/**
 * `rel` with its filing date replaced by `date`, in the same layout (`2024/11/07/02.txt` →
 * `2024/11/08/02.txt`, `20241107_02.txt` → `20241108_02.txt`); undefined when the path holds no date.
 */
export function refiledPath(rel: string, date: string): string | undefined {
  const match = matchPathDate(rel);
  if (match === undefined) return undefined;
  const printed = rel.slice(0, match.end).match(/((?:19|20)\d{2})([/_.-]?)(\d{2})\2(\d{2})$/u);
  if (printed === null) return undefined;
  const sep = printed[2] ?? '';
  const [y, m, d] = date.split('-');
  return `${rel.slice(0, match.end - printed[0].length)}${y}${sep}${m}${sep}${d}${rel.slice(match.end)}`;
}

/**
 * The first name in `rel`'s folder that `exists` says is free, counting up its last number (`02.txt` →
 * `03.txt`, `20241108_02.txt` → `20241108_03.txt`) or adding one (`page.txt` → `page-2.txt`).
 */
export function freePath(rel: string, exists: (rel: string) => boolean): string {
  if (!exists(rel)) return rel;
  const m = /^(.*?)(\d+)(\D*)$/u.exec(rel);
  const ext = /\.[^./]*$/u.exec(rel)?.[0] ?? '';
  for (let n = 2; n < 1000; n++) {
    const candidate =
      m !== null && !m[3]!.includes('/') ? `${m[1]}${String(Number(m[2]) + n - 1).padStart(m[2]!.length, '0')}${m[3]}` : `${rel.slice(0, rel.length - ext.length)}-${n}${ext}`;
    if (!exists(candidate)) return candidate;
  }
  return rel;
}

/**
 * Finds the pages filed with an issue whose masthead names another issue (QA O4: 11-07 第12124期 and
 * 11-08 第12125期 in one day's folder must never merge silently into one issue). Page mastheads are
 * compared with the issue's: the first page whose masthead date agrees with the folder's date, or
 * else the first page that prints a date or number. A page differing in everything both print is
 * another issue, misfiled: it is left out with a warning saying where it belongs. A page differing
 * in one detail while agreeing in the other (same number, other date) is the same issue with a
 * misprint: it stays, and the issue says so. Pages printing no masthead (inner pages) always stay.
 * `exists` tells whether a path under SEEDS_DIR is taken, so the advice never names an existing file.
 *
 * @example findForeignPages([{ rel: '2024/11/07/01.txt', text: p1 }, { rel: '2024/11/07/02.txt', text: p2 }], '2024-11-07', paper)
 */
export function findForeignPages(pages: readonly PageText[], pathDate: string | undefined, paper: PaperConfig, exists: (rel: string) => boolean = () => false): ForeignPages {
  const out: ForeignPages = { foreign: new Map(), misprints: [] };
  if (pages.length < 2) return out;
  const ids: PageIdentity[] = pages.flatMap(({ rel, text }) => {
    const { date, number } = readUnits(text, paper).masthead;
    return date === undefined && number === undefined ? [] : [{ rel, ...(date !== undefined ? { date } : {}), ...(number !== undefined ? { number } : {}) }];
  });
  const reference = ids.find((p) => pathDate !== undefined && p.date === pathDate) ?? ids[0];
  if (reference === undefined) return out;
  for (const page of ids) {
    if (page === reference) continue;
    const dateDiffers = page.date !== undefined && reference.date !== undefined && page.date !== reference.date;
    const numberDiffers = page.number !== undefined && reference.number !== undefined && page.number !== reference.number;
    if (!dateDiffers && !numberDiffers) continue;
    const dateAgrees = page.date !== undefined && page.date === reference.date;
    const numberAgrees = page.number !== undefined && page.number === reference.number;
    if (dateAgrees || numberAgrees) {
      out.misprints.push(`the masthead of ${page.rel} prints ${describe(page)} but ${reference.rel} prints ${describe(reference)}; kept as one issue (check the misprint)`);
      continue;
    }
    const target = page.date !== undefined ? refiledPath(page.rel, page.date) : undefined;
    // Never advice that overwrites a page already filed there (QA O1): the next free name, and the page to compare it with.
    const free = target === undefined ? undefined : freePath(target, exists);
    const where =
      target === undefined || free === undefined
        ? `file it under its own day${page.date !== undefined ? ` (${page.date})` : ''}`
        : free === target
          ? `move it to ${target}`
          : `move it to ${free} (${target} is already there: first check that it is not the same page)`;
    out.foreign.set(
      page.rel,
      `${page.rel} was left out (misfiled): its masthead prints ${describe(page)} but ${reference.rel} prints ${describe(reference)}, so it is a page of another issue. If it belongs to that other issue, ${where}; if its masthead is wrong, correct it.`,
    );
  }
  return out;
}
