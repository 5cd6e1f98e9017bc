import { relatedLead } from '../../search/describe-outcome.js';
import type { Answer, SearchFilters, SearchOrder, SearchResult } from '../../search/types.js';
import { formatChineseDate } from '../../text/calendar.js';
import type { Button } from '../keyboards.js';
import { bold, escapeHtml, highlightTerms } from './html.js';
import { formatIssueDate } from './issue-date.js';
import { quoteReader } from './quote-reader.js';
import type { View } from './view.js';
import { answerPageButton } from '../features/ask-buttons.js';
import { readButton } from '../features/read-buttons.js';

/** How much of the question the answer's header quotes (the reader has it just above). */
const QUESTION_SHOWN = 40;

export interface AnswerPage {
  /** The question as the reader typed it: echoed in the header, escaped, never the engine's normalised form. */
  question: string;
  /** Results of this page only. */
  results: readonly SearchResult[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** Key under which the question is remembered for paging; without it there are no page buttons. */
  queryKey?: string;
  /** features: the order shown; a button switches to the other one. Default relevance. */
  order?: SearchOrder;
}

/**
 * One page of an answer: each result's headline, paper, issue date (约 when inferred), and the
 * excerpt the search engine chose, with the matched terms in bold; buttons to read each article
 * in full and to page through further results.
 */
export function renderAnswer(answer: Answer, page: AnswerPage): View {
  const first = page.page * page.pageSize;
  const lines: string[] = [];
  const range =
    page.page === 0 && !page.hasMore
      ? `共 ${page.results.length} 条`
      : page.results.length > 1
        ? `第 ${first + 1}–${first + page.results.length} 条`
        : `第 ${first + 1} 条`;
  if (answer.outcome === 'related' && page.page === 0) {
    // The archive has reports on the subject but none states the fact: say so before showing them.
    lines.push(`📰 ${escapeHtml(relatedLead(answer))}`);
    lines.push(`下面是这些报道（${range}）${describeFilters(answer.filters)}：`);
  } else {
    lines.push(`🔎 关于「${quoteReader(page.question, QUESTION_SHOWN)}」的报道（${range}${page.order === 'date' ? '，最新的在前' : ''}）${describeFilters(answer.filters)}`);
  }
  if (answer.direct !== undefined && page.page === 0) {
    lines.push('');
    lines.push(`答：${bold(answer.direct.text)}`);
  }
  page.results.forEach((r, i) => {
    lines.push('');
    lines.push(bold(`${first + i + 1}. ${r.title}`));
    lines.push(escapeHtml(resultSource(r)));
    lines.push(highlightTerms(r.excerpt, r.highlights));
  });
  lines.push('');
  lines.push('点击下方编号阅读全文。');

  const readRow: Button[] = page.results.map((r, i) => ({ text: `📖 ${first + i + 1}`, data: readButton.encode({ articleId: r.articleId, part: 0 }) }));
  const navRow: Button[] = [];
  if (page.queryKey !== undefined) {
    if (page.page > 0) navRow.push({ text: '◀ 上一页', data: answerPageButton.encode({ key: page.queryKey, page: page.page - 1, order: page.order ?? 'relevance' }) });
    if (page.hasMore) navRow.push({ text: '更多结果 ▶', data: answerPageButton.encode({ key: page.queryKey, page: page.page + 1, order: page.order ?? 'relevance' }) });
    // features: one button switches between relevance and date order, back to the first page.
    const other: SearchOrder = page.order === 'date' ? 'relevance' : 'date';
    navRow.push({ text: other === 'date' ? '🕒 最新在前' : '🎯 按相关度', data: answerPageButton.encode({ key: page.queryKey, page: 0, order: other }) });
  }
  return { text: lines.join('\n'), buttons: [readRow, navRow] };
}

/** The reply to everyday chat (讲个笑话, 陪我聊天): the bot says what it is for instead of searching. */
export function renderChat(): View {
  return { text: '我是报纸资料库的查询助手，陪聊可不太在行😊\n想了解报纸上报道过的人和事，直接把问题或关键词发给我就好；发送 /help 查看全部用法。' };
}

/** 《昌吉日报》 · 2024年11月7日 星期四 · 第12124期 */
export function resultSource(r: SearchResult): string {
  const parts = [`《${r.paper}》`, formatIssueDate(r.date, r.dateSource)];
  if (r.issueNumber !== undefined) parts.push(`第${r.issueNumber}期`);
  return parts.join(' · ');
}

function describeFilters(filters: SearchFilters): string {
  if (filters.date) return `\n（限定日期：${formatChineseDate(filters.date)}）`;
  if (filters.dateFrom && filters.dateTo) return `\n（限定日期：${formatChineseDate(filters.dateFrom)}至${formatChineseDate(filters.dateTo)}）`;
  if (filters.dateFrom) return `\n（限定日期：${formatChineseDate(filters.dateFrom)}起）`;
  if (filters.dateTo) return `\n（限定日期：${formatChineseDate(filters.dateTo)}以前）`;
  if (filters.issueNumber !== undefined) return `\n（限定期号：第${filters.issueNumber}期）`;
  return '';
}
