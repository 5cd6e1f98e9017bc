import type { ArticleHeadRef, TopicSummary } from '../../archive/archive.js';
import type { SearchResult } from '../../search/types.js';
import type { Button } from '../keyboards.js';
import { bold, escapeHtml } from './html.js';
import { formatIssueLabel, shorten } from './issue-date.js';
import { quoteReader } from './quote-reader.js';
import type { View } from './view.js';
import { readButton } from '../features/read-buttons.js';
import { topicListButton, topicPageButton } from '../features/topics-buttons.js';

/** Articles per page of a topic. */
export const TOPIC_PAGE_SIZE = 6;

/** /topics: topics and places with their article counts; each one with articles is a button. */
export function renderTopicList(topics: readonly TopicSummary[]): View {
  const describe = (kind: TopicSummary['kind']) =>
    topics
      .filter((t) => t.kind === kind)
      .map((t) => `${escapeHtml(t.name)}（${t.count}）`)
      .join('、');
  const text = [
    `🏷 ${bold('按主题浏览')}`,
    describe('topic') || '（未配置主题）',
    '',
    `📍 ${bold('按地区浏览')}`,
    describe('place') || '（未配置地区）',
    '',
    '点击下方按钮，或发送 /topic 名称。',
  ].join('\n');
  const buttonsOf = (kind: TopicSummary['kind']): Button[] =>
    topics.flatMap((t, index) => (t.kind === kind && t.count > 0 ? [{ text: `${t.name} ${t.count}`, data: topicPageButton.encode({ index, page: 0 }) }] : []));
  return { text, buttons: [...chunk(buttonsOf('topic'), 3), ...chunk(buttonsOf('place'), 3)] };
}

/** One page of a topic's articles, newest first. */
export function renderTopicPage(topic: TopicSummary, index: number, refs: readonly ArticleHeadRef[], page: number): View {
  const pages = Math.max(1, Math.ceil(refs.length / TOPIC_PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const slice = refs.slice(p * TOPIC_PAGE_SIZE, (p + 1) * TOPIC_PAGE_SIZE);
  const label = topic.kind === 'place' ? '📍' : '🏷';
  if (slice.length === 0) {
    return { text: `${label} ${bold(topic.name)}：暂时没有相关报道。`, buttons: [[{ text: '◀ 全部主题', data: topicListButton.encode(true) }]] };
  }
  const lines = [`${label} ${bold(topic.name)} · 共 ${refs.length} 篇，最新的在前${pages > 1 ? `（第 ${p + 1}/${pages} 页）` : ''}`];
  slice.forEach((ref, i) => {
    lines.push('', `${p * TOPIC_PAGE_SIZE + i + 1}. ${escapeHtml(ref.article.title)}`, `   ${escapeHtml(formatIssueLabel(ref.issue))}`);
  });
  const read: Button[][] = slice.map((ref, i) => [
    { text: `📖 ${p * TOPIC_PAGE_SIZE + i + 1}. ${shorten(ref.article.title, 24)}`, data: readButton.encode({ articleId: ref.article.id, part: 0 }) },
  ]);
  const nav: Button[] = [];
  if (p > 0) nav.push({ text: '◀ 上一页', data: topicPageButton.encode({ index, page: p - 1 }) });
  nav.push({ text: '全部主题', data: topicListButton.encode(true) });
  if (p < pages - 1) nav.push({ text: '下一页 ▶', data: topicPageButton.encode({ index, page: p + 1 }) });
  return { text: lines.join('\n'), buttons: [...read, nav] };
}

/**
 * An unknown topic name: headlines that contain it instead (engine.searchTitles); when no headline
 * does, the articles whose text the search finds for it (`inText`), so the reader never hits a dead end.
 */
export function renderTitleMatches(name: string, results: readonly SearchResult[], inText: readonly SearchResult[] = []): View {
  if (results.length === 0 && inText.length === 0) {
    return { text: `没有名为「${quoteReader(name)}」的主题，资料库中也没有找到它。\n发送 /topics 查看全部主题和地区，或换个说法直接问我。` };
  }
  const heading = results.length > 0 ? `没有名为「${quoteReader(name)}」的主题，以下是标题相关的报道：` : `没有名为「${quoteReader(name)}」的主题，标题中也没有；以下是正文提到它的报道：`;
  return renderResultList(heading, results.length > 0 ? results : inText);
}

/** A topic with no article tagged yet: the articles the search finds for its name instead. */
export function renderEmptyTopic(topic: TopicSummary, inText: readonly SearchResult[]): View {
  const label = topic.kind === 'place' ? '📍' : '🏷';
  if (inText.length === 0) {
    return { text: `${label} ${bold(topic.name)}：暂时没有相关报道。`, buttons: [[{ text: '◀ 全部主题', data: topicListButton.encode(true) }]] };
  }
  return renderResultList(`${label} ${bold(topic.name)}：还没有归入这个主题的报道；以下是正文提到「${escapeHtml(topic.name)}」的报道：`, inText);
}

/** A numbered list of found articles with a read button each, and the way back to all topics. */
function renderResultList(heading: string, results: readonly SearchResult[]): View {
  const lines = [heading];
  results.forEach((r, i) => lines.push('', `${i + 1}. ${escapeHtml(r.title)}`, `   ${escapeHtml(formatIssueLabel({ date: r.date, dateSource: r.dateSource, number: r.issueNumber }))}`));
  const read: Button[][] = results.map((r, i) => [{ text: `📖 ${i + 1}. ${shorten(r.title, 24)}`, data: readButton.encode({ articleId: r.articleId, part: 0 }) }]);
  return { text: lines.join('\n'), buttons: [...read, [{ text: '全部主题', data: topicListButton.encode(true) }]] };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
