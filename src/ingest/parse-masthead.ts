import type { PaperConfig } from '../config.js';
import { isoDate, weekdayOf } from '../text/calendar.js';

/** What a printed masthead tells about its issue. */
export interface Masthead {
  /** ISO date, when the masthead prints year, month and day. */
  date?: string;
  number?: number;
  weekday?: string;
  lunarDate?: string;
  pageCount?: number;
  /** Indexes (into the lines given) of the masthead lines. */
  lines: number[];
  /** Oddities, e.g. a weekday that does not match the printed date. */
  warnings: string[];
}

const YEAR_MONTH = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?(?:\s*(星期[一二三四五六日天]))?$/u;
const DAY_ONLY = /^(\d{1,2})\s*日?$/u;
const WEEKDAY = /^(星期[一二三四五六日天])$/u;
const LUNAR = /^(?:农历\s*)?([甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年\S{2,8})$/u;
const NUMBER = /^总第\s*(\d{1,6})\s*期$/u;
const PAGES = /^(?:今日|本期)\s*(\d{1,3})\s*版$/u;
const ISSUE_NO = /^第\s*\d{1,6}\s*期$/u;

/** Page furniture that is never article text, wherever it appears. */
export function isBoilerplateLine(line: string, paper: PaperConfig): boolean {
  const t = line.trim();
  if (t === '') return false;
  if (paper.mastheadMarkers.some((m) => m !== '' && t.includes(m))) return true;
  if (t === paper.name || (paper.nameLatin !== undefined && t.toUpperCase() === paper.nameLatin.toUpperCase())) return true;
  return t.length <= 80 && (/(?:责任编辑|责编|美术编辑|美编|版式设计|版式|校对|组版)\s*[：:]/u.test(t) || /^编辑\s*[：:]/u.test(t));
}

/**
 * Reads the masthead block at the top of a page: the run of masthead-like lines before the first
 * line of content (paper name, 2024年11月 / 7 / 星期四, 甲辰年十月初七, 总第12124期, 今日4版, contact lines).
 * `lines` are trimmed lines with markdown heading marks and inline markup already removed.
 */
export function parseMasthead(lines: readonly string[], paper: PaperConfig): Masthead {
  const out: Masthead = { lines: [], warnings: [] };
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    let m: RegExpExecArray | null;
    if (isBoilerplateLine(t, paper)) {
      // contact and publisher lines
    } else if ((m = YEAR_MONTH.exec(t)) && year === undefined) {
      year = Number(m[1]);
      month = Number(m[2]);
      if (m[3] !== undefined) day = Number(m[3]);
      if (m[4] !== undefined) out.weekday = m[4];
    } else if ((m = DAY_ONLY.exec(t)) && year !== undefined && day === undefined) {
      day = Number(m[1]);
    } else if ((m = WEEKDAY.exec(t))) {
      out.weekday = m[1];
    } else if ((m = LUNAR.exec(t))) {
      out.lunarDate = m[1];
    } else if ((m = NUMBER.exec(t))) {
      out.number = Number(m[1]);
    } else if ((m = PAGES.exec(t))) {
      out.pageCount = Number(m[1]);
    } else if (!ISSUE_NO.test(t)) {
      // Several parts on one line: `2024年11月7日 星期四 农历甲辰年十月初七`.
      const parts = t.split(/\s+/);
      if (parts.length < 2 || !parts.every((p) => YEAR_MONTH.test(p) || WEEKDAY.test(p) || LUNAR.test(p) || NUMBER.test(p) || PAGES.test(p) || ISSUE_NO.test(p))) break;
      for (const p of parts) {
        if ((m = YEAR_MONTH.exec(p)) && year === undefined) {
          year = Number(m[1]);
          month = Number(m[2]);
          if (m[3] !== undefined) day = Number(m[3]);
        } else if ((m = WEEKDAY.exec(p))) out.weekday = m[1];
        else if ((m = LUNAR.exec(p))) out.lunarDate = m[1];
        else if ((m = NUMBER.exec(p))) out.number = Number(m[1]);
        else if ((m = PAGES.exec(p))) out.pageCount = Number(m[1]);
      }
    }
    out.lines.push(i);
  }
  if (year !== undefined && month !== undefined && day !== undefined) {
    const date = isoDate(year, month, day);
    if (date === undefined) {
      out.warnings.push(`masthead date ${year}年${month}月${day}日 is not a real date; ignored`);
    } else {
      out.date = date;
      if (out.weekday !== undefined && weekdayOf(date) !== out.weekday.replace('天', '日')) {
        out.warnings.push(`masthead prints ${out.weekday} but ${date} is a ${weekdayOf(date)}`);
      }
    }
  }
  return out;
}
