import { Composer } from 'grammy';
import type { Archive } from '../../archive/archive.js';
import { addDays, formatChineseDate, isoDateIn } from '../../text/calendar.js';
import type { IssueHead } from '../../archive/model.js';
import { parseDateExpression, type DateExpression } from '../../text/parse-date-expression.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format/html.js';
import { formatIssueLabel, formatIssueSpan } from '../format/issue-date.js';
import { renderIssue, renderIssueList, renderIssuesInPeriod, renderMissingDay } from '../format/render-issue.js';
import type { View } from '../format/view.js';
import { editView, replyView } from '../reply.js';
import { issueButton, issuesPageButton, openIssueButton } from './browse-buttons.js';
import { quoteReader } from '../format/quote-reader.js';
import { invalidDateText } from '../format/invalid-date.js';

/** What /latest and /date show; also used when a reader just writes 最新一期 or 昨天的报纸. */
export interface IssueViews {
  /** The newest issue (/latest). */
  latest(): View;
  /** The oldest issue (a reader asking 最早的一期是哪天). */
  earliest(): View;
  /** What /date shows for the text after the command: an issue, a list, or how to write a date. */
  forDate(text: string): View;
  /** True when `text` as a whole names a day, month, year, week or issue number /date understands. */
  isDate(text: string): boolean;
}

/** The views behind /latest and /date, over the archive and today's date in the paper's time zone. */
export function createIssueViews(deps: { archive: Archive; timeZone: string; now: () => Date }): IssueViews {
  const { archive } = deps;
  const paperName = archive.paper.name;
  const issueView = (issue: IssueHead): View => renderIssue(issue, archive.neighbours(issue.id));
  const today = () => isoDateIn(deps.timeZone, deps.now());

  const latest = (): View => {
    const issue = archive.latest();
    return issue ? issueView(issue) : { text: `资料库暂时还没有收录《${escapeHtml(paperName)}》的报纸。` };
  };

  const earliest = (): View => {
    const issue = archive.issues()[0];
    return issue ? { ...issueView(issue), text: `资料库中最早的一期：\n${issueView(issue).text}` } : latest();
  };

  const understand = (text: string): { period?: Period; expression?: DateExpression } => {
    const day = today();
    const local = normaliseDateText(text, day);
    if (typeof local === 'object') return { period: local };
    return { expression: parseDateExpression(local, { today: day }) };
  };

  const forDate = (text: string): View => {
    const day = today();
    if (text.trim() === '') return { text: dateUsage(archive) };
    const { period, expression } = understand(text);
    if (period) return renderIssuesInPeriod(period.label, archive.issues().filter((i) => i.date >= period.from && i.date <= period.to), paperName);
    if (expression === undefined) {
      return { text: `没有看懂「${quoteReader(text)}」这个日期。\n${dateUsage(archive)}` };
    }
    switch (expression.kind) {
      case 'invalid':
        return { text: `${invalidDateText(expression)}\n${dateUsage(archive)}` };
      case 'day': {
        const [issue] = archive.issuesOn(expression.date);
        if (issue) return issueView(issue);
        // "11月7日" with no year: the reader means the 7 November the archive has, not necessarily this year's.
        const sameDay = expression.yearless ? latestOnSameDay(archive, expression.date, day) : undefined;
        return sameDay ? issueView(sameDay) : renderMissingDay(expression.date, archive.nearest(expression.date), paperName);
      }
      case 'month': {
        // "11月" with no year, like "11月7日": the most recent November the archive has, else the last calendar one.
        const year = writesYear(text) ? expression.year : latestYearOfMonth(archive, expression.month, day);
        const prefix = `${year}-${String(expression.month).padStart(2, '0')}-`;
        return renderIssuesInPeriod(`${year}年${expression.month}月`, archive.issues().filter((i) => i.date.startsWith(prefix)), paperName);
      }
      case 'year':
        return renderIssuesInPeriod(`${expression.year}年`, archive.issues().filter((i) => i.date.startsWith(`${expression.year}-`)), paperName);
      case 'issueNumber': {
        const issue = archive.issueByNumber(expression.number);
        return issue ? issueView(issue) : missingNumber(expression.number);
      }
    }
  };

  function missingNumber(number: number): View {
    const numbered = archive.issues().filter((i) => i.number !== undefined);
    const before = numbered.filter((i) => i.number! < number).sort((a, b) => b.number! - a.number!)[0];
    const after = numbered.filter((i) => i.number! > number).sort((a, b) => a.number! - b.number!)[0];
    const buttons = [before, after].flatMap((i) => (i ? [[{ text: formatIssueLabel(i), data: issueButton.encode(i.id) }]] : []));
    return {
      text: `资料库中没有第${number}期《${escapeHtml(paperName)}》。${buttons.length > 0 ? '\n期号最接近的几期：' : '\n发送 /issues 查看资料库收录的全部期次。'}`,
      buttons,
    };
  }

  const isDate = (text: string): boolean => {
    const { period, expression } = understand(text);
    return period !== undefined || expression !== undefined;
  };

  return { latest, earliest, forDate, isDate };
}

/**
 * Browsing by date: /latest, /date <日期> (alias /issue), /issues, and the buttons that move
 * between issues (`i:` edits the message in place, `o:` opens an issue as a new message, `il:` pages).
 */
export function createBrowseFeature(deps: { archive: Archive; timeZone: string; now: () => Date; views?: IssueViews }): Composer<BotContext> {
  const { archive } = deps;
  const views = deps.views ?? createIssueViews(deps);
  const feature = new Composer<BotContext>();
  const paperName = archive.paper.name;
  const issueView = (issue: IssueHead): View => renderIssue(issue, archive.neighbours(issue.id));

  feature.command('latest', async (ctx) => {
    await replyView(ctx, views.latest());
  });

  feature.command(['date', 'issue'], async (ctx) => {
    await replyView(ctx, views.forDate(ctx.match));
  });

  feature.command('issues', async (ctx) => {
    await replyView(ctx, renderIssueList(archive.issues(), 0, paperName));
  });

  feature.callbackQuery(issuesPageButton.filter, async (ctx) => {
    const page = issuesPageButton.decode(ctx.callbackQuery.data);
    if (page === undefined) {
      await ctx.answerCallbackQuery({ text: '这个按钮已失效，请发送 /issues 重新查看。' });
      return;
    }
    await editView(ctx, renderIssueList(archive.issues(), page, paperName));
    await ctx.answerCallbackQuery();
  });

  const showIssue = (codec: typeof issueButton, show: (ctx: BotContext, view: View) => Promise<unknown>) =>
    feature.callbackQuery(codec.filter, async (ctx) => {
      const id = codec.decode(ctx.callbackQuery.data);
      const issue = id === undefined ? undefined : archive.issueById(id);
      if (issue === undefined) {
        await ctx.answerCallbackQuery({ text: '这一期已不在资料库中，请发送 /issues 重新选择。' });
        return;
      }
      await show(ctx, issueView(issue));
      await ctx.answerCallbackQuery();
    });
  showIssue(issueButton, editView);
  showIssue(openIssueButton, replyView);

  return feature;
}

/** A span of days /date lists the issues of (上周, 本周). */
interface Period {
  label: string;
  from: string;
  to: string;
}

/** What /date may end with and still be only a date: 昨天的报纸, 上周那期. */
const DATE_TAIL = /(?:的)?(?:报纸|报|那期|这期|那一期|一期|各期|期|版面|新闻)$/u;

/**
 * The bot's own reading of a /date argument before the shared date parser sees it: NFKC, 2024-11 and
 * 2024/11 as a month, and 本周/上周/本月/上个月/今年/去年/前年. Returns a period for weeks, else the text to parse.
 */
function normaliseDateText(text: string, today: string): Period | string {
  const t = text.normalize('NFKC').replace(/\s+/g, '').trim();
  const yearMonth = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (yearMonth) return `${yearMonth[1]}年${Number(yearMonth[2])}月`;
  const core = t.replace(DATE_TAIL, '');
  const [y, m] = today.split('-').map(Number) as [number, number];
  const relative = RELATIVE_PERIODS.find((r) => r.words.includes(core));
  if (!relative) return t;
  switch (relative.kind) {
    case 'month': {
      const month = relative.back === 0 ? { y, m } : m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
      return `${month.y}年${month.m}月`;
    }
    case 'year':
      return `${y - relative.back}年`;
    case 'week': {
      // Weeks start on Monday.
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
      const from = addDays(today, -weekday - 7 * relative.back);
      const to = addDays(from, 6);
      const label = `${relative.back === 0 ? '本周' : '上周'}（${formatChineseDate(from)}至${formatChineseDate(to)}）`;
      return { label, from, to };
    }
  }
}

const RELATIVE_PERIODS: { kind: 'week' | 'month' | 'year'; back: number; words: string[] }[] = [
  { kind: 'week', back: 0, words: ['本周', '这周', '本星期', '这星期', '这个星期', '这礼拜', '这个礼拜', '本礼拜'] },
  { kind: 'week', back: 1, words: ['上周', '上星期', '上个星期', '上礼拜', '上个礼拜', '上一周'] },
  { kind: 'month', back: 0, words: ['本月', '这个月', '这月'] },
  { kind: 'month', back: 1, words: ['上月', '上个月', '上一个月'] },
  { kind: 'year', back: 0, words: ['今年', '本年'] },
  { kind: 'year', back: 1, words: ['去年', '上一年'] },
  { kind: 'year', back: 2, words: ['前年'] },
];

/** True when the reader wrote a year (2024年11月, 2024-11, 今年, 上个月), not just a month (11月, 十一月份). */
function writesYear(text: string): boolean {
  const t = text.normalize('NFKC');
  return /\d{4}|[〇零一二三四五六七八九]{4}|年/u.test(t) || RELATIVE_PERIODS.some((r) => r.words.some((w) => t.includes(w)));
}

/**
 * The year of the most recent `month` (1–12) that has issues, not after today; with none, the year of the most
 * recent calendar `month` (this year's when it has begun, else last year's).
 */
function latestYearOfMonth(archive: Archive, month: number, today: string): number {
  const mm = `-${String(month).padStart(2, '0')}-`;
  const issue = [...archive.issues()].reverse().find((i) => i.date.slice(4, 8) === mm && i.date <= today);
  if (issue) return Number(issue.date.slice(0, 4));
  const [y, m] = today.split('-').map(Number) as [number, number];
  return month <= m ? y : y - 1;
}

/** The newest issue, not after today, printed on the same month and day as `date` in any year. */
function latestOnSameDay(archive: Archive, date: string, today: string) {
  const monthDay = date.slice(4);
  return [...archive.issues()].reverse().find((i) => i.date.endsWith(monthDay) && i.date <= today);
}

/** How to write a date, with examples from the archive itself. */
function dateUsage(archive: Archive): string {
  const latest = archive.latest();
  const iso = latest?.date ?? '2024-11-07';
  const [y, m, d] = iso.split('-').map(Number);
  const lines = [
    '请在 /date（或 /issue）后面写上日期或期号，例如：',
    `/date ${iso}`,
    `/date ${y}/${m}/${d}`,
    `/date ${m}月${d}日`,
    `/date ${y}-${String(m).padStart(2, '0')}（整月）`,
  ];
  if (latest?.number !== undefined) lines.push(`/date 第${latest.number}期`);
  const issues = archive.issues();
  if (issues.length > 0) lines.push(`资料库收录 ${formatIssueSpan(issues[0]!, issues[issues.length - 1]!)} 的报纸。`);
  return lines.join('\n');
}
