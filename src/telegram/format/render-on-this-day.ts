import type { IssueHead } from '../../archive/model.js';
import { openIssueButton } from '../features/browse-buttons.js';
import type { Button } from '../keyboards.js';
import { bold, escapeHtml } from './html.js';
import { formatIssueLabel, shorten } from './issue-date.js';
import type { View } from './view.js';

/** Earlier years shown, and headlines per year: a long archive still answers in a message or two. */
const MAX_YEARS = 10;
const TITLES_PER_ISSUE = 5;

/**
 * /onthisday: what the paper printed on this calendar day in earlier years, newest year first, each issue with its
 * first headlines and a button to open it; plainly "none" when no earlier year has an issue on that day.
 */
export function renderOnThisDay(date: string, earlier: readonly IssueHead[], paperName: string, inferred: readonly IssueHead[] = []): View {
  const [y, m, d] = date.split('-').map(Number);
  const day = `${m}月${d}日`;
  if (earlier.length === 0) {
    const more = '\n发送 /onthisday 日期 查看其他日子，例如 /onthisday 11月7日；或 /issues 查看全部期次。';
    if (inferred.length > 0) {
      // Issues the reader can see in /issues as 约…: say why they are not listed, and let them be opened.
      const labels = inferred.map((i) => formatIssueLabel(i)).join('、');
      return {
        text: `📅 ${bold(`历史上的今天 · ${day}`)}\n资料库中没有确知出版于${y}年以前${day}的《${escapeHtml(paperName)}》；${escapeHtml(labels)}的日期是从内容推断的，不一定是这一天，所以没有列入。${more}`,
        buttons: inferred.slice(0, MAX_YEARS).map((issue) => [{ text: `📰 ${shorten(formatIssueLabel(issue), 30)}`, data: openIssueButton.encode(issue.id) }]),
      };
    }
    return { text: `📅 ${bold(`历史上的今天 · ${day}`)}\n资料库中没有${y}年以前${day}的《${escapeHtml(paperName)}》。${more}` };
  }
  const shown = earlier.slice(0, MAX_YEARS);
  const lines = [`📅 ${bold(`历史上的今天 · ${day}`)}`, `《${escapeHtml(paperName)}》往年的这一天（最近的在前）：`];
  for (const issue of shown) {
    lines.push('', `${bold(`${y! - Number(issue.date.slice(0, 4))}年前`)} · ${escapeHtml(formatIssueLabel(issue))}`);
    for (const a of issue.articles.slice(0, TITLES_PER_ISSUE)) lines.push(`· ${escapeHtml(a.title)}`);
    if (issue.articles.length > TITLES_PER_ISSUE) lines.push(`…… 共 ${issue.articles.length} 篇`);
  }
  if (earlier.length > shown.length) lines.push('', `另有 ${earlier.length - shown.length} 期更早的报纸，可用 /date 查看。`);
  const buttons: Button[][] = shown.map((issue) => [{ text: `📰 ${shorten(formatIssueLabel(issue), 30)}`, data: openIssueButton.encode(issue.id) }]);
  return { text: lines.join('\n'), buttons };
}
