import { Composer } from 'grammy';
import type { Archive } from '../../archive/archive.js';
import { formatChineseDate, isoDateIn } from '../../archive/calendar.js';
import type { Issue } from '../../archive/model.js';
import { parseDateExpression } from '../../text/parse-date-expression.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format/html.js';
import { formatIssueLabel } from '../format/issue-date.js';
import { renderIssue, renderIssueList, renderIssuesInPeriod, renderMissingDay } from '../format/render-issue.js';
import type { View } from '../format/view.js';
import { decodeCallback } from '../keyboards.js';
import { editView, replyView } from '../reply.js';

/**
 * Browsing by date: /latest, /date <日期> (alias /issue), /issues, and the buttons that move
 * between issues (`i:` edits the message in place, `o:` opens an issue as a new message, `il:` pages).
 */
export function createBrowseFeature(deps: { archive: Archive; timeZone: string; now: () => Date }): Composer<BotContext> {
  const { archive } = deps;
  const feature = new Composer<BotContext>();
  const paperName = archive.paper.name;
  const issueView = (issue: Issue): View => renderIssue(issue, archive.neighbours(issue.id));

  feature.command('latest', async (ctx) => {
    const latest = archive.latest();
    await replyView(ctx, latest ? issueView(latest) : { text: `资料库暂时还没有收录《${escapeHtml(paperName)}》的报纸。` });
  });

  feature.command(['date', 'issue'], async (ctx) => {
    await replyView(ctx, viewForDate(ctx.match.trim()));
  });

  feature.command('issues', async (ctx) => {
    await replyView(ctx, renderIssueList(archive.issues(), 0, paperName));
  });

  feature.callbackQuery(/^(i|o|il):/, async (ctx) => {
    const action = decodeCallback(ctx.callbackQuery.data);
    if (action?.kind === 'issues') {
      await editView(ctx, renderIssueList(archive.issues(), action.page, paperName));
      await ctx.answerCallbackQuery();
      return;
    }
    const issue = action?.kind === 'issue' || action?.kind === 'openIssue' ? archive.issueById(action.issueId) : undefined;
    if (issue === undefined) {
      await ctx.answerCallbackQuery({ text: '这一期已不在资料库中，请发送 /issues 重新选择。' });
      return;
    }
    if (action?.kind === 'openIssue') await replyView(ctx, issueView(issue));
    else await editView(ctx, issueView(issue));
    await ctx.answerCallbackQuery();
  });

  /** What /date shows for the text after the command. */
  function viewForDate(text: string): View {
    const today = isoDateIn(deps.timeZone, deps.now());
    if (text === '') return { text: dateUsage(archive) };
    const expression = parseDateExpression(text, { today });
    if (expression === undefined) {
      return { text: `没有看懂「${escapeHtml(text)}」这个日期。\n${dateUsage(archive)}` };
    }
    switch (expression.kind) {
      case 'invalid':
        return { text: `「${escapeHtml(expression.text)}」不是一个有效的日期：${escapeHtml(expression.reason)}\n${dateUsage(archive)}` };
      case 'day': {
        const [issue] = archive.issuesOn(expression.date);
        if (issue) return issueView(issue);
        // "11月7日" with no year: the reader means the 7 November the archive has, not necessarily this year's.
        const sameDay = expression.yearless ? latestOnSameDay(archive, expression.date, today) : undefined;
        return sameDay ? issueView(sameDay) : renderMissingDay(expression.date, archive.nearest(expression.date), paperName);
      }
      case 'month': {
        const prefix = `${expression.year}-${String(expression.month).padStart(2, '0')}-`;
        return renderIssuesInPeriod(`${expression.year}年${expression.month}月`, archive.issues().filter((i) => i.date.startsWith(prefix)), paperName);
      }
      case 'year':
        return renderIssuesInPeriod(`${expression.year}年`, archive.issues().filter((i) => i.date.startsWith(`${expression.year}-`)), paperName);
      case 'issueNumber': {
        const issue = archive.issueByNumber(expression.number);
        return issue ? issueView(issue) : missingNumber(expression.number);
      }
    }
  }

  function missingNumber(number: number): View {
    const numbered = archive.issues().filter((i) => i.number !== undefined);
    const before = numbered.filter((i) => i.number! < number).sort((a, b) => b.number! - a.number!)[0];
    const after = numbered.filter((i) => i.number! > number).sort((a, b) => a.number! - b.number!)[0];
    const buttons = [before, after].flatMap((i) => (i ? [[{ text: formatIssueLabel(i), action: { kind: 'issue' as const, issueId: i.id } }]] : []));
    return {
      text: `资料库中没有第${number}期《${escapeHtml(paperName)}》。${buttons.length > 0 ? '\n期号最接近的几期：' : '\n发送 /issues 查看资料库收录的全部期次。'}`,
      buttons,
    };
  }

  return feature;
}

/** The newest issue, not after today, printed on the same month and day as `date` in any year. */
function latestOnSameDay(archive: Archive, date: string, today: string) {
  const monthDay = date.slice(4);
  return [...archive.issues()].reverse().find((i) => i.date.endsWith(monthDay) && i.date <= today);
}

/** How to write a date, with examples from the archive itself. */
function dateUsage(archive: Archive): string {
  const latest = archive.latest();
  const range = archive.dateRange();
  const iso = latest?.date ?? '2024-11-07';
  const [y, m, d] = iso.split('-').map(Number);
  const lines = [
    '请在 /date 后面写上日期或期号，例如：',
    `/date ${iso}`,
    `/date ${y}/${m}/${d}`,
    `/date ${m}月${d}日`,
    '/date 昨天',
  ];
  if (latest?.number !== undefined) lines.push(`/date 第${latest.number}期`);
  if (range) lines.push(`资料库收录 ${formatChineseDate(range.first)}至${formatChineseDate(range.last)} 的报纸。`);
  return lines.join('\n');
}
