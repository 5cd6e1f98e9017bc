import { Composer } from 'grammy';
import type { Archive, TopicSummary } from '../../archive/archive.js';
import type { SearchEngine } from '../../search/types.js';
import { normalizeForMatch } from '../../text/normalize-for-match.js';
import type { BotContext } from '../context.js';
import { renderEmptyTopic, renderTitleMatches, renderTopicList, renderTopicPage } from '../format/render-topics.js';
import { topicListButton, topicPageButton } from './topics-buttons.js';
import { editView, replyView } from '../reply.js';

/** How many headline matches an unknown topic name shows. */
const TITLE_MATCHES = 6;

/**
 * Browsing by topic and by place (both from config/topics.json, assigned by the archive from each
 * article's content): /topics, /topic <名称>, and their buttons (`t:<index>:<page>`, `tl`).
 * A name that is no topic falls back to a search over headlines.
 */
export function createTopicsFeature(deps: { archive: Archive; search: SearchEngine }): Composer<BotContext> {
  const { archive } = deps;
  const feature = new Composer<BotContext>();
  // A word no topic and no headline holds may still be printed in articles: offer those (never a dead end).
  // Only articles that print the whole word, so that "正文提到它" is true (不存在的东西 must not find 存在).
  const textMatches = (word: string) => deps.search.search(word, { limit: TITLE_MATCHES, phrases: [word] }).results;

  feature.command('topics', async (ctx) => {
    await replyView(ctx, renderTopicList(archive.topics()));
  });

  feature.command('topic', async (ctx) => {
    const name = ctx.match.trim();
    const topics = archive.topics();
    if (name === '') {
      await replyView(ctx, renderTopicList(topics));
      return;
    }
    const index = findTopic(topics, name);
    if (index === undefined) {
      const titles = deps.search.searchTitles(name, TITLE_MATCHES);
      await replyView(ctx, renderTitleMatches(name, titles, titles.length > 0 ? [] : textMatches(name)));
      return;
    }
    const topic = topics[index]!;
    const refs = archive.articlesByTopic(topic.name);
    await replyView(ctx, refs.length > 0 ? renderTopicPage(topic, index, refs, 0) : renderEmptyTopic(topic, textMatches(topic.name)));
  });

  feature.callbackQuery(topicListButton.filter, async (ctx) => {
    await editView(ctx, renderTopicList(archive.topics()));
    await ctx.answerCallbackQuery();
  });

  feature.callbackQuery(topicPageButton.filter, async (ctx) => {
    const action = topicPageButton.decode(ctx.callbackQuery.data);
    const topics = archive.topics();
    const topic = action === undefined ? undefined : topics[action.index];
    if (action === undefined || topic === undefined) {
      await ctx.answerCallbackQuery({ text: '这个主题已不存在，请发送 /topics 重新选择。' });
      return;
    }
    await editView(ctx, renderTopicPage(topic, action.index, archive.articlesByTopic(topic.name), action.page));
    await ctx.answerCallbackQuery();
  });

  return feature;
}

/**
 * The topic a reader meant: its exact name, or the one name that contains what was typed or is
 * contained in it (木垒 → 木垒县, 农业 → 农业农村). Ambiguous or unknown → undefined.
 */
export function findTopic(topics: readonly TopicSummary[], typed: string): number | undefined {
  // Compared as questions are: 農業農村 (traditional), full-width or capitals name the same topic.
  const name = normalizeForMatch(typed);
  const names = topics.map((t) => normalizeForMatch(t.name));
  const exact = names.indexOf(name);
  if (exact !== -1) return exact;
  const close = names.flatMap((t, i) => (t.includes(name) || name.includes(t) ? [i] : []));
  return close.length === 1 ? close[0] : undefined;
}
