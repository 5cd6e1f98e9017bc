import type { ArticleRef } from '../../archive/archive.js';
import { articleDeepLink, shareUrl } from '../deep-link.js';
import type { Button } from '../keyboards.js';
import { bold, escapeHtml, italic } from './html.js';
import { formatIssueLabel } from './issue-date.js';
import { splitHtmlMessage } from './split-html-message.js';
import { openIssueButton } from '../features/browse-buttons.js';
import { readButton } from '../features/read-buttons.js';

/**
 * An article in full, as HTML split into messages of at most 4096 characters at sentence ends:
 * kicker, headline, subtitle, paper and issue date (约 when inferred), byline, every paragraph,
 * photo captions, and the t.me link that opens it again.
 */
export function renderArticleParts(ref: ArticleRef, botUsername: string): string[] {
  const { article, issue } = ref;
  const lines: string[] = [];
  if (article.kicker) lines.push(italic(article.kicker));
  lines.push(bold(article.title));
  if (article.subtitle) lines.push(escapeHtml(article.subtitle));
  lines.push(escapeHtml(`《${issue.paper}》${formatIssueLabel(issue)}`));
  if (article.byline) lines.push(escapeHtml(article.byline));
  lines.push('');
  const paragraphs = [...article.paragraphs];
  if (article.dateline && paragraphs[0] !== undefined && !paragraphs[0].startsWith(article.dateline)) {
    paragraphs[0] = `${article.dateline} ${paragraphs[0]}`;
  }
  for (const p of paragraphs) lines.push(escapeHtml(p), '');
  for (const c of article.captions) lines.push(`📷 ${escapeHtml(c)}`, '');
  if (paragraphs.length === 0 && article.captions.length === 0) lines.push('（这一条没有正文。）', '');
  lines.push(`🔗 分享本文：${escapeHtml(articleDeepLink(botUsername, article.id))}`);
  return splitHtmlMessage(lines.join('\n'));
}

/** Buttons under the last message of an article: share it, open its issue, or continue reading. */
export function articleButtons(ref: ArticleRef, botUsername: string, continueAt?: { part: number; total: number }): Button[][] {
  const rows: Button[][] = [];
  if (continueAt) {
    rows.push([{ text: `继续阅读（${continueAt.part + 1}/${continueAt.total}）▶`, data: readButton.encode({ articleId: ref.article.id, part: continueAt.part }) }]);
  }
  rows.push([
    { text: '🔗 分享本文', url: shareUrl(articleDeepLink(botUsername, ref.article.id), ref.article.title) },
    { text: '📰 查看本期', data: openIssueButton.encode(ref.issue.id) },
  ]);
  return rows;
}
