import { formatChineseDate } from '../../text/calendar.js';
import type { Article, IssueHead } from '../../archive/model.js';
import type { Button } from '../keyboards.js';
import { bold, escapeHtml } from './html.js';
import { formatIssueDate, formatIssueLabel, formatIssueSpan, formatShortIssueDate, shorten } from './issue-date.js';
import { MESSAGE_LIMIT } from './split-html-message.js';
import type { View } from './view.js';
import { issueButton, issuesPageButton } from '../features/browse-buttons.js';
import { readButton } from '../features/read-buttons.js';

/** Issues per page of /issues. */
export const ISSUES_PER_PAGE = 8;

const KIND_MARK: Record<Article['kind'], string> = { news: '', feature: '', photo: '📷 ', commentary: '💬 ', brief: '' };

/**
 * An issue: date (约 when inferred), number, page count, its headlines, a button per article,
 * and ◀ previous / next ▶ issue buttons.
 */
export function renderIssue(issue: IssueHead, neighbours: { previous?: IssueHead; next?: IssueHead }): View {
  const head = [`📰 ${bold(`《${issue.paper}》${formatIssueDate(issue.date, issue.dateSource)}`)}`];
  const facts: string[] = [];
  if (issue.number !== undefined) facts.push(`总第${issue.number}期`);
  if (issue.lunarDate) facts.push(escapeHtml(issue.lunarDate));
  if (issue.pageCount !== undefined) facts.push(`今日${issue.pageCount}版`);
  facts.push(`共 ${issue.articles.length} 篇`);
  head.push(facts.join(' · '));
  if (issue.dateSource === 'inferred') head.push('（报头未印日期，日期为推断。）');
  if (issue.dateSource === 'filename') head.push('（报头未印日期，日期取自档案存放的文件夹或文件名。）');
  head.push('');

  const footer = ['', '点击下方按钮阅读全文。'];
  const budget = MESSAGE_LIMIT - [...head, ...footer].join('\n').length - 100;
  const lines: string[] = [];
  let used = 0;
  issue.articles.forEach((a, i) => {
    const line = `${i + 1}. ${KIND_MARK[a.kind]}${escapeHtml(a.title)}`;
    // A very full issue still fits one message: the buttons list every article anyway.
    if (used + line.length + 1 > budget) return;
    lines.push(line);
    used += line.length + 1;
  });
  if (lines.length < issue.articles.length) lines.push(`…… 其余 ${issue.articles.length - lines.length} 篇见下方按钮`);

  const articleRows: Button[][] = issue.articles
    .slice(0, 90)
    .map((a, i) => [{ text: `${i + 1}. ${shorten(a.title, 28)}`, data: readButton.encode({ articleId: a.id, part: 0 }) }]);
  const nav: Button[] = [];
  if (neighbours.previous) nav.push({ text: `◀ 上一期 ${formatShortIssueDate(neighbours.previous, issue.date)}`, data: issueButton.encode(neighbours.previous.id) });
  if (neighbours.next) nav.push({ text: `下一期 ${formatShortIssueDate(neighbours.next, issue.date)} ▶`, data: issueButton.encode(neighbours.next.id) });
  return { text: [...head, ...lines, ...footer].join('\n'), buttons: [...articleRows, nav, [{ text: '📚 全部期次', data: issuesPageButton.encode(0) }]] };
}

/** One page of the archive's issues, newest first, each a button. */
export function renderIssueList(issues: readonly IssueHead[], page: number, paperName: string): View {
  const newestFirst = [...issues].reverse();
  const pages = Math.max(1, Math.ceil(newestFirst.length / ISSUES_PER_PAGE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const slice = newestFirst.slice(p * ISSUES_PER_PAGE, (p + 1) * ISSUES_PER_PAGE);
  if (slice.length === 0) return { text: `资料库暂时还没有收录《${escapeHtml(paperName)}》的报纸。` };
  const first = newestFirst[newestFirst.length - 1]!;
  const last = newestFirst[0]!;
  const text = [
    `📚 ${bold(`《${paperName}》资料库 · 共 ${issues.length} 期`)}`,
    formatIssueSpan(first, last),
    pages > 1 ? `第 ${p + 1}/${pages} 页，点击查看某一期：` : '点击查看某一期：',
  ].join('\n');
  const rows: Button[][] = slice.map((issue) => [{ text: `${formatIssueLabel(issue)} · ${issue.articles.length}篇`, data: issueButton.encode(issue.id) }]);
  const nav: Button[] = [];
  if (p > 0) nav.push({ text: '◀ 较新', data: issuesPageButton.encode(p - 1) });
  if (p < pages - 1) nav.push({ text: '较早 ▶', data: issuesPageButton.encode(p + 1) });
  return { text, buttons: [...rows, nav] };
}

/** A day with no issue: say so and offer the nearest issues before and after it. */
export function renderMissingDay(date: string, nearest: { before?: IssueHead; after?: IssueHead }, paperName: string): View {
  const lines = [`${formatChineseDate(date)}没有找到《${escapeHtml(paperName)}》（当天可能未出版，或尚未收录）。`];
  const buttons: Button[] = [];
  if (nearest.before || nearest.after) {
    lines.push('最近的几期：');
    if (nearest.before) buttons.push({ text: `◀ ${formatIssueLabel(nearest.before)}`, data: issueButton.encode(nearest.before.id) });
    if (nearest.after) buttons.push({ text: `${formatIssueLabel(nearest.after)} ▶`, data: issueButton.encode(nearest.after.id) });
  } else {
    lines.push('发送 /issues 查看资料库收录的全部期次。');
  }
  return { text: lines.join('\n'), buttons: buttons.map((b) => [b]) };
}

/** The issues of a month or a year (/date 2024年11月). */
export function renderIssuesInPeriod(label: string, issues: readonly IssueHead[], paperName: string): View {
  if (issues.length === 0) {
    return { text: `${escapeHtml(label)}没有收录《${escapeHtml(paperName)}》的报纸。发送 /issues 查看资料库收录的全部期次。` };
  }
  const shown = issues.slice(0, 31);
  return {
    text: `${escapeHtml(label)}共收录 ${issues.length} 期，点击查看：`,
    buttons: shown.map((issue) => [{ text: formatIssueLabel(issue), data: issueButton.encode(issue.id) }]),
  };
}
