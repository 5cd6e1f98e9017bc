/**
 * Date and issue-number expressions in Chinese questions and commands:
 * 2024-11-07, 2024/11/7, 2024.11.7, 20241107, 2024年11月7日, 二〇二四年十一月七日, 11月7日, 7号,
 * 今天/昨天/前天, 去年11月7日, 今年3月, 第12124期, 总第12124期, 2024年11月, 11月份, 2024年; and, as a whole command
 * argument only, 11/7 (month/day, the order Chinese writes).
 * Shared by query understanding (filters pulled out of a question) and the bot's /date command.
 */

import { addDays } from './calendar.js';

export type DateExpression =
  /** `yearless`: the reader wrote no year (11月7日); the year was taken as the most recent one. */
  | { kind: 'day'; date: string; yearless?: boolean }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'year'; year: number }
  | { kind: 'issueNumber'; number: number }
  | { kind: 'invalid'; text: string; reason: string };

export interface DateExpressionOptions {
  /** Today's ISO date (`YYYY-MM-DD`) in the paper's time zone: the anchor for 昨天 and for dates without a year. */
  today: string;
}

/** A date expression found in free text, with the text it came from. */
export interface FoundDateExpression {
  expression: DateExpression;
  /** The matched text (after NFKC normalisation of the question). */
  text: string;
  index: number;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_NUM = '[〇零一二两三四五六七八九十]';
const NUM12 = `(?:\\d{1,2}|${CN_NUM}{1,3})`;
const YEAR = `(?:\\d{4}|[〇零一二三四五六七八九]{4})`;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** 11, 十一, 二十一, 三十 → numbers; undefined when it is not a small number. */
function parseSmallNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九〇零])?$/.exec(text);
  if (!m || text === '') return undefined;
  const [, tens, ten, units] = m;
  if (ten === undefined) {
    // A lone digit (七) — "十" is required for anything above 9.
    return tens !== undefined && units === undefined ? CN_DIGITS[tens] : undefined;
  }
  return (tens !== undefined ? CN_DIGITS[tens]! : 1) * 10 + (units !== undefined ? CN_DIGITS[units]! : 0);
}

function parseYear(text: string): number {
  if (/^\d{4}$/.test(text)) return Number(text);
  return Number(Array.from(text, (c) => String(CN_DIGITS[c] ?? 0)).join(''));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function todayParts(today: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m) throw new RangeError(`today must be an ISO date YYYY-MM-DD, got "${today}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** A daily paper reaches issue 36,500 in a century: seven digits is far beyond any real issue number. */
const MAX_ISSUE_DIGITS = 7;

function invalid(text: string, reason: string): DateExpression {
  return { kind: 'invalid', text, reason };
}

function dayOf(text: string, year: number, month: number | undefined, day: number | undefined): DateExpression {
  if (year < MIN_YEAR || year > MAX_YEAR) return invalid(text, `年份${year}不在${MIN_YEAR}到${MAX_YEAR}之间`);
  if (month === undefined || month < 1 || month > 12) return invalid(text, `没有${month ?? '这个'}月，月份应在1到12之间`);
  if (day === undefined || day < 1 || day > daysInMonth(year, month)) {
    return invalid(text, `${year}年${month}月没有${day ?? '这一'}日（这个月只有${daysInMonth(year, month)}天）`);
  }
  return { kind: 'day', date: `${year}-${pad(month)}-${pad(day)}` };
}

/** A month/day without a year: the most recent such day not after today. */
function recentDay(text: string, month: number | undefined, day: number | undefined, today: string): DateExpression {
  if (month === undefined || month < 1 || month > 12) return invalid(text, `没有${month ?? '这个'}月，月份应在1到12之间`);
  if (day === undefined || day < 1 || day > daysInMonth(2024, month)) {
    return invalid(text, `${month}月没有${day ?? '这一'}日`);
  }
  const t = todayParts(today);
  // 2月29日 only exists in leap years: walk back until the day exists and is not in the future.
  for (let year = t.year; year >= t.year - 8; year--) {
    if (day > daysInMonth(year, month)) continue;
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    if (iso <= today) return { kind: 'day', date: iso };
  }
  return invalid(text, `最近几年没有${month}月${day}日`);
}

function monthOf(text: string, year: number, month: number | undefined): DateExpression {
  if (year < MIN_YEAR || year > MAX_YEAR) return invalid(text, `年份${year}不在${MIN_YEAR}到${MAX_YEAR}之间`);
  if (month === undefined || month < 1 || month > 12) return invalid(text, `没有${month ?? '这个'}月，月份应在1到12之间`);
  return { kind: 'month', year, month };
}

/** A month without a year: this year's if it has begun, else last year's. */
function recentMonth(text: string, month: number | undefined, today: string): DateExpression {
  if (month === undefined || month < 1 || month > 12) return invalid(text, `没有${month ?? '这个'}月，月份应在1到12之间`);
  const t = todayParts(today);
  return { kind: 'month', year: month <= t.month ? t.year : t.year - 1, month };
}

// One alternation, longest forms first: at any position the regex engine takes the first
// alternative that matches, so 2024年11月7日 is never read as 2024年11月 + 7日.
const PATTERN = new RegExp(
  [
    `(?<issue>总?第\\s*(?<issueNo>\\d+)\\s*期)`,
    `(?<ymd>(?<ymdY>${YEAR})\\s*年\\s*(?<ymdM>${NUM12})\\s*月\\s*(?<ymdD>${NUM12})\\s*[日号])`,
    `(?<sep>(?<!\\d)(?<sepY>\\d{4})(?<sepC>[-/.])(?<sepM>\\d{1,2})\\k<sepC>(?<sepD>\\d{1,2})(?!\\d))`,
    `(?<compact>(?<!\\d)(?<cY>(?:19|20)\\d{2})(?<cM>0[1-9]|1[0-2])(?<cD>\\d{2})(?!\\d))`,
    `(?<ym>(?<ymY>${YEAR})\\s*年\\s*(?<ymM>${NUM12})\\s*月(?:份)?)`,
    `(?<relYear>(?<ryWord>今年|去年|前年)\\s*(?<ryM>${NUM12})\\s*月(?:\\s*(?<ryD>${NUM12})\\s*[日号])?)`,
    `(?<md>(?<![\\d年])(?<mdM>${NUM12})\\s*月\\s*(?<mdD>${NUM12})\\s*[日号])`,
    `(?<y>(?<!\\d)(?<yY>\\d{4})\\s*年(?:度)?)`,
    `(?<rel>今天|今日|昨天|昨日|前天)`,
    `(?<m>(?<![\\d年])(?<mM>${NUM12})\\s*月份)`,
  ].join('|'),
  'gu',
);

function toExpression(groups: Record<string, string | undefined>, text: string, today: string): DateExpression | undefined {
  const num = (s: string | undefined) => (s === undefined ? undefined : parseSmallNumber(s));
  if (groups.issue !== undefined) {
    // Bounded before converting: 第99999999999999999999期 would otherwise become 1e20 and be echoed back rounded.
    const digits = groups.issueNo!.replace(/^0+/, '');
    if (digits.length > MAX_ISSUE_DIGITS) return invalid(text, `期号最多${MAX_ISSUE_DIGITS}位数，请检查后重新输入`);
    const n = Number(digits);
    return n > 0 ? { kind: 'issueNumber', number: n } : invalid(text, '期号应为正整数');
  }
  if (groups.ymd !== undefined) return dayOf(text, parseYear(groups.ymdY!), num(groups.ymdM), num(groups.ymdD));
  if (groups.sep !== undefined) return dayOf(text, Number(groups.sepY), Number(groups.sepM), Number(groups.sepD));
  if (groups.compact !== undefined) return dayOf(text, Number(groups.cY), Number(groups.cM), Number(groups.cD));
  if (groups.ym !== undefined) return monthOf(text, parseYear(groups.ymY!), num(groups.ymM));
  if (groups.relYear !== undefined) {
    // 今年/去年/前年 count back from today's year, as a reader means them.
    const year = todayParts(today).year - ['今年', '去年', '前年'].indexOf(groups.ryWord!);
    return groups.ryD === undefined ? monthOf(text, year, num(groups.ryM)) : dayOf(text, year, num(groups.ryM), num(groups.ryD));
  }
  if (groups.md !== undefined) {
    const day = recentDay(text, num(groups.mdM), num(groups.mdD), today);
    return day.kind === 'day' ? { ...day, yearless: true } : day;
  }
  if (groups.y !== undefined) {
    const year = Number(groups.yY);
    return year >= MIN_YEAR && year <= MAX_YEAR ? { kind: 'year', year } : invalid(text, `年份${year}不在${MIN_YEAR}到${MAX_YEAR}之间`);
  }
  if (groups.rel !== undefined) {
    const back = groups.rel.startsWith('今') ? 0 : groups.rel.startsWith('昨') ? 1 : 2;
    todayParts(today);
    return { kind: 'day', date: addDays(today, -back) };
  }
  if (groups.m !== undefined) return recentMonth(text, num(groups.mM), today);
  return undefined;
}

/**
 * Finds every date or issue-number expression in a question and returns them with the rest of the
 * question (the expressions cut out), which is what gets searched.
 *
 * @example findDateExpressions('11月7日的报纸说了什么', { today: '2024-11-20' })
 *   // → { found: [{ expression: { kind: 'day', date: '2024-11-07' }, text: '11月7日', index: 0 }], rest: '的报纸说了什么' }
 */
export function findDateExpressions(question: string, options: DateExpressionOptions): { found: FoundDateExpression[]; rest: string } {
  const text = question.normalize('NFKC');
  // Cut the rest from the original when NFKC kept the length (it almost always does: full-width digits
  // fold one for one), so the searched text keeps the reader's characters.
  const source = text.length === question.length ? question : text;
  const found: FoundDateExpression[] = [];
  let rest = '';
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    const expression = toExpression(m.groups ?? {}, m[0], options.today);
    if (expression === undefined) continue;
    found.push({ expression, text: m[0], index: m.index });
    // Keep a space where the expression was, so the words on either side are not glued together.
    rest += `${source.slice(last, m.index)} `;
    last = m.index + m[0].length;
  }
  rest += source.slice(last);
  return { found, rest: rest.replace(/\s+/g, ' ').trim() };
}

/**
 * Parses a whole text as one date or issue-number expression (the /date command's argument).
 * Returns undefined when the text is not a date expression at all, and `kind: 'invalid'` with a
 * reason in Chinese for an impossible date (2024-02-30, 13月1日).
 *
 * @example parseDateExpression('2024年11月7日', { today: '2025-01-01' }) // → { kind: 'day', date: '2024-11-07' }
 */
export function parseDateExpression(text: string, options: DateExpressionOptions): DateExpression | undefined {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return undefined;
  // Plain forms the free-text scanner would not take on their own: "7号"/"7日" (this month), "11月".
  const dayOnly = new RegExp(`^(${NUM12})\\s*[日号]$`, 'u').exec(trimmed);
  if (dayOnly) {
    const t = todayParts(options.today);
    const day = parseSmallNumber(dayOnly[1]!);
    if (day === undefined || day < 1 || day > 31) return invalid(trimmed, `没有${dayOnly[1]}日，日期应在1到31之间`);
    // This month's day if it has come, else last month's.
    const [y, m] = day <= t.day ? [t.year, t.month] : t.month === 1 ? [t.year - 1, 12] : [t.year, t.month - 1];
    return dayOf(trimmed, y, m, day);
  }
  // 11/7: month/day as chats write it (never taken from a question, where a slash may be a fraction).
  const slashed = /^(\d{1,2})\/(\d{1,2})$/u.exec(trimmed);
  if (slashed) {
    const day = recentDay(trimmed, Number(slashed[1]), Number(slashed[2]), options.today);
    return day.kind === 'day' ? { ...day, yearless: true } : day;
  }
  const monthOnly = new RegExp(`^(${NUM12})\\s*月$`, 'u').exec(trimmed);
  if (monthOnly) return recentMonth(trimmed, parseSmallNumber(monthOnly[1]!), options.today);
  const bareNumber = /^(\d{1,6})$/.exec(trimmed);
  if (bareNumber && !/^(19|20)\d{2}$/.test(trimmed)) return { kind: 'issueNumber', number: Number(trimmed) };
  if (/^(19|20)\d{2}$/.test(trimmed)) return { kind: 'year', year: Number(trimmed) };
  const { found, rest } = findDateExpressions(trimmed, options);
  const only = found[0];
  if (found.length !== 1 || only === undefined) return undefined;
  // The whole text must be the expression (a trailing "的报纸"/"那期" is allowed).
  if (rest !== '' && !/^(的)?(报纸|那期|这期|一期|期|版面|新闻)?$/u.test(rest)) return undefined;
  return only.expression;
}
