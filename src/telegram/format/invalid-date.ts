import { escapeHtml } from './html.js';
import { quoteReader } from './quote-reader.js';

/**
 * Why a date (or issue number) the reader typed cannot be: 「2月30日」不是一个有效的日期：2月没有30日. One
 * wording for /date, /onthisday and the rest, so an impossible date is explained, never "没看懂". (HTML)
 *
 * @example invalidDateText({ text: '2月30日', reason: '2月没有30日' })
 */
export function invalidDateText(expression: { text: string; reason: string }): string {
  return `「${quoteReader(expression.text)}」不是一个有效的${/期$/u.test(expression.text) ? '期号' : '日期'}：${escapeHtml(expression.reason)}`;
}
